/**
 * The shipped classifier on fresh posts, set 15: 160 invented posts (80 German with Swiss, Austrian, Bavarian and Kölsch
 * voices, 80 English) about energy, banks, insurers, parcels, shops, supermarkets, airlines, workshops, streaming, gyms,
 * doctors, councils, apps, delivery, landlords, buses, ferries, scooters, hotels and ticketing; 36 % complaints, the rest
 * praise, plain questions, news, adverts, chatter, defenders, gripes at no company, resolved and hypothetical cases.
 * Written and labelled by a session helper before any run (tests/fixtures/fresh-15.tsv), blind to the code and the
 * earlier sets.
 *
 * Scored once held out, with the code at the start of the session that wrote it and with that session's rules as of
 * its QA round 11 work (German / English): complaint F1 0.820 → 0.820 / 0.761 → 0.743, sentiment 0.750 → 0.750 /
 * 0.700 → 0.700; intents 0.241 / 0.345 both. The English loss was one post ("Polite request: … It's been off since
 * 6am", the new praise word "polite"). After that it was read and became a development set: cues for water off since
 * 6am, companies held up as models ("Why can't every company be like this?", "never had a single problem"), fixes
 * within minutes, closures for maintenance, defenders ("Before anyone blames …"), gripes at the weather, football and
 * oneself ("Danke, Winter", "0:3 gegen Bochum", "Selbst schuld"): complaint F1 0.877 / 0.857, sentiment 0.762 / 0.775.
 * Floors sit a little under those.
 */
import path from 'node:path';
import { describeFreshSet } from '../../helpers/fresh-set.ts';

const FLOOR = {
  de: { dev: { f1: 0.84, sentiment: 0.72 } },
  en: { dev: { f1: 0.82, sentiment: 0.74 } },
} as const;

describeFreshSet(
  'fresh-15',
  'shipped classifier on fresh posts, set 15 (energy, banks, parcels, shops, travel, gyms, councils; written blind, read after one held-out run)',
  path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'fresh-15.tsv'),
  FLOOR,
  10,
  'split\tlang\tcomplaint\tsentiment\tintents\tseverity\ttext',
);
