/**
 * QA round 7 (unanswered complaints, held-out brands): holding replies and redirects worded a little differently
 * read as answers because any three leftover content words counted as one. Once a holding or redirect cue has
 * fired, only concrete substance makes an answer: something done for the customer, an appointment, date or
 * amount, a state reached, or the cause of the problem. German and English side by side, positive and negative.
 */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

type Case = [string, 'de' | 'en', ReplyKind];

// Leftover words that are no answer: someone else must learn more, service hints, ticket numbers, team names.
const holdingWithLeftovers: Case[] = [
  ['Hallo Herr Odenthal, wir geben Bescheid, sobald die Kollegen aus der IT mehr wissen.', 'de', 'auto_reply'],
  ['Wir haben ein Ticket für dich angelegt (NF-55812), die Kollegen vom Netzbetrieb melden sich bei dir.', 'de', 'auto_reply'],
  ['Danke für deine Geduld! Wir melden uns, sobald die Technik eine Rückmeldung hat. Deine Vorgangsnummer lautet 4471.', 'de', 'auto_reply'],
  ['Thanks for getting in touch! Our team aims to respond within 24 hours. You can track your parcel any time at swiftcrate.example/track', 'en', 'auto_reply'],
  ["We've raised a ticket with the depot (ref 88231), they'll be in touch within 48 hours.", 'en', 'auto_reply'],
  ["That's not the standard we expect. We'll pass this on to the depot manager. We'll DM you shortly.", 'en', 'auto_reply'],
  ["We'll forward your feedback to the customer experience team.", 'en', 'auto_reply'],
];

const redirectsWithLeftovers: Case[] = [
  ['Please pop into your local Swiftcrate ParcelPoint, the staff there will be able to help you.', 'en', 'deflection'],
  ['Bitte melde Störungen ausschließlich über unsere Nordfaser-App, dort können die Kollegen deinen Anschluss direkt durchmessen.', 'de', 'deflection'],
  ['Störungen bitte nur über das Kundenportal melden.', 'de', 'deflection'],
  ['Please report faults only via our app so the network team can run a line test.', 'en', 'deflection'],
  // After a hotline redirect in the thread: a form is another redirect, not a holding reply.
  ['Dann nutze gern unser Kontaktformular unter nordfaser.example/kontakt, die Kollegen melden sich.', 'de', 'deflection'],
];

// Holding phrasing families new in round 7.
const holdingFamilies: Case[] = [
  ['Hallo Gabi, danke für den Hinweis! Das schauen wir uns an.', 'de', 'auto_reply'],
  ['Das prüfen wir gleich für dich.', 'de', 'auto_reply'],
  ['Da schauen wir mal nach.', 'de', 'auto_reply'],
  ['Ich schaue mir das an.', 'de', 'auto_reply'],
  ['Hallo Birte, wir rufen dich heute noch an, versprochen.', 'de', 'auto_reply'],
  ['Du bekommst morgen einen Rückruf von uns.', 'de', 'auto_reply'],
  ["We'll give you a call this afternoon.", 'en', 'auto_reply'],
  ["We'll call you back today, promise.", 'en', 'auto_reply'],
  ['Danke für deine Nachricht! Wir sind gleich für dich da.', 'de', 'auto_reply'],
  ["Thanks for your message, we'll be with you in a moment.", 'en', 'auto_reply'],
  ['Ab 8 Uhr sind wir wieder für dich da.', 'de', 'auto_reply'],
];

// A DM mentioned as news answers; a case moved to DM or a request to write there stays a redirect.
const dmAsNews: Case[] = [
  ['Am Donnerstag hier im Thread, wir benachrichtigen die Gewinner zusätzlich per DM.', 'de', 'answer'],
  ['Hallo Herr Roth, am 15. Mai hier in den Kommentaren – die Gewinner bekommen außerdem eine PN.', 'de', 'answer'],
  ["We'll announce it here on Friday, and winners will also be notified via DM.", 'en', 'answer'],
  ['Schreib uns gerne per PN.', 'de', 'deflection'],
  ['Please get in touch via DM.', 'en', 'deflection'],
  ["We've sent you a DM.", 'en', 'deflection'],
  ['Wir haben dir eine PN geschickt.', 'de', 'deflection'],
];

// Mixed replies with concrete substance stay answers, whatever holding or redirect wording comes with them.
const substance: Case[] = [
  ['Sorry for the wait — we’ve refunded the £40, you’ll see it in 3–5 days.', 'en', 'answer'],
  ['Die Kollegen sind informiert, der Techniker kommt morgen zwischen 8 und 12 Uhr.', 'de', 'answer'],
  ['Der Techniker kommt morgen um 8. Bei Fragen erreichst du uns im Chat.', 'de', 'answer'],
  ["Hi Megan, the address label was damaged in transit so we couldn't deliver it; it's on its way back to the sender and they'll have it Friday. If you need anything else, our live chat is open 24/7.", 'en', 'answer'],
  ['Wir haben das geprüft: Die Störung lag an einem defekten Verteiler, seit 14 Uhr läuft wieder alles. Bei Fragen erreichst du uns im Chat.', 'de', 'answer'],
  ["We've passed this on to the depot, and we've rebooked your delivery for Thursday.", 'en', 'answer'],
  ['Wir kümmern uns darum: Die 40 € sind dir heute gutgeschrieben worden.', 'de', 'answer'],
];

// A conditional offer is no request; a real question for details still is one.
const asking: Case[] = [
  ['Falls du noch etwas brauchst, melde dich gern. Dein Paket ist heute zugestellt worden.', 'de', 'answer'],
  ['Could you send us your tracking number so we can check?', 'en', 'request_info'],
  ['Wir brauchen deine Kundennummer, um das zu prüfen.', 'de', 'request_info'],
];

describe('classifyReply: QA round 7 non-answers and answers', () => {
  it.each([...holdingWithLeftovers, ...redirectsWithLeftovers, ...holdingFamilies, ...dmAsNews, ...substance, ...asking])(
    '%s (%s) → %s',
    (text, lang, kind) => {
      expect(classifyReply(text, lang).kind).toBe(kind);
    },
  );
});
