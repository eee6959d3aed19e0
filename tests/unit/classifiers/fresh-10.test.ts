/**
 * The shipped classifier (learned + cue model) on fresh posts, set 10: sectors the other fixtures use little — health
 * insurers and doctors' booking apps, public transport in Austria and Switzerland, car rental and dealers' workshops,
 * universities and public offices, gyms, ticketing and concerts, hotels and holiday rentals, crypto/fintech apps,
 * gaming platforms, smart-home devices.
 *
 * tests/fixtures/complaints-fresh-10.tsv holds 140 invented posts (80 German with Austrian and Swiss spellings,
 * colloquial, typos and emoji; 60 English in UK, US, Irish and Australian styles), labelled complaint 0/1 and sentiment
 * before the classifier ever saw them. Complaints include long ones, sarcastic ones, praise conceded, a partner company
 * blamed and posts on behalf of a relative; the hard negatives are questions, praise, news, job posts, the brand's own
 * notices, jokes and complaints about the weather or politics aimed at no company (negative, but no complaint). Rows
 * alternate between `dev` (used while writing the cues) and `held` (scored before and after only), per language and
 * label. Held out, before any cue was written from this set (so also an unseen test of set 9's rules): complaint F1
 * German 0.737 (P 0.875, R 0.636), English 0.875 (P 0.824, R 0.933); sentiment accuracy German 0.475, English 0.733
 * (dev half: 0.667 / 0.774, sentiment 0.650 / 0.700). After the cues written from the dev half's errors only (the set-10
 * cues in cues-de.ts / cues-en.ts: bookings not kept, locked out, worse after the repair, changed in secret, nobody
 * responsible, dirt and pests, not what was booked, surprise fees, a relative posted for, a named third party not to
 * blame; grievances at the weather or politics and market news as no complaint; company notices neutral in German,
 * composite.ts; either/or product questions, info-question.ts), scored once: the held half did not move (German 0.737,
 * English 0.875, sentiment 0.475 / 0.733), the dev half went to 1.000 / 1.000 (sentiment 0.975 / 0.933). The dev
 * errors were single instances of many families, so their cues fit the dev posts and none of the held ones: a
 * measure of how far one set's cues reach, not a reason to write more from the held half. Every floor sits a little
 * under the figure after. A later session's rule for German praise outside rail talk (composite.ts isPraiseBeyondRail,
 * written from set 12's dev half) moved the German held half's sentiment 0.550 → 0.700: 10 of its 18 errors had been
 * praise read as neutral.
 */
import path from 'node:path';
import { describeFreshSet } from '../../helpers/fresh-set.ts';

/** Floors for complaint F1 and sentiment accuracy per language and half. */
const FLOOR = {
  de: { dev: { f1: 0.95, sentiment: 0.9 }, held: { f1: 0.7, sentiment: 0.65 } },
  en: { dev: { f1: 0.95, sentiment: 0.9 }, held: { f1: 0.85, sentiment: 0.7 } },
} as const;

describeFreshSet(
  'fresh-10',
  'shipped classifier on fresh posts, set 10 (health, transport AT/CH, car rental, offices, gyms, tickets, hotels, fintech, gaming, smart home)',
  path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'complaints-fresh-10.tsv'),
  FLOOR,
);
