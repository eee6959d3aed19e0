import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

const cases: Array<[ReplyKind, 'de' | 'en', string]> = [
  ['auto_reply', 'de', 'Wir sind zurzeit schwer beschäftigt und wir werden uns schnellstmöglich bei Ihnen melden.'],
  ['auto_reply', 'de', 'Vielen Dank für Ihre Nachricht! Diese Antwort wurde automatisch erstellt.'],
  ['auto_reply', 'de', 'Ihre Anfrage ist bei uns eingegangen, wir melden uns in Kürze.'],
  ['auto_reply', 'en', 'We are experiencing high volumes of messages right now, please bear with us.'],
  ['auto_reply', 'en', "Thanks for your message! We'll get back to you as soon as possible."],
  ['deflection', 'de', 'Das tut uns leid. Bitte nutzen Sie unseren Rückrufservice.'],
  ['deflection', 'de', 'Probier doch mal unseren Chat aus: https://example.de/chat'],
  ['deflection', 'de', 'Rufen Sie uns gerne unter 0800 123 456 an.'],
  ['deflection', 'de', 'Bitte wenden Sie sich an unsere Hotline.'],
  ['deflection', 'de', 'Schreib uns bitte eine PN.'],
  ['deflection', 'en', 'Please DM us.'],
  ['deflection', 'en', 'Please call 0800 123 4567 and our team will help.'],
  ['deflection', 'en', 'Sorry to hear that. Please contact us at help@example.com'],
  ['deflection', 'en', 'LiveChat is online at the moment - https://t.co/x or contact 03331 031 031 to request a call back'],
  ['request_info', 'de', 'Schick uns bitte eine PN mit deiner Bestellnummer, damit wir das prüfen können.'],
  ['request_info', 'de', 'Seit wann tritt das Problem auf? Welches Gerät nutzt du?'],
  ['request_info', 'de', 'Könnten Sie uns bitte Ihre Kundennummer mitteilen?'],
  ['request_info', 'en', 'We can help. Which version of iOS are you on? Reply in DM.'],
  ['request_info', 'en', 'Please DM your name, zip code and additional details about your concern.'],
  ['request_info', 'en', 'Send us a DM so we can look into this together.'],
  ['answer', 'de', 'Der Betrag wurde inzwischen erstattet. Sorry für die Verzögerung!'],
  ['answer', 'de', 'Die Störung ist behoben, dein Anschluss sollte wieder laufen.'],
  ['answer', 'en', 'Your refund has been processed and should arrive in 3-5 days.'],
  ['answer', 'en', "It's working OK from here, Miriam. Does this link help https://t.co/0m2mpH15eh ?"],
  ['answer', 'en', 'Are you travelling on the BA8733? If so, the updated departure time we have is 15:30.'],
  // QA round 2: a redirect's reason or purpose ("damit …", "so they can …", "as your booking was made …") is no answer.
  ['deflection', 'de', 'Hallo Frau Peters, das klingt nicht gut. Bitte melden Sie sich telefonisch unter 0800 123 456, damit die Kollegen einen Nachforschungsauftrag starten können.'],
  ['deflection', 'de', 'Das verstehen wir. Bitte nutzen Sie alternativ unser Kontaktformular, dort wird Ihre Anfrage priorisiert bearbeitet.'],
  ['deflection', 'de', 'Probier es doch gern mal in unserem Live-Chat auf stromfix.example, die Kollegen sind bis 22 Uhr für dich da.'],
  ['deflection', 'de', 'Hallo, bitte wende dich dafür an den Händler, bei dem du bestellt hast. Nur der Absender kann bei uns einen Nachforschungsauftrag stellen.'],
  ['deflection', 'de', 'Alle Infos dazu findest du in unseren FAQ: flinkpaket.example/hilfe/zustellung'],
  ['deflection', 'en', 'Hi there, as your booking was made through a travel agent, please contact your travel agent directly to make any changes. Thanks!'],
  ["deflection", 'en', "Hi Daniel, we're sorry for the delay. Refunds are handled by our Customer Relations team, please submit your request via skylark.example/refund so they can look into it."],
  ['deflection', 'en', "Hi! For warranty claims within the first 12 months, please return the machine to the retailer you bought it from, they'll arrange a replacement."],
  ['auto_reply', 'en', 'Thanks for reaching out! 👋 Our team will get back to you as soon as possible. Average response time: 2 hours.'],
  ['auto_reply', 'de', 'Das tut uns sehr leid, so sollte das natürlich nicht laufen! Ein Kollege aus dem Kundenservice wird sich bei Ihnen melden.'],
  // …and an order number or a model named in an answer is not a request for it.
  ['answer', 'de', 'Sorry für die späte Rückmeldung! Die fehlenden Schrauben und Böden gehen heute per Post raus, die Sendungsnummer schicken wir Ihnen per DM.'],
  ['answer', 'de', 'Deine Sendungsnummer lautet 00340434, das Paket ist heute in Zustellung.'],
  ['answer', 'en', "Unfortunately Google Pay isn't supported on that model as it has no Google services, but you can pay contactless with Northwind Pay in our app instead."],
  ['answer', 'en', 'Your order number is 12345 and it shipped today.'],
  ['request_info', 'en', 'Which model do you have?'],
  ['request_info', 'de', 'Nenn uns deine Sendungsnummer, dann schauen wir nach.'],
  ['request_info', 'de', 'Schick uns eine DM mit deiner Rufnummer, dann schauen wir.'],
  // QA round 3 (held out): redirects to a merchant, reception, a third party or a short service number; colleagues
  // who will call; a detail asked for by DM.
  ['deflection', 'de', 'Bitte ruf sofort unsere 24h-Pannenhilfe unter 0800 765 4321 an, die Kollegen organisieren alles Weitere. ^TB'],
  ['request_info', 'de', 'Hallo Anna, das klären wir gern. Schick uns bitte per DM deine Mitgliedsnummer und das Datum deiner Kündigung, dann prüfen wir das sofort. Sportliche Grüße, Tim'],
  ['auto_reply', 'de', 'Hallo Herr Neumann, ein Kollege aus der Beitragsabteilung wird sich in den nächsten Tagen telefonisch bei Ihnen melden. Viele Grüße, Markus'],
  ['auto_reply', 'de', 'Eine Kollegin wird Sie in den nächsten Tagen anrufen.'],
  ['auto_reply', 'en', 'A colleague from our billing team will call you in the next few days.'],
  ['deflection', 'en', "Oh no! We'd recommend contacting the restaurant directly, as they're responsible for preparing your order."],
  ['deflection', 'en', 'Hey Jamie, we hate to hear this. Please DM us.'],
  ['deflection', 'en', 'Hi Emma, power cuts are handled by your local network operator, please call 105 for updates on outages in your area. ^RH'],
  ['deflection', 'en', "Hi Rachel, sorry your room isn't what you booked. Our front desk team is best placed to help, please pop down to reception and they'll see what they can do. ^CM"],
  ['deflection', 'en', 'Hi Chris, as your booking was made via a third party, you will need to contact them directly as they hold the reservation.'],
  ['answer', 'en', 'Hey Jamie, the driver is 5 minutes away now.'],
  ['answer', 'en', 'We called the restaurant and they are remaking your order now, 20 minutes.'],
];

describe('classifyReply', () => {
  it.each(cases)('%s (%s): %s', (kind, lang, text) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });

  it('explains itself with cues whose spans point into the text', () => {
    const text = 'Bitte nutzen Sie unseren Rückrufservice oder rufen Sie uns unter 0800 123 456 an.';
    const { kind, cues } = classifyReply(text, 'de');
    expect(kind).toBe('deflection');
    expect(cues.length).toBeGreaterThan(1);
    for (const c of cues) {
      expect(c.span).toBeDefined();
      const [s, e] = c.span ?? [0, 0];
      expect(text.slice(s, e).length).toBeGreaterThan(0);
    }
    expect(cues.map((c) => c.cue).join(' ')).toMatch(/Rückruf/);
  });

});

describe('classifyReply: referrals to a phone line, and questions back', () => {
  it.each([
    ['Please call our smart meter team on 0800 555 0144, Monday to Friday 8am to 6pm.', 'en', 'deflection'],
    ['Hallo Dieter, bitte ruf uns dazu unter 0800 555 0233 an, unsere Kollegen aus der Buchhaltung helfen dir weiter.', 'de', 'deflection'],
    ['Bitte wende dich für Kündigungen an unsere Kündigungshotline 0800 555 0177.', 'de', 'deflection'],
    ['Hallo Anna, bitte nenne uns Datum, Zugnummer und Abfahrtsbahnhof, dann prüfen wir den Fall für dich.', 'de', 'request_info'],
  ] as const)('%s → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});

// QA detect-report defect 1: replies whose whole point is "go to another channel" (chat, hotline, mail, contact
// form, DM, help pages, app, store) were read as answers and closed the thread. A reply that answers first and
// only then names a channel for further questions is still an answer.
describe('classifyReply: a redirect to another channel is a deflection, unless the reply also answers', () => {
  it.each([
    ['Schreib uns gerne im Chat auf unserer Website, da können wir das besser klären.', 'de', 'deflection'],
    ['Schreib uns im Chat!', 'de', 'deflection'],
    ['Unsere Kolleg*innen im Chat helfen dir gerne weiter: telvana.de/chat', 'de', 'deflection'],
    ['Bitte wenden Sie sich über unser Kontaktformular an den Kundenservice: telvana.de/kontakt', 'de', 'deflection'],
    ['Das können wir hier leider nicht klären. Ruf uns bitte unter 0800 330 1000 an (Mo–Fr 8–20 Uhr).', 'de', 'deflection'],
    ['Am besten gehst du damit in eine unserer Filialen, die Kolleg*innen vor Ort helfen dir weiter.', 'de', 'deflection'],
    ['Aus Datenschutzgründen können wir hier keine Vertragsdetails besprechen. Schreib uns bitte per Mail an kundenservice@telvana.de.', 'de', 'deflection'],
    ['Hallo Jana, melde dich dazu bitte telefonisch bei unserem Kundenservice, die Nummer findest du auf telvana.de/kontakt.', 'de', 'deflection'],
    ['Sowas klären wir am besten per Direktnachricht. ^jk', 'de', 'deflection'],
    ['Please reach out to our team at support.northgate.co.uk/contact and they will be happy to help.', 'en', 'deflection'],
    ['Hi Sam, please visit our help centre for more information.', 'en', 'deflection'],
    ['Sorry to hear that! Please contact us via live chat on our website and the team can take a look.', 'en', 'deflection'],
    ['Our customer service team can help you with this, you can reach them on 0345 600 1234.', 'en', 'deflection'],
    ['You can chat to us in the app under Help > Contact us.', 'en', 'deflection'],
    ['For billing queries please email billing@northgate.co.uk, the team there will sort it out.', 'en', 'deflection'],
    ['Please pop into your nearest store and a colleague will be happy to help.', 'en', 'deflection'],
    ['Melde dich bitte bei unserer Kundenbetreuung, die kann dir da weiterhelfen.', 'de', 'deflection'],
    ['Dafür ist unser Kundenservice zuständig, du erreichst ihn unter 0800 330 1000.', 'de', 'deflection'],
    ['Das klären wir am besten telefonisch. Ruf uns einfach unter 0800 330 1000 an.', 'de', 'deflection'],
    ['Hi there, we are not able to help with this on Twitter. Please call us on 0800 800 150.', 'en', 'deflection'],
    ['Hi, you can reach our customer care team via live chat in the app.', 'en', 'deflection'],
    // Answers that name a channel only for what comes after the answer.
    ['Der Techniker kommt morgen zwischen 8 und 12 Uhr. Bei Fragen erreichst du uns im Chat.', 'de', 'answer'],
    ['Wir haben das geprüft: Der Fehler lag bei uns, die 12,40 € schreiben wir dir mit der nächsten Rechnung gut. Bei Fragen ruf uns gern unter 0800 330 1000 an.', 'de', 'answer'],
    ['Deine Rufnummer ist seit heute portiert, die neue SIM ist aktiv. Falls noch etwas hakt, schreib uns im Chat.', 'de', 'answer'],
    ['Sorry for the wait! Your engineer visit is booked for Thursday between 8am and 1pm. If anything changes, give us a call on 0800 800 150.', 'en', 'answer'],
    ['The 18:05 to Leeds is running 20 minutes late due to a signal failure at York. Our live chat has updates too.', 'en', 'answer'],
    ['Ja, die Hotline ist heute wegen einer Störung nur eingeschränkt erreichbar, ab 14 Uhr läuft wieder alles.', 'de', 'answer'],
    ['Die Rechnung kommt per Mail, sobald der Monat abgeschlossen ist, meist am 3. Werktag.', 'de', 'answer'],
    ['Your new router was dispatched today and should arrive by Thursday. Any problems, our live chat is open 24/7.', 'en', 'answer'],
  ] as const)('%s → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});

// QA detect-report defect 3: holding replies promise an answer later and must not close the thread; a holding
// phrase followed by substance (a refund made, a date, a fix) is an answer.
describe('classifyReply: forms, FAQs and third parties are other channels; "a colleague will contact you" is a holding reply (QA)', () => {
  it.each([
    ['deflection', 'de', 'Bitte füllen Sie unser Online-Formular unter aerolux.example/gepaeck aus.'],
    ['deflection', 'de', 'Füll bitte das Formular auf unserer Website aus.'],
    ['deflection', 'en', 'Please fill in the form at aerolux.example/claims.'],
    ['deflection', 'en', 'Please fill out our online claim form.'],
    ['deflection', 'en', 'You can find the form on our website.'],
    ['deflection', 'en', 'Check our FAQ at aerolux.example/faq'],
    ['deflection', 'en', 'See our FAQ for details.'],
    ['deflection', 'en', 'Please contact your travel agent.'],
    ['auto_reply', 'en', 'Thanks for reaching out, a colleague will contact you.'],
    ['auto_reply', 'de', 'Ein Kollege wird sich bei Ihnen melden.'],
    ['answer', 'en', 'Your refund of £45 was issued today, it will show in 3-5 days.'],
    ['answer', 'de', 'Wir haben die Gutschrift über 45 € veranlasst, sie erscheint auf der nächsten Rechnung.'],
  ] as Array<[ReplyKind, 'de' | 'en', string]>)('%s (%s): %s', (kind, lang, text) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});

describe('classifyReply: holding replies are auto-replies, unless substance follows', () => {
  it.each([
    ['Hi there, thanks for your message. Our team will reply within 48 hours.', 'en', 'auto_reply'],
    ['Sorry to hear that! We’re looking into it.', 'en', 'auto_reply'],
    ["Sorry to hear that! We're looking into it.", 'en', 'auto_reply'],
    ['Wir sind gerade schwer beschäftigt, melden uns aber so schnell es geht.', 'de', 'auto_reply'],
    ['Danke für deine Geduld! Aufgrund des hohen Aufkommens kann es aktuell etwas dauern.', 'de', 'auto_reply'],
    ['Vielen Dank für Ihre Nachricht! Wir haben sie an die Fachabteilung weitergeleitet.', 'de', 'auto_reply'],
    ['Das tut uns sehr leid. Wir kümmern uns darum.', 'de', 'auto_reply'],
    ['Danke für den Hinweis, wir prüfen das und melden uns bei dir.', 'de', 'auto_reply'],
    ['Oh nein, das ist ärgerlich! Wir haben dein Anliegen an die zuständigen Kolleg*innen weitergegeben, sie melden sich schnellstmöglich.', 'de', 'auto_reply'],
    ['Entschuldigen Sie die Unannehmlichkeiten. Wir schauen uns das an und geben Ihnen Bescheid.', 'de', 'auto_reply'],
    ['Wegen des erhöhten Anfrageaufkommens antworten wir derzeit innerhalb von 72 Stunden.', 'de', 'auto_reply'],
    ['Wir sind dran! Bitte hab noch etwas Geduld.', 'de', 'auto_reply'],
    ['Thanks for getting in touch. We’ve passed this on to the relevant team and someone will get back to you shortly.', 'en', 'auto_reply'],
    ['Apologies for the trouble. We are currently investigating this and will update you as soon as we can.', 'en', 'auto_reply'],
    ['Due to a high volume of enquiries, replies may take longer than usual.', 'en', 'auto_reply'],
    ["I've escalated this to our engineers. You'll hear back from us within 2 working days.", 'en', 'auto_reply'],
    ['Vielen Dank! Wir haben das notiert und melden uns.', 'de', 'auto_reply'],
    ['Leider kommt es derzeit zu längeren Wartezeiten. Wir bearbeiten deine Anfrage so schnell wie möglich.', 'de', 'auto_reply'],
    ["We're aware of an issue affecting some customers and our engineers are working on it.", 'en', 'auto_reply'],
    // Substance after the holding phrase: an answer.
    ['Das tut uns leid! Die Erstattung ist heute rausgegangen, in 3–5 Tagen auf deinem Konto.', 'de', 'answer'],
    ['Wir kümmern uns darum: Der Techniker ist für Donnerstag, 14 Uhr, bei dir eingeplant.', 'de', 'answer'],
    ['Sorry für die Wartezeit! Dein Router ist heute rausgegangen und kommt morgen per DHL.', 'de', 'answer'],
    ['Danke für deine Geduld! Die Störung in Köln ist seit 10 Uhr behoben.', 'de', 'answer'],
    ['Thanks for your patience, the outage in Leeds was fixed at 14:20 and your line should be back up.', 'en', 'answer'],
    ["We've looked into it: the late payment fee was applied in error and we've removed it from your account.", 'en', 'answer'],
    ["We're sorry about that. Your replacement card was posted today and should arrive within 3 working days.", 'en', 'answer'],
    ['We’re looking into it. The 18:05 to Leeds is held at York by a signal failure and should leave in about 20 minutes.', 'en', 'answer'],
    ["We'll get back to you as soon as we can! Update: the app is working again after today's fix.", 'en', 'answer'],
    // Praise passed on is the whole reply to praise, not a case handed to another team.
    ['Wie schön, danke für das Lob! Wir geben es an das Team weiter.', 'de', 'answer'],
    // A question back is still a request for information, holding phrase or not.
    ['Wir schauen uns das gern an. Welche Adresse ist betroffen?', 'de', 'request_info'],
    ["We're looking into it. Could you DM us your account number?", 'en', 'request_info'],
  ] as const)('%s → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});

// QA leftover of session 8: sympathy alone ("Sorry to hear that!") closed the thread as if answered.
describe('classifyReply: courtesy alone is no answer', () => {
  it.each([
    ['Sorry to hear that!', 'en', 'auto_reply'],
    ['Oh no, sorry about that! 😔', 'en', 'auto_reply'],
    ['We apologise for the inconvenience.', 'en', 'auto_reply'],
    ['Thanks for reaching out!', 'en', 'auto_reply'],
    ['Das tut uns leid!', 'de', 'auto_reply'],
    ['Oh je, das tut uns sehr leid 😔 ^KS', 'de', 'auto_reply'],
    ['Entschuldige bitte die Unannehmlichkeiten.', 'de', 'auto_reply'],
    // A word of its own, a number, or no courtesy at all: short answers stay answers.
    ['Sorry about that, fixed now!', 'en', 'answer'],
    ['Das tut uns leid. Ja, ab Montag.', 'de', 'answer'],
    ['Sorry! Flight 4711 leaves at 9.', 'en', 'answer'],
    ['Yes, it is.', 'en', 'answer'],
    ['Ja, ist es.', 'de', 'answer'],
    ['Hi! 👋', 'en', 'answer'],
  ] as const)('%s → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});
