import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitPaced } from '../../../ingestors/replay.ts';
import { readCsv, readGermEvalXml, readJsonl, readReplayFile, readTwcs, readUtf8, slugify } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import type { Mention } from '../../../src/model.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const shared = path.resolve(__dirname, '../../../../shared/data');

describe('replay formats', () => {
  it('jsonl: keeps good lines, reports bad ones with line number and reason, orders by time', () => {
    const good = (id: string, at: string) =>
      JSON.stringify({ id: `demo:${id}`, source: 'demo', author: { id: 'u' }, text: 'Zug fällt aus', createdAt: at, thread: { rootId: `demo:${id}` }, channel: 'post' });
    const text = [good('2', '2026-01-02T10:00:00Z'), '{not json', good('1', '2026-01-01T10:00:00+01:00'), JSON.stringify({ id: 'demo:3', surprise: true })].join('\n');
    const input = readJsonl(text);
    expect(input.mentions.map((m) => m.id)).toEqual(['demo:1', 'demo:2']);
    expect(input.mentions[0]!.createdAt).toBe('2026-01-01T09:00:00.000Z');
    expect(input.errors).toHaveLength(2);
    expect(input.errors[0]).toMatchObject({ line: 2 });
    expect(input.errors[0]!.reason).toMatch(/malformed JSON/);
    expect(input.errors[1]!.line).toBe(4);
    expect(input.errors[1]!.reason).toMatch(/unknown field\(s\) surprise/);
  });

  it('csv: finds columns by name, uses the file id or the row number', () => {
    const input = readCsv('tweet_id,tweet,date\n42,"Paket kommt nicht, seit 3 Tagen",2026-03-01T10:00:00Z\n,no id here,2026-03-01T11:00:00Z\n7,,2026-03-01T12:00:00Z\n', {
      fallbackTime: new Date('2026-01-01T00:00:00Z'),
    });
    expect(input.mentions.map((m) => m.id)).toEqual(['csv:42', 'csv:2']);
    expect(input.mentions[0]!.text).toBe('Paket kommt nicht, seit 3 Tagen');
    expect(input.errors).toEqual([{ line: 4, reason: 'empty text' }]);
  });

  it('csv: refuses a file without a text column, naming what it expects', () => {
    expect(() => readCsv('a,b\n1,2\n')).toThrow(/no text column: expected one of text, tweet/);
  });

  it('reads the real complaints corpus', () => {
    const input = readCsv(readUtf8(path.join(shared, 'complaints-en/complaints.csv')));
    expect(input.mentions.length).toBeGreaterThan(2700);
    expect(input.mentions[0]!.id).toMatch(/^csv:\d+$/);
  });

  it('twcs: brand accounts from outbound authors, threads from reply links, brand context for inbound', () => {
    const input = readTwcs(readUtf8(path.join(shared, 'twcs/sample.csv')));
    expect(input.errors).toEqual([]);
    expect(input.brands.map((b) => b.name)).toContain('AppleSupport');
    const inbound = input.mentions.find((m) => m.id === 'twitter:119237')!;
    expect(inbound.author.isBrand).toBe(false);
    expect(inbound.brandContext).toContain('applesupport');
    const outbound = input.mentions.find((m) => m.id === 'twitter:119238')!;
    expect(outbound.author.isBrand).toBe(true);
    expect(outbound.thread.parentId).toBe('twitter:119239');
    for (let i = 1; i < input.mentions.length; i++) {
      expect(Date.parse(input.mentions[i]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(input.mentions[i - 1]!.createdAt));
    }
  });

  it('germeval: document ids become mention ids and urls', () => {
    const input = readGermEvalXml(readUtf8(path.join(shared, 'germeval2017/test_dia.xml')));
    expect(input.mentions.length).toBeGreaterThan(1800);
    const tweet = input.mentions.find((m) => m.url?.includes('twitter.com'));
    expect(tweet?.id.startsWith('germeval:http')).toBe(true);
    expect(input.mentions.some((m) => /[äöüß]/.test(m.text))).toBe(true);
  });

  it('names the byte where a file stops being UTF-8', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-utf8-'));
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('text\nZug f'), Buffer.from([0xe4]), Buffer.from('llt aus\n')]));
    expect(() => readUtf8(file)).toThrow(/invalid UTF-8 near byte 10/);
  });

  it('makes brand ids from account names', () => {
    expect(slugify('AppleSupport')).toBe('applesupport');
    expect(slugify('Deutsche Bahn AG')).toBe('deutsche-bahn-ag');
    expect(slugify('Müller & Söhne')).toBe('muller-sohne');
  });
});

describe('replay reads API tweets and common export columns', () => {
  it('maps X API v1.1 statuses and v2 tweets in a jsonl file to mentions, threads and metrics', () => {
    const lines = [
      // v1.1, as in most collected firestorm dumps (ids as strings, dates in Twitter's own format)
      { id: 1850000000000000001, id_str: '1850000000000000001', created_at: 'Wed Oct 10 20:19:24 +0000 2018', full_text: '@aerolux_hilft Flug gestrichen, keine Info! #aeroluxfail', user: { id_str: '77', screen_name: 'kerstin', name: 'Kerstin' }, retweet_count: 4, favorite_count: 9, lang: 'de' },
      { id_str: '1850000000000000002', created_at: 'Wed Oct 10 20:25:00 +0000 2018', text: '@kerstin Das tut uns leid.', user: { id_str: '5', screen_name: 'aerolux_hilft' }, in_reply_to_status_id_str: '1850000000000000001' },
      // v2, with the author's username flattened in and a conversation id
      { id: '1850000000000000003', created_at: '2018-10-10T20:30:00.000Z', text: 'Still no refund from Aerolux. Unacceptable.', author_id: '88', username: 'sam', conversation_id: '1850000000000000001', referenced_tweets: [{ type: 'replied_to', id: '1850000000000000002' }], public_metrics: { retweet_count: 2, reply_count: 1, like_count: 5, quote_count: 1 } },
      { id_str: '9', created_at: 'yesterday-ish', text: 'broken date' },
    ];
    const input = readJsonl(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(input.errors).toEqual([{ line: 4, reason: 'tweet: created_at: unreadable date "yesterday-ish"' }]);
    const [first, reply, v2] = input.mentions;
    expect(first).toMatchObject({
      id: 'twitter:1850000000000000001', source: 'twitter', url: 'https://x.com/kerstin/status/1850000000000000001', createdAt: '2018-10-10T20:19:24.000Z',
      author: { id: '77', handle: 'kerstin', name: 'Kerstin' }, thread: { rootId: 'twitter:1850000000000000001' }, channel: 'post', langHint: 'de',
      metrics: { likes: 9, shares: 4, replies: 0 },
    });
    expect(reply).toMatchObject({ author: { handle: 'aerolux_hilft' }, thread: { rootId: 'twitter:1850000000000000001', parentId: 'twitter:1850000000000000001' }, channel: 'reply' });
    expect(v2).toMatchObject({
      id: 'twitter:1850000000000000003', author: { id: '88', handle: 'sam' }, channel: 'reply',
      thread: { rootId: 'twitter:1850000000000000001', parentId: 'twitter:1850000000000000002' }, metrics: { likes: 5, shares: 3, replies: 1 },
    });
  });

  it("reads a retweet as its retweeter's post with the original's full text, without the original's counts", () => {
    const original = { id_str: '1850000000000000001', created_at: 'Wed Oct 10 20:19:24 +0000 2018', full_text: 'Aerolux hat meinen Flug gestrichen und niemand antwortet, seit drei Tagen keine Info, keine Erstattung, nichts! #aeroluxfail', user: { id_str: '77', screen_name: 'kerstin' }, retweet_count: 950, favorite_count: 2000 };
    const lines = [
      // v1.1: text cut at 140 characters, counts are the original's
      { id_str: '1850000000000000010', created_at: 'Wed Oct 10 21:00:00 +0000 2018', text: `RT @kerstin: ${original.full_text}`.slice(0, 140), user: { id_str: '300', screen_name: 'leo' }, retweet_count: 950, favorite_count: 0, retweeted_status: original },
      // v2 retweet and a bare "RT @" line from a dump without the embedded original
      { id: '1850000000000000011', created_at: '2018-10-10T21:01:00.000Z', text: 'RT @kerstin: Aerolux hat meinen Flug gestrichen', author_id: '301', referenced_tweets: [{ type: 'retweeted', id: '1850000000000000001' }], public_metrics: { retweet_count: 950, reply_count: 0, like_count: 0, quote_count: 3 } },
      { id_str: '1850000000000000012', created_at: 'Wed Oct 10 21:02:00 +0000 2018', text: 'RT @kerstin: Aerolux hat meinen Flug gestrichen', user: { id_str: '302' }, retweet_count: 950 },
    ];
    const input = readJsonl(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(input.errors).toEqual([]);
    const [v1, v2, bare] = input.mentions;
    expect(v1).toMatchObject({ id: 'twitter:1850000000000000010', author: { id: '300', handle: 'leo' }, text: `RT @kerstin: ${original.full_text}`, thread: { rootId: 'twitter:1850000000000000010' }, channel: 'post' });
    for (const m of [v1, v2, bare]) expect(m?.metrics).toEqual({ likes: 0, shares: 0, replies: 0 });
    expect(v2?.text).toBe('RT @kerstin: Aerolux hat meinen Flug gestrichen');
  });

  it('reads a v1.1 numeric id beyond 2^53 exactly as the line writes it, where JSON.parse would round it', () => {
    const input = readJsonl('{"id": 1850000000000000001, "created_at": "2018-10-10T20:30:00Z", "text": "Kein Netz seit heute früh"}');
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.id)).toEqual([expect.stringMatching(/:1850000000000000001$/)]);
  });

  it('reads a row whose link is its own X status as an X post (QA7: snscrape and export rows were json/csv, outside the twitter SLA)', () => {
    const input = readCsv('id,text,author,date,url\n41,Paket weg,kim,2026-06-10 08:00,https://twitter.com/kim/status/41\n42,Paket weg,lea,2026-06-10 08:01,https://twitter.com/kim/status/41\n');
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:41', 'csv:42']);
  });

  it('reads csv exports with other common header names, epoch timestamps and app links', () => {
    const input = readCsv('status_id,content,username,timestamp,link\n11,Hotline seit Stunden besetzt,kerstin,1539202764,/kerstin/status/11\n12,Still waiting,sam,1539202800000,https://x.com/sam/status/12\n');
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.id, m.author.id, m.createdAt, m.url])).toEqual([
      ['csv:11', 'kerstin', '2018-10-10T20:19:24.000Z', undefined],
      ['twitter:12', 'sam', '2018-10-10T20:20:00.000Z', 'https://x.com/sam/status/12'],
    ]);
  });
});

describe('replay files streamed (jsonl, csv) instead of held in memory', () => {
  const write = replayFileWriter('kr-stream-');
  const all = allMentions;
  const line = (id: string, at: string, text = 'Zug fällt aus') =>
    JSON.stringify({ id: `demo:${id}`, source: 'demo', author: { id: 'u' }, text, createdAt: at, thread: { rootId: `demo:${id}` }, channel: 'post' });
  const fallbackTime = new Date('2026-01-01T00:00:00Z');

  it('jsonl in time order: read twice, never whole; same mentions, errors and end of data as the whole-file reader', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => line(String(i), new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), `Paket ${i} kommt nicht — Grüße`));
    rows.splice(10, 0, '{not json', '', '   ');
    rows.splice(2000, 0, JSON.stringify({ id: 'demo:x', surprise: true }));
    // CRLF line ends and a long line spanning the 1 MiB read chunks.
    const file = write('ordered.jsonl', rows.join('\r\n') + '\r\n' + line('long', '2026-03-01T00:00:00Z', 'ä'.repeat(40_000)) + '\n');
    const source = await openReplayFile(file, 'jsonl');
    const whole = readReplayFile(file, 'jsonl');
    expect(source.mode).toBe('streamed');
    expect(source.count).toBe(3001);
    expect(source.errors).toEqual(whole.errors);
    expect(source.errors.map((e) => e.line)).toEqual([11, 2001]);
    expect(source.lastCreatedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(await all(source)).toEqual(whole.mentions);
    // Each call reads the file anew.
    expect((await all(source)).length).toBe(3001);
  });

  it('jsonl out of order: fed in event-time order (stable for equal times) through an offset index', async () => {
    const file = write(
      'shuffled.jsonl',
      [line('3', '2026-01-03T10:00:00Z'), line('1', '2026-01-01T10:00:00+01:00', 'Grüße aus Köln 🚆'), 'kaputt', line('2a', '2026-01-02T10:00:00Z'), line('2b', '2026-01-02T10:00:00Z'), line('0', '2025-12-31T23:00:00Z')].join('\n'),
    );
    const source = await openReplayFile(file, 'jsonl');
    expect(source.mode).toBe('indexed');
    const mentions = await all(source);
    expect(mentions.map((m) => m.id)).toEqual(['demo:0', 'demo:1', 'demo:2a', 'demo:2b', 'demo:3']);
    expect(mentions).toEqual(readReplayFile(file, 'jsonl').mentions);
    expect(mentions[1]?.text).toBe('Grüße aus Köln 🚆');
    expect(source.lastCreatedAt).toBe('2026-01-03T10:00:00.000Z');
    expect(source.errors).toEqual([{ line: 3, reason: expect.stringMatching(/malformed JSON/) }]);
  });

  it('csv: streamed when in order (quoted line breaks, ids and times from the row number), else read whole', async () => {
    const ordered = write('ordered.csv', '\ufefftweet_id,tweet,date\n42,"Paket kommt nicht,\nseit 3 Tagen",2026-03-01T10:00:00Z\n,no id here,2026-03-01T11:00:00Z\n7,,2026-03-01T12:00:00Z\n\n8,später,2026-03-01T13:00:00Z\n');
    const source = await openReplayFile(ordered, 'csv', { fallbackTime });
    expect(source.mode).toBe('streamed');
    const whole = readCsv(readUtf8(ordered), { fallbackTime });
    expect(await all(source)).toEqual(whole.mentions);
    expect(source.errors).toEqual(whole.errors);
    expect(source.errors).toEqual([{ line: 5, reason: 'empty text' }]);

    const shuffled = write('shuffled.csv', 'id,text,created_at\n1,spät,2026-03-02T10:00:00Z\n2,früh,2026-03-01T10:00:00Z\n');
    const out = await openReplayFile(shuffled, 'csv');
    expect(out.mode).toBe('in-memory');
    expect((await all(out)).map((m) => m.id)).toEqual(['csv:2', 'csv:1']);
    await expect(openReplayFile(write('notext.csv', 'a,b\n1,2\n'), 'csv')).rejects.toThrow(/no text column: expected one of text, tweet/);
  });

  it('the real complaints corpus and the twcs sample come out as the whole-file readers give them', async () => {
    const complaints = path.join(shared, 'complaints-en/complaints.csv');
    const streamed = await openReplayFile(complaints, 'csv', { fallbackTime });
    expect(streamed.mode).toBe('streamed'); // no dates: one second apart in file order
    expect(await all(streamed)).toEqual(readReplayFile(complaints, 'csv', { fallbackTime }).mentions);
    const twcs = path.join(shared, 'twcs/sample.csv');
    const source = await openReplayFile(twcs, 'twcs');
    expect(source.mode).toBe('in-memory');
    expect(source.brands).toEqual(readReplayFile(twcs, 'twcs').brands);
    expect(await all(source)).toEqual(readReplayFile(twcs, 'twcs').mentions);
  });

  it('names the byte where a streamed file stops being UTF-8, like the whole-file reader; in jsonl it costs only its line', async () => {
    const bad = Buffer.concat([Buffer.from('text\nZug f'), Buffer.from([0xe4]), Buffer.from('llt aus\n')]);
    await expect(openReplayFile(write('latin1.csv', bad), 'csv')).rejects.toThrow(/invalid UTF-8 near byte 10/);
    const jsonl = Buffer.concat([Buffer.from(line('1', '2026-01-01T00:00:00Z') + '\n{"text":"f'), Buffer.from([0xe4]), Buffer.from('"}\n')]);
    const at = Buffer.byteLength(line('1', '2026-01-01T00:00:00Z')) + 1 + 10;
    const source = await openReplayFile(write('latin1.jsonl', jsonl), 'jsonl');
    expect(source.errors).toEqual([{ line: 2, reason: `invalid UTF-8 near byte ${at}` }]);
    expect(source.count).toBe(1);
  });

  it('emitPaced feeds a stream in batches', async () => {
    const file = write('batches.jsonl', Array.from({ length: 7 }, (_, i) => line(String(i), `2026-01-01T00:00:0${i}Z`)).join('\n'));
    const batches: number[] = [];
    await emitPaced((await openReplayFile(file, 'jsonl')).mentions(), async (b) => void batches.push(b.length), new AbortController().signal, 0, 3, () => undefined);
    expect(batches).toEqual([3, 3, 1]);
  });

  it('stops reading when the source is stopped mid-file, closing the file', async () => {
    const file = write('stop.csv', 'id,text\n' + Array.from({ length: 5000 }, (_, i) => `${i},Paket ${i} fehlt`).join('\n'));
    const controller = new AbortController();
    const batches: number[] = [];
    const emit = async (b: Mention[]) => {
      batches.push(b.length);
      if (batches.length === 2) controller.abort();
    };
    await emitPaced((await openReplayFile(file, 'csv', { fallbackTime })).mentions(), emit, controller.signal, 0, 100, () => undefined);
    expect(batches).toEqual([100, 100]);
  });
});
