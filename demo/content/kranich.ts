/**
 * Kranich Versand: a fictional mail-order shop (German). Covers unanswered web forms (seed 000), auto-replies
 * with no follow-up (seed 001), a parcel that never came and an e-mail left without answer (seed 002),
 * comments on the brand's Facebook page that do not name it (brandContext), reviews, praise, questions — and
 * posts about birds (cranes, "Kraniche") the brand query must not pick up.
 */
import type { DemoThread } from './types.ts';

export const KRANICH_THREADS: DemoThread[] = [
  {
    brand: 'kranich',
    start: '2026-11-16T10:20',
    channel: 'post',
    posts: [{ who: 'birdwatcher_mv', text: 'Heute früh über 3000 Kraniche am Günzer See. Was für ein Schauspiel! #Vogelzug', likes: 40 }],
  },
  {
    brand: 'kranich',
    start: '2026-11-16T12:45',
    channel: 'post',
    posts: [
      { who: 'claudia_shoppt', text: '@kranich_shop Bestellung 4711-2026 vom 2. November ist immer noch nicht da. Sendungsverfolgung zeigt seit 9 Tagen "in Bearbeitung".' },
      { who: 'brand', after: 55, text: '@claudia_shoppt Hallo Claudia, bitte schick uns deine Bestellnummer und PLZ per DM, dann fragen wir beim Paketdienst nach.' },
      { who: 'claudia_shoppt', after: 15, text: '@kranich_shop Die Bestellnummer steht doch oben. DM ist raus.' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-17T09:10',
    channel: 'page_comment',
    onBrandPage: true,
    posts: [
      { who: 'gabi_g', text: 'Ich habe vor einer Woche das Kontaktformular wegen einer Retoure ausgefüllt und bis heute keine Rückmeldung bekommen. Liest das hier überhaupt jemand?' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-18T11:00',
    channel: 'post',
    posts: [
      { who: 'felix_f', text: 'Die Winterjacke von Kranich Versand ist top, passt perfekt und kam in zwei Tagen. Gerne wieder!', likes: 5 },
      { who: 'brand', after: 120, text: '@felix_f Vielen Dank für das tolle Feedback, viel Freude mit der Jacke! ^ak' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-18T20:30',
    channel: 'page_comment',
    onBrandPage: true,
    posts: [
      { who: 'marion_w', text: 'Wie lange dauert eine Rückerstattung nach der Retoure normalerweise?' },
      { who: 'brand', after: 780, text: 'Hallo Marion, die Erstattung erfolgt innerhalb von 5 Werktagen nach Eingang der Retoure in unserem Lager. Viele Grüße, Anke' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-19T14:05',
    channel: 'post',
    posts: [
      { who: 'weihnachtself', text: 'Die Geschenke bei Kranich Versand Ende Oktober bestellt. Laut Kundenservice "auf dem Weg", laut Paketdienst nie angekommen. Seitdem auf meine E-Mail: Funkstille.' },
      { who: 'brand', after: 35, text: '@weihnachtself Vielen Dank für deine Nachricht! Aufgrund des hohen Aufkommens kann die Bearbeitung derzeit etwas dauern. Wir melden uns so schnell wie möglich.' },
      { who: 'weihnachtself', after: 2880, text: '@kranich_shop Zwei Tage später: nichts. Keine Antwort, keine Nachlieferung. Nein danke, ich bin nicht mehr interessiert.', likes: 11 },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-20T15:40',
    channel: 'review',
    posts: [{ who: 'bewertung_tom', text: 'Kranich Versand: Ware gut, aber die Lieferung hat zwölf Tage gedauert und niemand hat auf meine Nachfrage reagiert. Zwei Sterne.' }],
  },
  {
    brand: 'kranich',
    start: '2026-11-21T09:00',
    channel: 'post',
    posts: [{ who: 'sparfuchs_sabine', text: 'Gibt es bei @kranich_shop dieses Jahr wieder einen Black-Friday-Rabatt auf Wintermäntel?' }],
  },
  {
    brand: 'kranich',
    start: '2026-11-22T10:15',
    channel: 'page_comment',
    onBrandPage: true,
    posts: [
      { who: 'dieter_d', text: 'Jetzt kommt schon die zweite Zahlungserinnerung, obwohl ich die Ware längst zurückgeschickt habe. Drei Mails an euch, keine Antwort!' },
      { who: 'brand', after: 90, text: 'Hallo Dieter, bitte ruf uns dazu unter 0800 555 0233 an, unsere Kollegen aus der Buchhaltung helfen dir weiter.' },
      { who: 'dieter_d', after: 300, text: 'Habe angerufen: 50 Minuten Warteschleife, dann wurde ich zur E-Mail-Adresse verwiesen. An die ich schon dreimal geschrieben habe.' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-23T18:20',
    channel: 'post',
    posts: [{ who: 'naturfoto_nord', text: 'Letzte Kraniche ziehen über die Elbtalaue Richtung Süden. Ein Kranich hat sich verspätet 😄 #Vogelzug' }],
  },
  {
    brand: 'kranich',
    start: '2026-11-24T12:00',
    channel: 'post',
    posts: [
      { who: 'jule_j', text: '@kranich_shop Schuhe in Größe 39 bestellt, Größe 42 bekommen. Kann ich die einfach zurückschicken?' },
      { who: 'brand', after: 28, text: '@jule_j Oh, das tut uns leid! Ja, nutze einfach das beiliegende Retourenlabel, den Umtausch in 39 schicken wir dir sofort los. ^ak' },
      { who: 'jule_j', after: 10, text: '@kranich_shop Super, danke!' },
    ],
  },
  {
    brand: 'kranich',
    start: '2026-11-25T21:10',
    channel: 'post',
    posts: [{ who: 'angry_andreas', text: 'Kranich Versand zieht mir 89 € ab für eine Bestellung, die ich storniert habe. Abzocke! Ich schalte einen Anwalt ein.' }],
  },
  {
    brand: 'kranich',
    start: '2026-11-27T08:30',
    channel: 'page_comment',
    onBrandPage: true,
    posts: [{ who: 'petra_p', text: 'Ganz großes Lob an euren Kundenservice, Frau Jansen hat mir am Telefon super geholfen!' }],
  },
  {
    brand: 'kranich',
    start: '2026-11-28T14:45',
    channel: 'post',
    posts: [
      { who: 'lukas_l', text: '@kranich_shop Mein Paket wurde laut Tracking zugestellt, ist aber nicht da. Was nun?' },
      { who: 'brand', after: 25, text: '@lukas_l Vielen Dank für deine Nachricht. Dies ist eine automatisch erstellte Antwort. Wir melden uns schnellstmöglich bei dir.' },
    ],
  },
];
