/**
 * Nordbahn: a fictional regional rail operator in northern Germany (German). Covers channel ping-pong
 * (seed 000), auto-replies without follow-up (seed 001), refund e-mails left unanswered, praise, neutral
 * questions, news, and a complaint whose text carries a script tag (must stay inert in the UI).
 */
import type { DemoThread } from './types.ts';

export const NORDBAHN_THREADS: DemoThread[] = [
  {
    brand: 'nordbahn',
    start: '2026-11-16T06:42',
    channel: 'post',
    posts: [
      { who: 'pendlerin_hh', text: '@nordbahn_service RE 7 nach Kiel fällt schon wieder aus. Dritter Tag in Folge. Wie soll man so pünktlich zur Arbeit kommen?', likes: 14, shares: 3 },
      { who: 'brand', after: 18, text: '@pendlerin_hh Guten Morgen, das tut uns leid. Grund ist eine Weichenstörung bei Neumünster. Der RE 7 um 7:12 fährt planmäßig, ab Neumünster bitte den Ersatzbus nutzen. ^mk' },
      { who: 'pendlerin_hh', after: 9, text: '@nordbahn_service Danke für die schnelle Info, hat geklappt.' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-16T17:05',
    channel: 'post',
    posts: [{ who: 'tobi_unterwegs', text: 'Wann gilt eigentlich der neue Winterfahrplan bei der Nordbahn? Finde auf der Seite nichts dazu.' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-17T07:55',
    channel: 'post',
    posts: [
      { who: 'jansen_kiel', text: '@nordbahn_service Habe vor zwei Wochen über das Kontaktformular eine Erstattung wegen 90 Minuten Verspätung beantragt. Bis heute keine Antwort. Wie lange dauert das?' },
      { who: 'brand', after: 35, text: '@jansen_kiel Vielen Dank für deine Nachricht. Für Erstattungen wende dich bitte an unsere Hotline 0800 555 0101 oder an das Servicecenter Fahrgastrechte.' },
      { who: 'jansen_kiel', after: 240, text: '@nordbahn_service Die Hotline sagt, ich soll das Kontaktformular nutzen. Das habe ich ja getan. Im Kreis geschickt, toll.' },
      { who: 'brand', after: 60, text: '@jansen_kiel Bitte schreib uns dazu eine Direktnachricht, dann schauen wir uns das an.' },
      { who: 'jansen_kiel', after: 1500, text: '@nordbahn_service DM vor einem Tag geschickt, keine Reaktion. Formular, Hotline, DM – drei Kanäle, null Antwort. So gewinnt man keine Fahrgäste.', likes: 31, shares: 6 },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-17T12:20',
    channel: 'news',
    title: 'Nordbahn bestellt 24 neue Triebzüge für die Marschbahn',
    posts: [{ who: 'kuestenkurier', text: 'Nordbahn bestellt 24 neue Triebzüge für die Marschbahn. Die Fahrzeuge sollen ab Ende 2028 eingesetzt werden und mehr Sitzplätze sowie WLAN bieten, teilte das Unternehmen am Dienstag mit.' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-18T08:10',
    channel: 'post',
    posts: [
      { who: 'lea_liest', text: 'Der Zugbegleiter im RB 61 heute früh war einfach super freundlich und hat einer älteren Dame mit dem Koffer geholfen. Danke @nordbahn_service 👍', likes: 22 },
      { who: 'brand', after: 47, text: '@lea_liest Wie schön, danke für das Lob! Wir geben es an das Team weiter. ^sv' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-18T19:30',
    channel: 'post',
    posts: [
      { who: 'mo_pendelt', text: '@nordbahn_service Seit drei Wochen warte ich auf die Rückerstattung für mein Monatsticket. Drei E-Mails, keine Antwort. Langsam reicht es.' },
      { who: 'brand', after: 25, text: '@mo_pendelt Vielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen erhalten und melden uns schnellstmöglich bei Ihnen.' },
      { who: 'mo_pendelt', after: 4320, text: '@nordbahn_service "Wir melden uns schnellstmöglich" – das war vor drei Tagen. Immer noch nichts. Automatische Antworten helfen mir nicht.', likes: 12 },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-19T15:45',
    channel: 'post',
    posts: [{ who: 'katrin_nord', text: 'Klimaanlage im RE 70 kaputt, Zug brechend voll, keine Durchsage. Danke für nichts, #Nordbahn 🙄' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-20T09:02',
    channel: 'post',
    posts: [
      { who: 'fragender_fahrgast', text: '@nordbahn_service Kann ich mit dem Deutschlandticket auch im RE 6 nach Westerland fahren?' },
      { who: 'brand', after: 14, text: '@fragender_fahrgast Ja, das Deutschlandticket gilt in allen unseren Regionalzügen, auch im RE 6 nach Westerland. Gute Fahrt! ^mk' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-20T18:12',
    channel: 'post',
    posts: [
      { who: 'henrik_b', text: '@nordbahn_service Mein Anschluss in Elmshorn ist weg, weil der RB 71 20 Minuten zu spät war. Wie komme ich jetzt nach Hause?' },
      { who: 'brand', after: 11, text: '@henrik_b Das ist ärgerlich, sorry. Mit welchem Zug bist du jetzt in Elmshorn und wohin musst du genau?' },
      { who: 'henrik_b', after: 4, text: '@nordbahn_service Bin mit dem RB 71 um 18:05 angekommen, muss nach Glückstadt.' },
      { who: 'brand', after: 6, text: '@henrik_b Um 18:41 fährt der RB 61 ab Gleis 3 nach Glückstadt, er wartet heute auf Anschlussreisende. ^jt' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-21T10:30',
    channel: 'post',
    posts: [{ who: 'web_tester', text: 'Nordbahn Kontaktformular zeigt nur <script>alert(1)</script> statt einer Bestätigung. Seit gestern kaputt, keine Antwort auf meine Mail.' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-22T13:15',
    channel: 'post',
    posts: [{ who: 'bahnfan_sh', text: 'Sonntagsausflug mit der Nordbahn nach Husum, alles pünktlich, sauberer Zug. Geht doch! #nordbahn', likes: 9 }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-23T07:20',
    channel: 'post',
    posts: [
      { who: 'anna_pendelt', text: '@nordbahn_service Schon wieder 25 Minuten Verspätung im RE 7. Und wieder keine Info am Bahnsteig. Unzumutbar.' },
      { who: 'brand', after: 40, text: '@anna_pendelt Hallo Anna, bitte nenne uns Datum, Zugnummer und Abfahrtsbahnhof, dann prüfen wir den Fall für dich.' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-24T16:50',
    channel: 'blog_post',
    title: 'Drei Kanäle, keine Antwort: mein Erstattungsantrag bei der Nordbahn',
    posts: [
      {
        who: 'blog_kundenstimme',
        text:
          'Im Oktober hatte mein Zug 90 Minuten Verspätung. Ich habe den Erstattungsantrag über das Kontaktformular der Nordbahn gestellt. ' +
          'Nach zehn Tagen ohne Rückmeldung habe ich angerufen – die Hotline verwies mich auf Twitter. Auf Twitter bat man mich um eine Direktnachricht. ' +
          'Seitdem: Funkstille. Ich bin seit Jahren Kundin, aber so verliert man Vertrauen.',
      },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-25T08:05',
    channel: 'post',
    posts: [{ who: 'student_lueb', text: 'Gibt es bei der Nordbahn ein Semesterticket-Upgrade für die 1. Klasse?' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-26T17:35',
    channel: 'post',
    posts: [
      { who: 'pendlerin_hh', text: '@nordbahn_service Heute Abend alles pünktlich, danke! Manchmal klappt es ja 😉' },
      { who: 'brand', after: 52, text: '@pendlerin_hh Freut uns sehr, einen schönen Feierabend! ^sv' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-27T06:58',
    channel: 'post',
    posts: [{ who: 'grummel_ole', text: 'Des is a Schmarrn, Nordbahn: scho wieder Zugausfall und koa Ersatzbus. I steh seit ana Stund am Bahnsteig.' }],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-28T09:40',
    channel: 'post',
    posts: [
      { who: 'familie_k', text: '@nordbahn_service Unsere Sitzplatzreservierung für Samstag wurde storniert, Geld aber abgebucht. Wer hilft uns?' },
      { who: 'brand', after: 30, text: '@familie_k Das klären wir gern. Bitte sende uns deine Buchungsnummer per Direktnachricht, damit wir die Abbuchung prüfen können.' },
      { who: 'familie_k', after: 20, text: '@nordbahn_service Ist per DM raus.' },
      { who: 'brand', after: 95, text: '@familie_k Danke, die Reservierung ist wiederhergestellt und die doppelte Abbuchung wird in 3–5 Werktagen erstattet. ^jt' },
    ],
  },
  {
    brand: 'nordbahn',
    start: '2026-11-29T11:20',
    channel: 'post',
    posts: [{ who: 'tobi_unterwegs', text: '@nordbahn_service Warum zeigt die App für den RE 7 keine Echtzeitdaten mehr an? Seit gestern nur noch Fahrplanzeiten.' }],
  },
];
