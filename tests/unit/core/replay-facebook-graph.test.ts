/**
 * Facebook Graph comments in a replay file (QA storm report, defect 1): a comment storm on a brand's own page post,
 * exported as Graph comment records or as a post with its comments nested, was read as unrelated posts on no page
 * (or lost: the nested comments vanished), and raised no shitstorm alert.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/commands/replay.ts';

const PAGE = { id: '104857600123', name: 'Sonnental Milch' };
const POST = '990001';
const START = Date.parse('2026-05-12T09:00:00Z');
const OUTRAGE = ['Schämt euch für diesen Post!', 'Das ist sexistisch und widerlich.', 'Pfui Teufel', 'Ich kaufe eure Milch ab heute nicht mehr.', 'Sowas von geschmacklos', 'Widerlich. Einfach widerlich.'];

const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/u, '+0000');

/** A comment record as the Graph API returns it, flat, with the permalink naming page, post and comment. */
function comment(n: number, at: number, from: { id: string; name: string }, message: string): Record<string, unknown> {
  return {
    id: `${PAGE.id}_${POST}_${7000000 + n}`,
    message,
    created_time: graphTime(at),
    from,
    permalink_url: `https://www.facebook.com/${PAGE.id}/posts/${POST}?comment_id=${7000000 + n}`,
  };
}

function stormFile(): string {
  const records = [comment(0, START + 60_000, PAGE, 'Liebe Community, wir lesen eure Kommentare und melden uns heute noch.')];
  for (let i = 1; i <= 120; i++) records.push(comment(i, START + 2 * 60_000 + i * 10_000, { id: `10200${i}`, name: `Person ${i}` }, OUTRAGE[i % OUTRAGE.length] as string));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-fb-graph-'));
  const file = path.join(dir, 'comments.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  return file;
}

async function replay(file: string, brands?: string[]) {
  const out = path.join(path.dirname(file), 'mentions.jsonl');
  const alertsOut = path.join(path.dirname(file), 'alerts.jsonl');
  const lines: string[] = [];
  const summary = await runReplay({ file, format: 'jsonl', mentionsOut: out, alertsOut, ...(brands ? { brands } : {}), progress: (l) => lines.push(l) });
  const read = <T>(f: string): T[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
  return { summary, lines, mentions: read<{ id: string; source: string; channel: string; thread: { rootId: string }; author: { isBrand?: boolean }; brands: string[] }>(out), alerts: read<{ kind: string; brand: string }>(alertsOut) };
}

describe('replay: Facebook Graph comment records', () => {
  it('places every comment under its page post, marks the page’s own replies, and tracks the page as the brand', async () => {
    const { mentions, lines, alerts } = await replay(stormFile());
    expect(new Set(mentions.map((m) => `${m.source} ${m.channel} ${m.thread.rootId}`))).toEqual(new Set([`facebook page_comment facebook:${PAGE.id}_${POST}`]));
    expect(mentions.filter((m) => m.author.isBrand === true)).toHaveLength(1);
    expect(lines.some((l) => l.includes('Facebook page "Sonnental Milch"'))).toBe(true);
    expect(lines.filter((l) => l.includes('no subject stands out'))).toEqual([]);
    // The comments name no brand, yet all are about the page's.
    expect(mentions.every((m) => m.brands.includes('sonnental-milch'))).toBe(true);
    // 120 angry comments from 120 people under the brand's own post within 20 minutes: the classic shitstorm.
    expect(alerts.filter((a) => a.kind === 'shitstorm').map((a) => a.brand)).toContain('sonnental-milch');
  });

  it('with --brand the page belongs to that brand', async () => {
    const { mentions, alerts } = await replay(stormFile(), ['Sonnental']);
    expect(mentions.every((m) => m.brands.includes('sonnental'))).toBe(true);
    expect(alerts.some((a) => a.kind === 'shitstorm' && a.brand === 'sonnental')).toBe(true);
  });

  it('reads a post exported with its comments nested: the post and each comment, none lost', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-fb-nested-'));
    const file = path.join(dir, 'posts.json');
    const post = {
      id: `${PAGE.id}_${POST}`,
      message: 'Zum Muttertag: ein Witz, der keiner war',
      created_time: graphTime(START),
      from: PAGE,
      comments: { data: [1, 2, 3].map((n) => ({ id: `${POST}_${n}`, message: OUTRAGE[n] as string, created_time: graphTime(START + n * 60_000), from: { id: `p${n}`, name: `Person ${n}` } })) },
    };
    writeFileSync(file, JSON.stringify({ data: [post] }));
    const { mentions } = await replay(file);
    expect(mentions.map((m) => [m.id, m.channel, m.thread.rootId])).toEqual([
      [`facebook:${PAGE.id}_${POST}`, 'post', `facebook:${PAGE.id}_${POST}`],
      [`facebook:${POST}_1`, 'page_comment', `facebook:${PAGE.id}_${POST}`],
      [`facebook:${POST}_2`, 'page_comment', `facebook:${PAGE.id}_${POST}`],
      [`facebook:${POST}_3`, 'page_comment', `facebook:${PAGE.id}_${POST}`],
    ]);
  });
});

describe('replay --alert-revisions-out', () => {
  it('writes every revision as raised, in order; --alerts-out keeps each alert\'s last', async () => {
    const file = stormFile();
    const revisionsOut = path.join(path.dirname(file), 'revisions.jsonl');
    const alertsOut = path.join(path.dirname(file), 'final.jsonl');
    await runReplay({ file, format: 'jsonl', alertsOut, alertRevisionsOut: revisionsOut, progress: () => undefined });
    const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; kind: string; revision: number; status: string });
    const revisions = read(revisionsOut);
    const finals = read(alertsOut);
    expect(revisions.length).toBeGreaterThan(finals.length);
    for (const final of finals) {
      const mine = revisions.filter((a) => a.id === final.id);
      expect(mine.map((a) => a.revision), final.id).toEqual(mine.map((_, i) => i));
      expect(mine.at(-1)).toEqual(final);
    }
    expect(revisions.find((a) => a.kind === 'shitstorm')?.status).toBe('open');
  });
});
