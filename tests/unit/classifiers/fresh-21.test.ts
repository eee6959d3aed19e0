/**
 * The shipped classifier on fresh posts, set 21: 160 invented posts (80 German with Bavarian, Swabian, Swiss, Austrian,
 * Berlin, Kölsch, Franconian and Palatinate voices, 80 English in UK, Irish, Scottish, US, Indian, Australian, New
 * Zealand, Kenyan and Filipino ones) from X, Facebook, Instagram, Reddit, Mastodon, YouTube and review sites; 36 %
 * complaints, the rest praise, plain questions, news, adverts, product chatter, memes, gripes at weather, sport,
 * politics or oneself, tips, comparisons, defenders and employees; the helper was told to avoid the situations earlier
 * sets overused. Written and labelled by a session helper blind to the code and the earlier sets
 * (tests/fixtures/fresh-21.tsv).
 *
 * Scored first, unseen, with the code at the start of the session that had it written and with that session's rules
 * from sets 16, 18, 19 and 20 (German / English): complaint F1 0.621 → 0.632 / 0.686 → 0.738, sentiment accuracy
 * 0.537 → 0.575 / 0.563 → 0.625. Then used as a development set (all rows `dev`): companies blaming each other ("schiebt's
 * auf DPD", "says it's Etsy's fault"), "nicht auffindbar", dates compared ("Heute ist der 28."), dialect breakdowns
 * ("d'Pump isch hee", "dä Computer nit jeiht"), technicians who did not come, rises "um 38 Prozent", "noch keine
 * Gutschrift erhalten", "ihr Clowns", "wer hat sich das ausgedacht", "toll, dass" beside a failure; "ich hasse es
 * zuzugeben, aber …", "hätt's ned glaubt", "Problem weg"; rain, football, the coalition; English "still sat in the car
 * park", "in limbo", ads added, payments taken twice, bills for a flat moved out of, reversals done in minutes,
 * replacements arrived, rants withdrawn, "peak me", rugby: 0.821 / 0.857, sentiment 0.675 / 0.637. Floors sit a little
 * under those figures.
 */
import path from 'node:path';
import { describeFreshSet } from '../../helpers/fresh-set.ts';

const FLOOR = {
  de: { dev: { f1: 0.79, sentiment: 0.64 } },
  en: { dev: { f1: 0.83, sentiment: 0.6 } },
} as const;

describeFreshSet(
  'fresh-21',
  'shipped classifier on fresh posts, set 21 (development set: more dialects and platforms, fewer overused situations)',
  path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'fresh-21.tsv'),
  FLOOR,
  10,
  'split\tlang\tcomplaint\tsentiment\tintents\tseverity\ttext',
);
