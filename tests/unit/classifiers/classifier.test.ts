import { describe, expect, it } from 'vitest';
import { createClassifier, createTextModel } from '../../../classifiers/index.ts';
import type { TextModel } from '../../../classifiers/types.ts';
import { Brand, Classified, Mention, type MentionInput } from '../../../src/model.ts';
import { loadSeedMentions, SEED_IS_COMPLAINT, seedsAvailable } from '../../fixtures/seeds.ts';

const brands = [
  Brand.parse({ id: 'nordbahn', name: 'Nordbahn', query: 'Nordbahn OR @nordbahn_service OR #nordbahn', accounts: ['@nordbahn_service'] }),
  Brand.parse({ id: 'brightwatt', name: 'Brightwatt Energy', query: 'Brightwatt OR @brightwatt_care', accounts: ['brightwatt_care'], language: 'en' }),
];
const fixedClock = () => new Date('2026-11-29T12:00:00Z');
const classify = createClassifier({ brands, textModel: createTextModel('cues'), clock: fixedClock });

let n = 0;
function mention(over: Partial<MentionInput>): Mention {
  const id = `demo:t${++n}`;
  return Mention.parse({
    id,
    source: 'demo',
    author: { id: `u${n}`, handle: `kunde${n}` },
    text: 'x',
    createdAt: '2026-11-28T10:00:00Z',
    thread: { rootId: id },
    channel: 'post',
    ...over,
  });
}

describe('createClassifier', () => {
  it('classifies a German complaint about a brand: language, brand, complaint with cues, sentiment, intents', () => {
    const c = classify(mention({ text: '@nordbahn_service Seit drei Tagen keine Antwort auf meine Erstattung. Frechheit!' }));
    expect(Classified.parse(c)).toEqual(c);
    expect(c).toMatchObject({ lang: 'de', brands: ['nordbahn'], model: 'cues-v1', classifiedAt: '2026-11-29T12:00:00.000Z' });
    expect(c.complaint.isComplaint).toBe(true);
    // "Frechheit" is outrage, an accusation (3); blame (4) is for escalation and harm.
    expect(c.complaint.severity).toBe(3);
    expect(c.complaint.cues.length).toBeGreaterThan(0);
    expect(c.sentiment.label).toBe('negative');
    expect(c.intents).toEqual(expect.arrayContaining(['support_unreachable', 'billing']));
    expect(c.replyKind).toBeUndefined();
  });

  it('classifies English praise as no complaint with severity 0', () => {
    const c = classify(mention({ text: 'Thanks @brightwatt_care, the engineer fixed it within an hour. Great service!' }));
    expect(c).toMatchObject({ lang: 'en', brands: ['brightwatt'], complaint: { isComplaint: false, severity: 0 }, sentiment: { label: 'positive' } });
  });

  it('marks brand-authored posts, classifies their reply kind, and never calls them complaints', () => {
    const root = mention({ text: '@nordbahn_service Mein Zug ist ausgefallen, keine Info, unverschämt!' });
    const reply = classify(
      mention({
        author: { id: '1', handle: 'NordBahn_Service' },
        text: '@kunde Das tut uns leid. Bitte wende dich an unsere Hotline unter 0800 123 4567.',
        thread: { rootId: root.id, parentId: root.id },
        channel: 'reply',
      }),
    );
    expect(Classified.parse(reply)).toEqual(reply);
    expect(reply.author.isBrand).toBe(true);
    expect(reply.brands).toContain('nordbahn');
    expect(reply.replyKind).toBe('deflection');
    expect(reply.complaint.isComplaint).toBe(false);
    expect(reply.complaint.cues[0]?.cue).toMatch(/brand account/);
    // A brand's own words carry no customer intent: "Hotline" here is no unreachable support (QA).
    expect(reply.intents).toEqual([]);
  });

  it('trusts isBrand from the source as well', () => {
    const c = classify(mention({ author: { id: 'page', isBrand: true }, text: '@kundin Wir melden uns schnellstmöglich bei Ihnen.' }));
    expect(c.replyKind).toBe('auto_reply');
  });

  it('gives a brand\'s own announcement no reply kind: it answers nobody (QA round 3: page posts were "answer")', () => {
    expect(classify(mention({ author: { id: 'page', isBrand: true }, text: 'Neu: unser Winterfahrplan ab Sonntag!' })).replyKind).toBeUndefined();
    expect(classify(mention({ author: { id: 'page', isBrand: true }, text: 'Das tut uns leid.', thread: { rootId: 'demo:root', parentId: 'demo:parent' } })).replyKind).toBe('auto_reply');
  });

  it('applies the complaint threshold to whatever text model it is given', () => {
    const fixed: TextModel = {
      name: 'fixed-0.6',
      complaint: () => ({ score: 0.6, cues: [{ cue: 'fixed', weight: 0.6 }] }),
      sentiment: () => ({ label: 'negative', score: -0.5 }),
      severity: () => 2,
    };
    const m = mention({ text: 'Nordbahn' });
    expect(createClassifier({ brands, textModel: fixed, complaintThreshold: 0.5 })(m).complaint).toMatchObject({ isComplaint: true, severity: 2 });
    expect(createClassifier({ brands, textModel: fixed, complaintThreshold: 0.7 })(m).complaint).toMatchObject({ isComplaint: false, severity: 0 });
    expect(createClassifier({ brands, textModel: fixed })(m).model).toBe('fixed-0.6');
  });

  it('uses the injected reply classifier for brand posts', () => {
    const c = createClassifier({ brands, textModel: createTextModel('cues'), replyClassifier: () => ({ kind: 'answer', cues: [] }) });
    expect(c(mention({ author: { id: 'brightwatt_care' }, text: '@kunde Please DM us.' })).replyKind).toBe('answer');
  });

  it('leaves posts about no configured brand unbranded, in any language', () => {
    const c = classify(mention({ text: "Le train est encore en retard, c'est pas normal" }));
    expect(c).toMatchObject({ lang: 'other', brands: [] });
    expect(Classified.parse(c)).toEqual(c);
  });

  it('keeps script tags as inert text (escaping is the UI’s job, the classifier must not choke)', () => {
    const c = classify(mention({ text: 'Nordbahn <script>alert(1)</script> kaputt' }));
    expect(c.text).toBe('Nordbahn <script>alert(1)</script> kaputt');
    expect(Classified.parse(c)).toEqual(c);
  });

  // Skipped only in a checkout without ../shared/seeds (the seed posts are not in this repository); CI has them.
  it.skipIf(!seedsAvailable())('reads the seeds right: 000–003 complaints, 004 not', () => {
    for (const m of loadSeedMentions()) {
      const c = classify(m);
      expect(Classified.parse(c)).toEqual(c);
      expect({ id: c.id, lang: c.lang, complaint: c.complaint.isComplaint }).toEqual({ id: m.id, lang: 'de', complaint: SEED_IS_COMPLAINT[m.id] });
    }
  });
});

describe('createTextModel', () => {
  it("'cues' is the cue model", () => expect(createTextModel('cues').name).toBe('cues-v1'));

  it("'learned' is the shipped combination of the learned models and the cue model", () => {
    const m = createTextModel('learned');
    expect(m.name).toMatch(/^learned\+cues-v1 \(learned-v1, cues-v1\)$/);
    const complaint = m.complaint('Seit drei Tagen keine Antwort, unverschämt!', 'de');
    expect(complaint.score).toBeGreaterThanOrEqual(0.5);
    expect(complaint.cues.length).toBeGreaterThan(0);
    expect(m.sentiment('Danke, super gelaufen!', 'de').label).not.toBe('negative');
  });
});

// QA firestorm round 5: 1,677 reshares of a brand's own ad were each a "complaint", and the reshares of an airline's
// apology negative: both fed a storm against the brand that posted them.
describe('a reshare of the brand\'s own post carries the brand\'s words', () => {
  it('is no complaint and not negative; a reshared customer complaint still is one', () => {
    const own = classify(mention({ text: 'RT @nordbahn_service: Wir entschuldigen uns für die Verspätungen heute. Unverschämt viele Baustellen, das ärgert uns auch.' }));
    expect(own.complaint.isComplaint).toBe(false);
    expect(own.sentiment.label).not.toBe('negative');
    expect(own.intents).toEqual([]);
    expect(own.author.isBrand).toBe(false);
    const customer = classify(mention({ text: 'RT @kunde7: @nordbahn_service Seit drei Tagen keine Antwort auf meine Erstattung. Frechheit!' }));
    expect(customer.complaint.isComplaint).toBe(true);
  });
});
