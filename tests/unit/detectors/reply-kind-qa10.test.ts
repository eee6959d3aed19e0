/**
 * QA round 10 (a German health insurer on X): an answer that says the customer's document was forwarded to their
 * employer read as a holding reply ("an die Fachabteilung weitergeleitet"), and an answer with a date and "diese Woche"
 * followed by "Bei Fragen erreichst du uns unter 0800 …" read as a redirect. Forwarding within the company still holds;
 * a bare hotline line still redirects.
 */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

describe('classifyReply: done for the customer, or only passed on (QA round 10)', () => {
  it.each([
    ['Keine Sorge: Die eAU vom 4.12. ist bei uns eingegangen und wurde an deinen Arbeitgeber weitergeleitet.', 'answer'],
    ['Ja, dein Sohn ist seit 1.12. familienversichert, seine Karte kommt diese Woche per Post. Bei Fragen erreichst du uns unter 0800 1234567.', 'answer'],
    ['Your replacement card goes out this week. Any questions, call us on 0800 123 456.', 'answer'],
    ['Wir haben dein Anliegen an die Fachabteilung weitergeleitet.', 'auto_reply'],
    ['Deine Anfrage haben wir an die zuständigen Kollegen weitergegeben, die melden sich bei dir.', 'auto_reply'],
    ['Bei Fragen erreichst du uns unter 0800 1234567.', 'deflection'],
  ] as const)('%s → %s', (text, kind: ReplyKind) => {
    expect(classifyReply(text, /[äöüß]|\b(?:du|dein|wir)\b/iu.test(text) ? 'de' : 'en').kind).toBe(kind);
  });
});
