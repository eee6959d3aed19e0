/**
 * The bundled demo data set (demo/demo.jsonl + demo/kundenradar.yaml): valid, up to date with its sources in
 * demo/content/, and covering the situations it exists to show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier, createTextModel } from '../../../classifiers/index.ts';
import { ConfigError, parseConfig } from '../../../src/config.ts';
import { Classified, Mention } from '../../../src/model.ts';
import { renderDemoJsonl } from '../../../demo/build.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'demo');
const yamlFile = path.join(demoDir, 'kundenradar.yaml');
const jsonl = readFileSync(path.join(demoDir, 'demo.jsonl'), 'utf8');
const lines = jsonl.trimEnd().split('\n');
const mentions = lines.map((line) => Mention.parse(JSON.parse(line)));
const config = parseConfig(readFileSync(yamlFile, 'utf8'), yamlFile);
const classify = createClassifier({ brands: config.brands, textModel: createTextModel('cues'), clock: () => new Date('2026-11-30T00:00:00Z') });
const classified = mentions.map((m) => classify(m));
const byId = new Map(classified.map((c) => [c.id, c]));

describe('demo/kundenradar.yaml', () => {
  it('parses with parseConfig: port 8080, four brands, the replay source', () => {
    expect(config.server.port).toBe(8080);
    expect(config.brands.map((b) => b.id)).toEqual(['nordbahn', 'funkwelle', 'kranich', 'brightwatt']);
    expect(config.brands.filter((b) => b.businessHours)).toHaveLength(1);
    for (const b of config.brands) {
      expect(b.accounts.length).toBeGreaterThan(0);
      expect(b.sla).toBeDefined();
    }
    expect(config.sources).toHaveLength(1);
    expect(config.sources[0]).toMatchObject({ type: 'replay', name: 'demo', path: 'demo.jsonl', format: 'jsonl' });
    // The posts are history: detectors run on their own timestamps.
    expect(config.detect).toMatchObject({ clock: 'event' });
  });

  it('rejects a broken brand query with the brand, the field and the position', () => {
    const broken = readFileSync(yamlFile, 'utf8').replace("query: 'Brightwatt OR @brightwatt_care OR #brightwatt'", "query: 'Brightwatt OR (@brightwatt_care'");
    expect(() => parseConfig(broken, 'kundenradar.yaml')).toThrow(ConfigError);
    expect(() => parseConfig(broken, 'kundenradar.yaml')).toThrow(/brands\[3\]\.query: unclosed parenthesis at position 15/);
  });
});

describe('demo/demo.jsonl', () => {
  it('is what demo/build.ts produces from demo/content/ (run `npx tsx demo/build.ts` after editing)', () => {
    expect(jsonl).toBe(renderDemoJsonl());
  });

  it('has 150–250 valid mentions with unique ids demo:<n>, source demo, in time order', () => {
    expect(mentions.length).toBeGreaterThanOrEqual(150);
    expect(mentions.length).toBeLessThanOrEqual(250);
    expect(new Set(mentions.map((m) => m.id)).size).toBe(mentions.length);
    mentions.forEach((m, i) => {
      expect(m.id).toBe(`demo:${i + 1}`);
      expect(m.source).toBe('demo');
      if (i > 0) expect(m.createdAt >= (mentions[i - 1] as Mention).createdAt).toBe(true);
    });
  });

  it('spans about two weeks ending on 2026-11-29', () => {
    const first = Date.parse(mentions[0]?.createdAt ?? '');
    const last = Date.parse(mentions.at(-1)?.createdAt ?? '');
    expect(new Date(last).toISOString().slice(0, 10)).toBe('2026-11-29');
    expect((last - first) / 86_400_000).toBeGreaterThan(12);
  });

  it('links every reply to an earlier post of its thread', () => {
    const seen = new Set<string>();
    for (const m of mentions) {
      if (m.thread.parentId) {
        expect(seen.has(m.thread.parentId)).toBe(true);
        expect(seen.has(m.thread.rootId)).toBe(true);
      } else expect(m.thread.rootId).toBe(m.id);
      seen.add(m.id);
    }
  });

  it('classifies into valid Classified records, in German and English, for all four brands', () => {
    for (const c of classified) expect(Classified.parse(c)).toEqual(c);
    const langs = new Set(classified.map((c) => c.lang));
    expect(langs).toContain('de');
    expect(langs).toContain('en');
    for (const b of config.brands) expect(classified.some((c) => c.brands.includes(b.id))).toBe(true);
  });

  it('has brand replies of every kind: answer, request_info, auto_reply, deflection', () => {
    const kinds = new Set(classified.filter((c) => c.author.isBrand && c.replyKind !== undefined).map((c) => c.replyKind));
    // The brand's own page posts answer nobody: no reply kind.
    expect(classified.filter((c) => c.author.isBrand && c.replyKind === undefined).every((c) => c.thread.parentId === undefined)).toBe(true);
    expect([...kinds].sort()).toEqual(['answer', 'auto_reply', 'deflection', 'request_info']);
  });

  it('has complaints left without any brand reply, and praise, questions and news', () => {
    const answeredRoots = new Set(classified.filter((c) => c.author.isBrand).map((c) => c.thread.rootId));
    const unanswered = classified.filter((c) => c.complaint.isComplaint && !c.thread.parentId && !answeredRoots.has(c.id) && c.brands.length > 0);
    expect(unanswered.length).toBeGreaterThanOrEqual(10);
    expect(classified.filter((c) => !c.author.isBrand && c.sentiment.label === 'positive').length).toBeGreaterThanOrEqual(10);
    expect(classified.filter((c) => !c.author.isBrand && c.intents.includes('question') && !c.complaint.isComplaint).length).toBeGreaterThanOrEqual(8);
    expect(classified.filter((c) => c.channel === 'news').length).toBeGreaterThanOrEqual(2);
  });

  it('contains an emerging shitstorm: 30+ negative Funkwelle posts from 30+ people within one hour', () => {
    const start = Date.parse('2026-11-28T17:50:00Z');
    const burst = classified.filter((c) => {
      const t = Date.parse(c.createdAt);
      return c.brands.includes('funkwelle') && !c.author.isBrand && t >= start && t < start + 3_600_000 && c.sentiment.label === 'negative';
    });
    expect(burst.length).toBeGreaterThanOrEqual(30);
    expect(new Set(burst.map((c) => c.author.id)).size).toBeGreaterThanOrEqual(30);
    // …on top of a normal background: the same brand's busiest other hour has a handful of posts at most.
    const hours = new Map<string, number>();
    for (const c of classified) {
      const t = Date.parse(c.createdAt);
      if (c.brands.includes('funkwelle') && (t < start || t >= start + 3_600_000)) hours.set(c.createdAt.slice(0, 13), (hours.get(c.createdAt.slice(0, 13)) ?? 0) + 1);
    }
    expect(Math.max(...hours.values())).toBeLessThanOrEqual(5);
  });

  it('keeps the bird-watchers out of the shop: "Kraniche" posts match no brand', () => {
    const birds = classified.filter((c) => /Kraniche/.test(c.text));
    expect(birds.length).toBeGreaterThanOrEqual(2);
    for (const c of birds) expect(c.brands).toEqual([]);
  });

  it('assigns comments on the brand page to the brand although they do not name it', () => {
    const pageComments = classified.filter((c) => c.channel === 'page_comment' && !c.author.isBrand);
    expect(pageComments.length).toBeGreaterThanOrEqual(3);
    for (const c of pageComments) expect(c.brands).toEqual(['kranich']);
  });

  it('carries a post with a script tag, verbatim (the UI must escape it)', () => {
    const xss = classified.find((c) => c.text.includes('<script>alert(1)</script>'));
    expect(xss?.brands).toEqual(['nordbahn']);
    expect(byId.get(xss?.id ?? '')?.complaint.isComplaint).toBe(true);
  });
});
