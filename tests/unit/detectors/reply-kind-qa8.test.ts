/**
 * QA round 8 (unanswered complaints, held-out brands): office-hours notices and "we are away" messages read as answers
 * (their hours look like an appointment), and redirects worded in new ways (a report line given as a bare number, a
 * chat in the app, a policy page) closed complaints. Each family in German and English, with phrasings each rule
 * must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

type Case = [string, 'de' | 'en', ReplyKind];

// When the team answers is no answer: the brand still owes one.
const officeHours: Case[] = [
  ['Hallo! Unser Service-Team antwortet Mo.-Fr. von 9 bis 17 Uhr. Bitte poste hier keine Vertragsnummern.', 'de', 'auto_reply'],
  ['Danke dir! Wir sind werktags zwischen 7:30 und 20 Uhr für dich da.', 'de', 'auto_reply'],
  ['Unsere Servicezeiten: montags bis freitags 8–16 Uhr. Wir melden uns!', 'de', 'auto_reply'],
  ['Thanks for your tweet! Our social team replies Mon–Fri, 9am–5pm.', 'en', 'auto_reply'],
  ["Hi! We're here 7 days a week from 8am to 10pm and will reply as soon as we can.", 'en', 'auto_reply'],
  ['Danke für deine Nachricht. Über die Feiertage sind wir nicht erreichbar, wir melden uns nach dem Wochenende bei dir.', 'de', 'auto_reply'],
  ['Hallo! Unser Team ist sonntags leider nicht besetzt. Wir sind ab Montag 8 Uhr wieder für dich da.', 'de', 'auto_reply'],
  ["Thanks for getting in touch. We're offline over the weekend and will get back to you on Monday morning.", 'en', 'auto_reply'],
  ["Our team is away for the bank holiday – we'll reply on Tuesday from 9am.", 'en', 'auto_reply'],
];

// Hours that belong to the answer itself stay answers.
const hoursThatAnswer: Case[] = [
  // A warning not to post account numbers asks for none; a real request for one still does.
  ["Thanks! Our team replies Mon–Fri 8am–8pm. Please don't share your account number here.", 'en', 'auto_reply'],
  ['Schick uns bitte deine Vertragsnummer per DM.', 'de', 'request_info'],
  ['Die Filiale in der Hauptstraße hat samstags von 9 bis 13 Uhr geöffnet, die Reparatur ist fertig.', 'de', 'answer'],
  ['Der Techniker kommt am Montag zwischen 8 und 12 Uhr, die Störung wurde behoben.', 'de', 'answer'],
  ["Your refund was processed on Monday, you'll see it within 3 days.", 'en', 'answer'],
  ['Wir sind bis Freitag komplett ausgebucht, dein Termin ist am 12. Mai um 10 Uhr.', 'de', 'answer'],
];

// Sent to report it elsewhere: a number to call, a chat in the app.
const redirects: Case[] = [
  ['Guten Tag, bitte melden Sie den Schaden sofort unter 0800 123 456.', 'de', 'deflection'],
  ['Bitte melde das gleich bei unserer Störungsnummer 0800 55 66 77.', 'de', 'deflection'],
  ['Please report the leak right away on 0800 123 4567.', 'en', 'deflection'],
  ['Could you please report this outage by calling 0345 600 1234?', 'en', 'deflection'],
  ['Please get in touch via the in-app chat so the team can check your order.', 'en', 'deflection'],
  ['Please contact us through our in-app messenger.', 'en', 'deflection'],
  ['Bitte melde dich dafür im In-App-Chat, die Kolleg*innen schauen sich das an.', 'de', 'deflection'],
  ['Schreib uns bitte über das Kunden-Portal.', 'de', 'deflection'],
  ['You can read our cancellation policy at shop.example/cancel', 'en', 'deflection'],
  ['Our returns policy is available at help.example.com/returns.', 'en', 'deflection'],
  ['Unsere Erstattungsrichtlinien findest du unter shop.example/erstattung', 'de', 'deflection'],
];

// What the brand itself did or will do, or a link that answers, is no redirect.
const notRedirects: Case[] = [
  ['Wir melden das unter der Nummer 4471 an die Technik weiter und der Techniker kommt morgen um 9 Uhr.', 'de', 'answer'],
  ['Ich melde mich morgen früh wieder, der Zähler wurde heute getauscht.', 'de', 'answer'],
  ["We've reported it to the council and the road was reopened at 3pm.", 'en', 'answer'],
  ["We reached out via the app to the courier and your parcel was delivered at 14:10.", 'en', 'answer'],
  ['The new delivery slots are live: you can book them today in the app.', 'en', 'answer'],
];

describe('classifyReply: QA round 8 office-hours notices and redirects', () => {
  it.each([...officeHours, ...hoursThatAnswer, ...redirects, ...notRedirects])('%s (%s) → %s', (text, lang, kind) => {
    expect(classifyReply(text, lang).kind).toBe(kind);
  });
});
