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

  it('is fast enough for the hot path', () => {
    const texts = cases.map((c) => c[2]);
    const start = performance.now();
    for (let i = 0; i < 2000; i++) classifyReply(texts[i % texts.length] ?? '', 'de');
    // Generous bound (shared 2-core machine): ~50 µs per reply would still be far below per-post budgets.
    expect((performance.now() - start) / 2000).toBeLessThan(0.5);
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
