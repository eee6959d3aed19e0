/**
 * Funkwelle: a fictional mobile and broadband provider (German, some English). Background: hotline queues and
 * chat hand-offs (seed 003), dunning after unanswered e-mails (seed 002), cancellation threats, praise,
 * questions. On 2026-11-28 a network outage turns into an emerging shitstorm: see FUNKWELLE_BURST.
 */
import type { DemoThread } from './types.ts';

export const FUNKWELLE_THREADS: DemoThread[] = [
  {
    brand: 'funkwelle',
    start: '2026-11-16T09:15',
    channel: 'post',
    posts: [
      { who: 'svenja_m', text: '@funkwelle_hilft 40 Minuten in der Warteschleife eurer kostenpflichtigen Hotline, dann aufgelegt. Ernsthaft?', likes: 8 },
      { who: 'brand', after: 70, text: '@svenja_m Das tut uns leid! Schneller geht es in unserem Chat auf funkwelle.example/chat – dort sind wir rund um die Uhr für dich da.' },
      { who: 'svenja_m', after: 180, text: '@funkwelle_hilft Im Chat wollte man meine Kundenkennzahl, die liegt zuhause. Gespräch beendet. Jetzt soll ich eine Mail schreiben. Ich formuliere schon mal die Kündigung.', likes: 19, shares: 2 },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-16T20:40',
    channel: 'post',
    posts: [
      { who: 'gamer_jonas', text: 'Gibt es bei Funkwelle schon 5G in Lüneburg oder nur LTE?' },
      { who: 'brand', after: 38, text: '@gamer_jonas Hi Jonas, in Lüneburg ist 5G seit Oktober in der Innenstadt verfügbar. Die genaue Abdeckung siehst du auf funkwelle.example/netz. ^ch' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-17T11:05',
    channel: 'post',
    posts: [
      { who: 'birgit_rechnet', text: '@funkwelle_hilft Drei E-Mails wegen der falschen Rechnung, keine Antwort. Heute kam stattdessen die Mahnung mit Mahngebühr. So geht man nicht mit Kunden um.', likes: 27, shares: 5 },
      { who: 'brand', after: 45, text: '@birgit_rechnet Das möchten wir klären. Schick uns bitte deine Kundennummer und die Rechnungsnummer per DM.' },
      { who: 'birgit_rechnet', after: 30, text: '@funkwelle_hilft Per DM geschickt.' },
      { who: 'brand', after: 120, text: '@birgit_rechnet Danke! Die Rechnung war fehlerhaft, wir haben sie korrigiert und die Mahnung samt Gebühr storniert. Eine Gutschrift über 12,40 € folgt. ^ch' },
      { who: 'birgit_rechnet', after: 25, text: '@funkwelle_hilft Danke, das ging dann schnell.' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-18T14:30',
    channel: 'post',
    posts: [{ who: 'paul_p', text: 'Funkwelle hat mir seit dem Umzug vor 4 Wochen immer noch keinen Internetanschluss freigeschaltet. Wenn das so weitergeht, wechsle ich den Anbieter.' }],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-19T10:00',
    channel: 'post',
    posts: [
      { who: 'nina_k', text: 'Ich muss mal loben: Router von @funkwelle_hilft kam einen Tag früher als angekündigt und lief sofort. 👍', likes: 6 },
      { who: 'brand', after: 63, text: '@nina_k Danke dir, das freut uns! Viel Spaß beim Surfen. ^lb' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-20T08:20',
    channel: 'post',
    posts: [
      { who: 'expat_mike', text: "@funkwelle_hilft My roaming has not worked since I landed in Vienna yesterday. Called the hotline twice, nobody answers. Can someone help?" },
      { who: 'brand', after: 22, text: '@expat_mike Sorry to hear that. Please call our roaming hotline on +49 800 555 0199 or use the chat in the app.' },
      { who: 'expat_mike', after: 200, text: '@funkwelle_hilft That is the number that nobody answers. Still no data roaming. Unacceptable.' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-21T16:10',
    channel: 'post',
    posts: [{ who: 'techblog_nord', text: 'Funkwelle senkt die Preise für Glasfasertarife ab Januar um bis zu 5 Euro im Monat. Bestandskunden können wechseln.' }],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-22T19:45',
    channel: 'post',
    posts: [
      { who: 'lisa_hh', text: '@funkwelle_hilft Wie kann ich meine Rufnummer zu euch mitnehmen?' },
      { who: 'brand', after: 17, text: '@lisa_hh Ganz einfach: Bei der Bestellung "Rufnummer mitnehmen" wählen, den Rest erledigen wir mit deinem alten Anbieter. ^lb' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-24T09:30',
    channel: 'post',
    posts: [
      { who: 'ralf_r', text: '@funkwelle_hilft Seit einer Woche bricht das Internet jeden Abend ab. Techniker-Termin wurde zweimal abgesagt.' },
      { who: 'brand', after: 50, text: '@ralf_r Vielen Dank für Ihre Nachricht. Ihr Anliegen ist bei uns eingegangen. Wir melden uns schnellstmöglich bei Ihnen.' },
    ],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-25T13:00',
    channel: 'post',
    posts: [{ who: 'oma_hilde', text: 'Mein Enkel sagt, Funkwelle hat ein gutes Seniorenhandy im Angebot. Kann man das auch im Laden kaufen?' }],
  },
  {
    brand: 'funkwelle',
    start: '2026-11-26T11:25',
    channel: 'post',
    posts: [
      { who: 'kai_kuendigt', text: '@funkwelle_hilft Kündigung vor 6 Wochen per Einschreiben geschickt, keine Bestätigung. Jetzt wird weiter abgebucht. Ich gehe zur Verbraucherzentrale.' },
      { who: 'brand', after: 240, text: '@kai_kuendigt Bitte wende dich für Kündigungen an unsere Kündigungshotline 0800 555 0177.' },
    ],
  },
];

/** Authors and texts of the outage storm: one post each, all within an hour (see build.ts for times). */
export const FUNKWELLE_BURST: Array<{ who: string; text: string; likes?: number; shares?: number }> = [
  { who: 'nordlicht_anna', text: '@funkwelle_hilft Kein Netz in ganz Hamburg-Altona?! Nicht mal Notruf geht.', likes: 40, shares: 12 },
  { who: 'timo_t', text: 'Funkwelle komplett tot. Kein Internet, kein Telefon. #funkwellestörung' },
  { who: 'susi_sorglos', text: '@funkwelle_hilft Seit einer halben Stunde kein Empfang mehr, was ist da los?' },
  { who: 'backend_ben', text: 'Mitten im Kundencall fliegt die Leitung raus. Danke @funkwelle_hilft, ganz großes Kino.' },
  { who: 'mama_von_drei', text: 'Kinder weinen, Homeschooling-Tablet ohne Netz. Funkwelle, das ist eine Frechheit.' },
  { who: 'pflegedienst_hh', text: '@funkwelle_hilft Wir erreichen unsere Patienten nicht, Diensthandys ohne Netz. Bitte dringend Info!', likes: 55, shares: 21 },
  { who: 'erik_e', text: 'Und wieder: kein Netz bei Funkwelle. Zum dritten Mal diesen Monat. Ich kündige.' },
  { who: 'lotta_l', text: '#funkwellestörung Hotline dauerbesetzt, App lädt nicht, Website down. Super Krisenkommunikation.' },
  { who: 'herr_meier_42', text: 'Funkwelle Störung in Harburg auch? Seit 18 Uhr gar nichts.' },
  { who: 'streamerin_jo', text: 'Stream abgebrochen, 2000 Leute weg. Danke für nichts @funkwelle_hilft 🤬' },
  { who: 'uwe_aus_wedel', text: 'Funkwelle ist mal wieder ausgefallen. Warum zahle ich eigentlich jeden Monat?' },
  { who: 'clara_c', text: '@funkwelle_hilft kein Netz, keine Info, keine Antwort. Peinlich.' },
  { who: 'dev_dennis', text: 'Funkwelle-Ausfall in Eimsbüttel. Unfassbar, dass es dazu nicht mal eine Statusseite gibt.' },
  { who: 'ines_ruft_an', text: 'Versuche seit 40 Minuten die Funkwelle-Hotline zu erreichen. Warteschleife, dann Abbruch. #funkwellestörung' },
  { who: 'fritz_f', text: 'Funkwelle, ihr seid echt das Letzte. Kein Netz und ihr schweigt.' },
  { who: 'hanna_h', text: '@funkwelle_hilft Ist das eine größere Störung? Bei mir geht seit 18:10 nichts mehr.' },
  { who: 'kiezkind', text: 'Ganz St. Pauli ohne Funkwelle-Netz. Läuft bei euch. 🙄' },
  { who: 'jurist_jan', text: 'Wer bei Funkwelle ist: Ausfallzeiten notieren, ab 24h gibt es Anspruch auf Entschädigung. #funkwellestörung', shares: 30 },
  { who: 'gerda_g', text: 'Funkwelle, mein Hausnotruf hängt an eurem Netz. Das ist lebensgefährlich!', likes: 80, shares: 35 },
  { who: 'rocco_r', text: 'Funkwelle kaputt. Wieder mal. Ich bin so sauer.' },
  { who: 'ella_e', text: 'funkwelle netz weg, whatsapp geht nicht, nix geht 😡😡' },
  { who: 'maik_m', text: 'Kann jemand bestätigen, dass Funkwelle in Bergedorf auch down ist?' },
  { who: 'bjoern_b', text: '@funkwelle_hilft Eine Stunde kein Netz und kein einziger Tweet von euch. Schwach.' },
  { who: 'sophie_s', text: 'Das war es, Funkwelle. Vertrag wird gekündigt, ich wechsle zur Konkurrenz.' },
  { who: 'ahmet_a', text: 'Funkwelle yine çöktü, hiç internet yok. Rezalet.' },
  { who: 'london_lucy', text: "Visiting Hamburg and my Funkwelle SIM has had no signal for an hour. Worst network I've used." },
  { who: 'paulina_p', text: 'Homeoffice vorbei, danke Funkwelle. Kein Internet seit 18 Uhr.' },
  { who: 'karsten_k', text: '@funkwelle_hilft Meine Kunden erreichen mich nicht, ich verliere gerade Geld. Wann ist das behoben?' },
  { who: 'nele_n', text: 'Funkwelle-Störung, die wievielte dieses Jahr? Chaos.' },
  { who: 'oskar_o', text: 'Funkwelle: Netz weg. Hotline: besetzt. Chat: Fehlermeldung. Perfekt.' },
  { who: 'vera_v', text: 'Funkwelle hat mal wieder Totalausfall, und zwar genau dann, wenn man es braucht. Unverschämt.' },
  { who: 'max_power', text: '@funkwelle_hilft Warum bekomme ich keine SMS über die Störung? Ihr habt doch meine Nummer... ach nein, geht ja nicht.' },
  { who: 'lina_l', text: 'Kein Funkwelle-Netz in Ottensen. Wie lange noch?' },
  { who: 'tom_t', text: 'Das dritte Mal in vier Wochen Funkwelle-Totalausfall. Mir reicht es, ich kündige morgen.' },
  { who: 'greta_g', text: 'Funkwelle, euer Kundenservice ist eine Katastrophe. Niemand erreichbar während der Störung.' },
  { who: 'yusuf_y', text: 'Funkwelle Ausfall Hamburg: Festnetz und Mobilfunk tot. Frechheit.' },
  { who: 'mia_m', text: 'Funkwelle, ich hab gerade meine Online-Prüfung verpasst, weil euer Netz weg ist. Danke für nichts.' },
  { who: 'ulf_u', text: '#funkwellestörung Jetzt auch in Barmbek. Nichts geht.' },
];

/** The brand's status update during the storm (an answer to no one in particular) and the recovery later. */
export const FUNKWELLE_STATUS = [
  { minute: 48, text: 'Aktuell gibt es eine Störung im Mobilfunk- und Festnetz im Raum Hamburg. Unsere Technik arbeitet mit Hochdruck an der Behebung. Updates folgen hier. #funkwellestörung' },
  { minute: 165, text: 'Update: Die Störung im Raum Hamburg ist seit 20:35 Uhr behoben. Ursache war ein Hardwaredefekt in einem Rechenzentrum. Wir entschuldigen uns für die Unannehmlichkeiten. #funkwellestörung' },
];
