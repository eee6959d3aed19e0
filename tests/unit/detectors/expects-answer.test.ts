import { describe, expect, it } from 'vitest';
import { expectsAnswer } from '../../../classifiers/unanswered-cues.ts';
import { post } from './helpers.ts';

describe('expectsAnswer: what opens an SLA clock', () => {
  it.each([
    ['Ganz großes Lob an euren Kundenservice, Frau Jansen hat mir am Telefon super geholfen!', false],
    ['Great job @brightwatt_care, the engineer came on time', false],
    ['Danke, hat sich erledigt', false],
    ['Lob hin oder her, meine Rechnung ist immer noch falsch. Wann korrigiert ihr das?', true],
    ['@brightwatt_care my meter reading is wrong, can you check it?', true],
  ] as const)('%s → %s', (text, expected) => {
    // The classifier's sentiment is deliberately neutral here: the cue must carry the decision by itself.
    expect(expectsAnswer(post({ id: 'x1', text, at: '2026-11-27T08:30:00Z', author: 'kunde', brandContext: ['b'] }))).toBe(expected);
  });
});
