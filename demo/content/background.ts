/**
 * Everyday background around the threads: single posts that name a brand in passing, mild gripes, praise,
 * questions nobody needs to answer urgently, and posts about none of the brands. The Funkwelle background is
 * the baseline the storm on 2026-11-28 stands out from.
 */
import type { Channel } from '../../src/model.ts';
import type { DemoThread } from './types.ts';

const single = (brand: string, start: string, who: string, text: string, channel: Channel = 'post'): DemoThread => ({
  brand,
  start,
  channel,
  posts: [{ who, text }],
});

export const BACKGROUND_THREADS: DemoThread[] = [
  // Funkwelle: two to four posts a day, mostly neutral.
  single('funkwelle', '2026-11-16T12:10', 'handyfan_99', 'Neues Smartphone bei Funkwelle bestellt, bin gespannt.'),
  single('funkwelle', '2026-11-17T18:25', 'wlan_wiebke', 'Funkwelle Glasfaser läuft seit einem Jahr stabil, kann ich empfehlen.'),
  single('funkwelle', '2026-11-18T08:50', 'kiel_kalle', 'Hat jemand Erfahrung mit dem Funkwelle Prepaid-Tarif fürs Ausland?'),
  single('funkwelle', '2026-11-19T21:15', 'nachteule_nils', 'Funkwelle Netz in der U-Bahn zwischen Hauptbahnhof und Berliner Tor ist immer noch schlecht.'),
  single('funkwelle', '2026-11-20T13:40', 'marketing_maren', 'Witzige neue Funkwelle-Werbung im Kino gesehen 😄'),
  single('funkwelle', '2026-11-21T10:05', 'sebastian_s', 'Vertragsverlängerung bei Funkwelle ging online in fünf Minuten. Gut so.'),
  single('funkwelle', '2026-11-22T15:30', 'oma_hilde', 'Das Seniorenhandy von Funkwelle ist da, mein Enkel richtet es heute ein.'),
  single('funkwelle', '2026-11-23T12:45', 'student_sam', 'Does Funkwelle have a student discount? Moving to Hamburg in January.'),
  single('funkwelle', '2026-11-24T19:55', 'rentner_rudi', 'Die Funkwelle-Rechnung ist diesen Monat 3 Euro höher. Weiß jemand warum?'),
  single('funkwelle', '2026-11-25T08:35', 'pendler_pit', 'Funkwelle-Empfang im Zug nach Lübeck wird langsam besser.'),
  single('funkwelle', '2026-11-26T16:20', 'lisa_hh', 'Rufnummernmitnahme zu Funkwelle hat geklappt, danke nochmal!'),
  single('funkwelle', '2026-11-27T20:10', 'gamer_jonas', 'Funkwelle 5G Ping heute Abend richtig gut, Ranked ohne Lags 👍'),
  single('funkwelle', '2026-11-28T11:30', 'wlan_wiebke', 'Funkwelle Shop in Altona hat neue Öffnungszeiten, jetzt auch samstags bis 18 Uhr.'),
  single('funkwelle', '2026-11-29T10:15', 'sebastian_s', 'Nach dem Ausfall gestern läuft Funkwelle wieder normal. Bin gespannt auf die Entschädigung.'),
  // Nordbahn
  single('nordbahn', '2026-11-16T14:20', 'reiselust_rike', 'Mit der Nordbahn an die Ostsee, Wintersonne genießen ☀️'),
  single('nordbahn', '2026-11-19T07:40', 'anna_pendelt', 'RE 7 heute pünktlich, Nordbahn, geht doch.'),
  single('nordbahn', '2026-11-21T17:50', 'radler_ronny', 'Fahrradmitnahme in der Nordbahn ist am Wochenende echt schwierig, alles voll.'),
  single('nordbahn', '2026-11-24T12:30', 'bahnfan_sh', 'Neue Doppelstockwagen bei der Nordbahn gesichtet, schick!'),
  single('nordbahn', '2026-11-26T07:15', 'henrik_b', 'Nordbahn: RB 71 heute mit 5 Minuten Verspätung, für Montag okay.'),
  single('nordbahn', '2026-11-28T16:40', 'tourist_tina', 'Which Nordbahn ticket do I need from Hamburg to Sylt for a day trip?'),
  // Kranich Versand
  single('kranich', '2026-11-17T19:30', 'deko_doris', 'Weihnachtsdeko bei Kranich Versand bestellt, Lieferung schon angekündigt 🎄'),
  single('kranich', '2026-11-20T10:45', 'sparfuchs_sabine', 'Kranich Versand hat gerade 20 % auf Winterstiefel.'),
  single('kranich', '2026-11-23T13:20', 'paket_paula', 'Retoure an Kranich Versand ist raus, mal sehen, wie lange die Erstattung dauert.'),
  single('kranich', '2026-11-26T18:05', 'felix_f', 'Zweite Bestellung bei Kranich Versand, wieder alles bestens.'),
  single('kranich', '2026-11-29T08:40', 'deko_doris', 'Kranich Versand Paket ist da, die Lichterkette ist wunderschön.'),
  // Brightwatt
  single('brightwatt', '2026-11-17T08:05', 'green_gary', 'Switched to Brightwatt last month, the app is actually quite good.'),
  single('brightwatt', '2026-11-20T21:30', 'night_owl_nat', 'Anyone know if Brightwatt has an overnight EV charging tariff?'),
  single('brightwatt', '2026-11-23T10:10', 'retired_rob', 'Brightwatt winter newsletter arrived, some useful tips on saving energy.'),
  single('brightwatt', '2026-11-26T17:45', 'student_sam', 'Brightwatt bill a bit higher this month, but it was cold.'),
  single('brightwatt', '2026-11-28T12:20', 'green_gary', 'Brightwatt smart meter installation done, engineer was on time and friendly.'),
  // About none of the brands.
  single('none', '2026-11-18T12:00', 'wetter_nord', 'Sturmwarnung für die Nordseeküste ab heute Abend. Bitte Vorsicht auf den Straßen.'),
  single('none', '2026-11-22T09:30', 'koch_karl', 'Grünkohlsaison! Heute gibt es Kohl und Pinkel 😋'),
  single('none', '2026-11-25T18:15', 'footy_fan', 'What a match tonight, absolutely buzzing!'),
];
