/**
 * The shipped classifier on fresh posts, set 31: 120 invented posts (60 German, 60 English, 22 complaints in each) in
 * regional voices: a broad mix, the most obvious situations (lost parcels, hotline queues, late trains) kept to two posts each. Written and labelled by a session helper blind to the code and the earlier sets
 * (tests/fixtures/fresh-31.tsv), near the session's end, and held out whole: its errors not read and no rule written from it. Scored
 * with the code at the start of that session and at its end (German / English): complaint F1 0.651 → 0.682 / 0.769 → 0.760, sentiment accuracy
 * 0.550 → 0.533 / 0.650 → 0.650. Floors sit a little under the figures at the end. The German rule for posts without cue
 * support (GERMAN_UNSUPPORTED_SURE, the session after) moved German to 0.634: pooled over the held-out sets it was neutral
 * (0.7470 → 0.7469), fewer false alarms and some complaints lost; this set lost most.
 */
import path from 'node:path';
import { describeFreshSet } from '../../helpers/fresh-set.ts';

const FLOOR = {
  de: { held: { f1: 0.62, sentiment: 0.5 } },
  en: { held: { f1: 0.73, sentiment: 0.62 } },
} as const;

describeFreshSet(
  'fresh-31',
  'shipped classifier on fresh posts, set 31 (held out whole)',
  path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'fresh-31.tsv'),
  FLOOR,
  10,
  'split\tlang\tcomplaint\tsentiment\tintents\tseverity\ttext',
);
