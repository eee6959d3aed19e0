/**
 * QA round 11 (a German municipal utility on Facebook): "wir haben Ihnen soeben eine private Nachricht geschickt" read
 * as an answer, and "Schreiben Sie uns dazu bitte eine E-Mail an …, die Kollegen kümmern sich." as a holding reply.
 * A case moved to private messages is a redirect in the Sie and the du form, whatever the message is called; a redirect
 * with a holding phrase added stays a redirect; a reply that says what was done besides still answers.
 */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../classifiers/reply-kind.ts';
import type { ReplyKind } from '../../../src/model.ts';

describe('classifyReply: a message sent in private is no public answer (QA round 11)', () => {
  it.each([
    ['Hallo Herr Weber, wir haben Ihnen soeben eine private Nachricht geschickt.', 'deflection'],
    ['Liebe Frau Kern, wir haben Ihnen gerade eine Direktnachricht gesendet.', 'deflection'],
    ['Wir haben Ihnen eben eine persönliche Nachricht geschickt.', 'deflection'],
    ['Hi Tom, wir haben dir gerade eine PN geschickt 😊', 'deflection'],
    ['Hallo Anna, wir haben dir soeben eine DM gesendet.', 'deflection'],
    ['Wir haben dir eben eine private Nachricht geschickt.', 'deflection'],
    ["Hi Sam, we've just sent you a private message.", 'deflection'],
    // Said in public what the private message holds: answered.
    ['Hallo Herr Weber, wir haben Ihnen soeben eine private Nachricht geschickt, die Gutschrift über 40 € ist veranlasst.', 'answer'],
  ] as const)('%s → %s', (text, kind: ReplyKind) => {
    expect(classifyReply(text, /[äöüß]|\b(?:du|dir|ihnen|wir)\b/iu.test(text) ? 'de' : 'en').kind).toBe(kind);
  });
});

describe('classifyReply: sent to write an e-mail, a holding phrase added (QA round 11)', () => {
  it.each([
    ['Schreiben Sie uns dazu bitte eine E-Mail an service@stadtwerke-lindenau.example, die Kollegen kümmern sich.', 'deflection'],
    ['Schreiben Sie uns dazu bitte eine E-Mail an service@stadtwerke-lindenau.example.', 'deflection'],
    ['Schreib uns dafür einfach eine Mail an hilfe@lindenau.example, wir kümmern uns darum.', 'deflection'],
    ['Please email us at help@skyvale.example and the team will look into it.', 'deflection'],
    // The matter done, the address only for later questions: answered.
    ['Die Gutschrift ist gestern rausgegangen. Bei Fragen schreiben Sie uns gerne eine E-Mail an service@lindenau.example.', 'answer'],
  ] as const)('%s → %s', (text, kind: ReplyKind) => {
    expect(classifyReply(text, /[äöüß]|\b(?:du|dir|ihnen|wir|uns)\b/iu.test(text) ? 'de' : 'en').kind).toBe(kind);
  });
});
