/**
 * QA round 6 (unanswered complaints): brand replies that are no answer closed complaints silently. Holding and
 * courtesy-only replies are auto-replies (the brand still owes the answer), redirects to another channel, place or
 * party are deflections, and a case moved to private messages is a deflection in both languages. Politeness or a
 * holding phrase next to substance stays an answer.
 */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

type Case = [string, 'de' | 'en', ReplyKind];

const holding: Case[] = [
  ["We'll DM you shortly.", 'en', 'auto_reply'],
  ['Sorry for the wait. A member of our team will reply via DM.', 'en', 'auto_reply'],
  ['Wir melden uns per DM bei dir.', 'de', 'auto_reply'],
  ['Wir schreiben dir gleich eine PN.', 'de', 'auto_reply'],
  ['Leave it with us!', 'en', 'auto_reply'],
  ['Hang tight, Mike!', 'en', 'auto_reply'],
  ["We'll check with the airport and get back to you.", 'en', 'auto_reply'],
  ['Die Kollegen sind informiert.', 'de', 'auto_reply'],
  ['Wir haben die Kollegen vor Ort informiert.', 'de', 'auto_reply'],
  ['The engineering team has been notified.', 'en', 'auto_reply'],
  ["I've let the baggage team know.", 'en', 'auto_reply'],
  ['Wir geben Bescheid, sobald wir mehr wissen.', 'de', 'auto_reply'],
  ['Sobald es Neuigkeiten gibt, sagen wir dir Bescheid.', 'de', 'auto_reply'],
  ['Danke für dein Feedback! Wir nehmen das mit.', 'de', 'auto_reply'],
  ['Danke für den Hinweis, ist notiert.', 'de', 'auto_reply'],
  ["We've noted your feedback.", 'en', 'auto_reply'],
  ["Thanks, we'll take this on board.", 'en', 'auto_reply'],
  // An out-of-hours notice at 23:01: the SLA clock must keep running.
  ["Hi there, our social team is available 8am-8pm. We'll get to your message first thing tomorrow.", 'en', 'auto_reply'],
  ['Ab 8 Uhr sind wir wieder für dich da.', 'de', 'auto_reply'],
  // A page-wide holding comment under a storm of claims.
  ['Liebe Kundinnen und Kunden, wegen des Sturms erreichen uns aktuell sehr viele Schadenmeldungen. Wir bearbeiten alle der Reihe nach.', 'de', 'auto_reply'],
  ['Aufgrund des Unwetters erhalten wir sehr viele Anfragen, wir arbeiten sie nach Eingang ab.', 'de', 'auto_reply'],
  ["Hi all, we're receiving a lot of messages about the storm and working through them one by one.", 'en', 'auto_reply'],
];

const courtesyOnly: Case[] = [
  ['Sorry for the inconvenience. Have a great day!', 'en', 'auto_reply'],
  ['Thanks for your patience, Oli.', 'en', 'auto_reply'],
  ['Apologies, Hannah. We hope you have a better experience next time.', 'en', 'auto_reply'],
  ["We're sorry for the delay today, Mike. Safe travels!", 'en', 'auto_reply'],
  ['Oh nein! Wir wünschen dir trotzdem einen schönen Tag.', 'de', 'auto_reply'],
  ['Oh nein! Schönen Abend trotzdem.', 'de', 'auto_reply'],
  ['Das tut uns leid, Tom. Hoffentlich klappt es beim nächsten Mal besser.', 'de', 'auto_reply'],
];

const redirects: Case[] = [
  ['Please ask at the check-in desk, they’ll be able to help.', 'en', 'deflection'],
  ['Hi Pete, please raise this with the airport as they operate the security lanes.', 'en', 'deflection'],
  ["You'll need to take this up with your bank.", 'en', 'deflection'],
  ['Unser Kundencenter in der Bahnhofstraße hilft dir gern weiter (Mo–Fr 9–18 Uhr).', 'de', 'deflection'],
  ['Frag am besten direkt am Schalter, die Kolleg*innen dort kennen sich aus.', 'de', 'deflection'],
  ['Bitte melde dich dazu bei deiner Bank.', 'de', 'deflection'],
  // Asked as a question, a redirect is still a redirect, not a request for details.
  ['Hi Omar, have you tried our live chat? They can change your seat.', 'en', 'deflection'],
  ['Sorry about that Grace. Have you checked our help centre?', 'en', 'deflection'],
  ['Why not try our live chat?', 'en', 'deflection'],
  ['Hast du es schon über unser Kontaktformular probiert?', 'de', 'deflection'],
  ['Hast du dich schon an unseren Kundenservice gewandt?', 'de', 'deflection'],
  // Moved to private messages: the public complaint is still unanswered, in either language.
  ["We've sent you a DM.", 'en', 'deflection'],
  ['Hi Mike, we’ve replied to your DM.', 'en', 'deflection'],
  ['Check your DMs 🙂', 'en', 'deflection'],
  ['Wir haben dir eine DM geschickt.', 'de', 'deflection'],
  ['Hallo Herr Yilmaz, wir haben Ihnen eine PN geschickt.', 'de', 'deflection'],
  ['Schau mal in dein Postfach, wir haben dir geschrieben.', 'de', 'deflection'],
];

const stillAnswers: Case[] = [
  ['Sorry for the trouble — we’ve refunded the €40, you’ll see it in 3–5 days.', 'en', 'answer'],
  ['Die Kollegen sind informiert, der Techniker kommt morgen zwischen 8 und 12 Uhr.', 'de', 'answer'],
  ['Thanks for your patience, Oli. Your refund of £45 was issued today.', 'en', 'answer'],
  ['Danke, Tom! Die Störung ist seit 10 Uhr behoben.', 'de', 'answer'],
  ["We've sent you an e-mail confirming the refund of £40, it will show in 3-5 days.", 'en', 'answer'],
  ['In Hamburg erhalten wir viele Anfragen zu Hausrat. Der Tarif kostet 3,90 € im Monat.', 'de', 'answer'],
  ['Wir haben dir die Rechnung per Mail geschickt.', 'de', 'answer'],
  ['Die Filiale in der Bahnhofstraße ist ab Montag wieder geöffnet.', 'de', 'answer'],
  // Only a capital tells an addressed name from a word of the answer.
  ['Sorry, fixed!', 'en', 'answer'],
];

// Questions about the case and redirects the customer is asked to start stay what they were.
const unchanged: Case[] = [
  ['Hi Mike, we can’t see your booking. Did you book directly with us?', 'en', 'request_info'],
  ['Have you tried restarting the app?', 'en', 'request_info'],
  ['Please DM us and we’ll get back to you.', 'en', 'deflection'],
  ['Schick uns bitte eine PN, wir melden uns dann per PN.', 'de', 'deflection'],
  ["I've raised this with the baggage team.", 'en', 'auto_reply'],
];

describe('classifyReply: holding, courtesy-only and redirecting replies are no answer (QA round 6)', () => {
  it.each([...holding, ...courtesyOnly, ...redirects, ...stillAnswers, ...unchanged])('%s (%s) → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});
