import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, readReplayFile } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { emitPaced } from '../../../ingestors/replay.ts';
import type { Mention } from '../../../src/model.ts';

const users = [
  { id: '77', username: 'kerstin_k', name: 'Kerstin K.' },
  { id: '88', username: 'sam_travels', name: 'Sam' },
  { id: '300', username: 'leo' },
  { id: '5', username: 'aerolux_hilft', name: 'Aerolux Service' },
];
const original = {
  id: '1850000000000000001',
  author_id: '77',
  created_at: '2026-10-04T09:00:00.000Z',
  conversation_id: '1850000000000000001',
  lang: 'de',
  text: '@aerolux_hilft Flug LX 204 gestrichen, seit 3 Stunden keine Info am Gate &amp; die Hotline legt einfach auf. Wer erstattet mir jetzt das Hotel? #aeroluxfail',
  public_metrics: { retweet_count: 950, reply_count: 41, like_count: 2000, quote_count: 12, impression_count: 88000 },
};
const retweet = {
  id: '1850000000000000010',
  author_id: '300',
  created_at: '2026-10-04T09:20:00.000Z',
  conversation_id: '1850000000000000010',
  lang: 'de',
  // v2 cuts a retweet's text; the whole original is in includes.tweets.
  text: 'RT @kerstin_k: @aerolux_hilft Flug LX 204 gestrichen, seit 3 Stunden keine Info am Gate &amp; die Hotline legt einfach auf. Wer erstattet mir…',
  referenced_tweets: [{ type: 'retweeted', id: '1850000000000000001' }],
  public_metrics: { retweet_count: 950, reply_count: 0, like_count: 0, quote_count: 0 },
};
const reply = {
  id: '1850000000000000011',
  author_id: '5',
  created_at: '2026-10-04T09:25:00.000Z',
  conversation_id: '1850000000000000001',
  in_reply_to_user_id: '77',
  lang: 'de',
  text: '@kerstin_k Das tut uns leid, bitte schreib uns deine Buchungsnummer per DM.',
  referenced_tweets: [{ type: 'replied_to', id: '1850000000000000001' }],
  public_metrics: { retweet_count: 0, reply_count: 1, like_count: 3, quote_count: 0 },
};
const quote = {
  id: '1850000000000000012',
  author_id: '88',
  created_at: '2026-10-04T09:30:00.000Z',
  conversation_id: '1850000000000000012',
  lang: 'en',
  text: 'Same here at FRA, nobody from Aerolux anywhere. https://t.co/abc123',
  referenced_tweets: [{ type: 'quoted', id: '1850000000000000001' }],
  public_metrics: { retweet_count: 4, reply_count: 2, like_count: 30, quote_count: 1 },
};
/** One twarc2 search page: newest first, as the API returns it. */
const page = (data: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    data,
    includes: { users, tweets: [original] },
    meta: { newest_id: '1850000000000000012', oldest_id: '1850000000000000010', result_count: data.length, next_token: 'b26v89c19zqg8o3f' },
    __twarc: { url: 'https://api.twitter.com/2/tweets/search/all?query=aerolux', version: '2.14.0', retrieved_at: '2026-10-05T08:00:00+00:00' },
    ...extra,
  });

describe('replay reads X API v2 response pages (twarc2) in jsonl', () => {
  it('makes one mention per tweet in data: author handles from includes.users, retweets and quotes resolved from includes.tweets', () => {
    const input = readJsonl(page([quote, reply, retweet]));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:1850000000000000010', 'twitter:1850000000000000011', 'twitter:1850000000000000012']);
    const [rt, answer, qt] = input.mentions as [Mention, Mention, Mention];
    // German: the retweet carries the original's full text (entities decoded) and none of its counts.
    expect(rt).toMatchObject({
      author: { id: '300', handle: 'leo' },
      url: 'https://x.com/leo/status/1850000000000000010',
      text: `RT @kerstin_k: ${original.text.replace('&amp;', '&')}`,
      metrics: { likes: 0, shares: 0, replies: 0 },
      channel: 'post',
      langHint: 'de',
    });
    expect(answer).toMatchObject({
      author: { id: '5', handle: 'aerolux_hilft', name: 'Aerolux Service' },
      thread: { rootId: 'twitter:1850000000000000001', parentId: 'twitter:1850000000000000001' },
      channel: 'reply',
      metrics: { likes: 3, shares: 0, replies: 1 },
    });
    // English: a quote keeps its own words and counts, followed by what it quotes.
    expect(qt.author).toMatchObject({ id: '88', handle: 'sam_travels', name: 'Sam' });
    expect(qt.text).toBe(`${quote.text}\n\nQT @kerstin_k: ${original.text.replace('&amp;', '&')}`);
    expect(qt.metrics).toEqual({ likes: 30, shares: 5, replies: 2 });
    // The included original is context, not a result of the search.
    expect(input.mentions.some((m) => m.id === 'twitter:1850000000000000001')).toBe(false);
  });

  it('quarantines only the malformed tweet of a page, naming the line and which tweet', () => {
    const broken = { ...reply, id: '1850000000000000013', created_at: 'gestern Abend' };
    const text = [page([quote]), page([retweet, broken, { text: 'no id, no date' }])].join('\n');
    const input = readJsonl(text);
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:1850000000000000010', 'twitter:1850000000000000012']);
    expect(input.errors).toEqual([
      { line: 2, reason: 'tweet 2 of 3 (id 1850000000000000013): created_at: unreadable date "gestern Abend"' },
      { line: 2, reason: expect.stringMatching(/^tweet 3 of 3: created_at: /) },
    ]);
  });

  it('reads a single-tweet lookup response and a filtered-stream message ({"data": {tweet}})', () => {
    const lookup = JSON.stringify({ data: original, includes: { users } });
    const stream = JSON.stringify({ data: quote, includes: { users, tweets: [original] }, matching_rules: [{ id: '1712', tag: 'aerolux' }] });
    const input = readJsonl([lookup, stream].join('\n'));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.id, m.author.handle])).toEqual([
      ['twitter:1850000000000000001', 'kerstin_k'],
      ['twitter:1850000000000000012', 'sam_travels'],
    ]);
    expect(input.mentions[0]!.metrics).toEqual({ likes: 2000, shares: 962, replies: 41 });
  });

  it('reads twarc2 flatten output (author and referenced tweets inline) like the page it came from', () => {
    const flat = { ...retweet, author: users[2], referenced_tweets: [{ ...original, author: users[0], type: 'retweeted', id: original.id }], __twarc: {} };
    expect(readJsonl(JSON.stringify(flat)).mentions[0]).toEqual(readJsonl(page([retweet])).mentions[0]);
  });

  it('passes an empty page silently, reports a response that holds only API errors', () => {
    const empty = JSON.stringify({ meta: { result_count: 0 }, __twarc: { version: '2.14.0' } });
    const errors = JSON.stringify({ errors: [{ title: 'operational-disconnect', detail: 'This stream has been disconnected upstream for operational reasons.' }] });
    const input = readJsonl([empty, errors].join('\n'));
    expect(input.mentions).toEqual([]);
    expect(input.errors).toEqual([{ line: 2, reason: 'API response without tweets: operational-disconnect: This stream has been disconnected upstream for operational reasons.' }]);
  });

  it('streams a page file newest first: counts and progress are per tweet, fed in time order as the whole-file reader gives them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-v2-'));
    const file = path.join(dir, 'aerolux.jsonl');
    const tweets = Array.from({ length: 250 }, (_, i) => ({
      id: String(1850000000000001000n + BigInt(i)),
      author_id: String(1000 + (i % 40)),
      created_at: new Date(Date.UTC(2026, 9, 4, 8) + i * 60_000).toISOString(),
      text: i % 2 ? `Aerolux hat meinen Koffer verloren (#${i})` : `Still stuck at the Aerolux counter, #${i}`,
    }));
    // Pages of 100, newest page first and newest tweet first within each, as search returns them.
    const newestFirst = [...tweets].reverse();
    const pages = [0, 100, 200].map((at) => JSON.stringify({ data: newestFirst.slice(at, at + 100), includes: { users: [] }, meta: {} }));
    writeFileSync(file, [pages[0], '{broken', pages[1], pages[2]].join('\n') + '\n');
    const source = await openReplayFile(file, 'jsonl');
    expect(source.mode).toBe('indexed');
    expect(source.count).toBe(250);
    expect(source.errors).toEqual([{ line: 2, reason: expect.stringMatching(/malformed JSON/) }]);
    expect(source.lastCreatedAt).toBe(tweets.at(-1)!.created_at);
    const fed: Mention[] = [];
    let progress = 0;
    await emitPaced(source.mentions(), async (batch) => void fed.push(...batch), new AbortController().signal, 0, 64, (n) => (progress += n));
    expect(progress).toBe(250);
    expect(fed.map((m) => m.id)).toEqual(tweets.map((t) => `twitter:${t.id}`));
    expect(fed).toEqual(readReplayFile(file, 'jsonl').mentions);
  });
});

describe('replay keeps a post that a dump holds twice once', () => {
  it('a tweet on two pages (overlapping searches) is fed once, in the indexed, streamed and whole-file reader alike; the later copy is reported', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-v2-dup-'));
    const tweets = Array.from({ length: 6 }, (_, i) => ({
      id: String(1850000000000002000n + BigInt(i)),
      author_id: '77',
      created_at: new Date(Date.UTC(2026, 9, 4, 8) + i * 60_000).toISOString(),
      text: `Aerolux, wo ist mein Koffer? (${i})`,
    }));
    // Two searches over overlapping hours: tweets 2 and 3 are on both pages (newest first, as search returns them).
    const first = JSON.stringify({ data: tweets.slice(2).reverse(), includes: { users }, meta: {} });
    const second = JSON.stringify({ data: tweets.slice(0, 4).reverse(), includes: { users }, meta: {} });
    const want = tweets.map((t) => `twitter:${t.id}`);
    const duplicate = (i: number) => ({ line: 2, reason: `duplicate of twitter:${tweets[i]!.id} on line 1, which is kept` });
    for (const [name, lines, mode] of [
      ['newest-first.jsonl', [first, second], 'indexed'],
      ['oldest-first.jsonl', [JSON.stringify({ data: tweets.slice(0, 4), meta: {} }), JSON.stringify({ data: tweets.slice(2), meta: {} })], 'streamed'],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, lines.join('\n') + '\n');
      const source = await openReplayFile(file, 'jsonl');
      expect(source.mode).toBe(mode);
      expect(source.count).toBe(6);
      const fed: Mention[] = [];
      for await (const m of source.mentions()) fed.push(m);
      expect(fed.map((m) => m.id)).toEqual(want);
      const whole = readReplayFile(file, 'jsonl');
      expect(whole.mentions).toEqual(fed);
      expect(whole.errors).toEqual(source.errors);
      // The later copies, in file order: page 2 holds them newest first when the file is.
      expect(source.errors).toEqual(mode === 'indexed' ? [duplicate(3), duplicate(2)] : [duplicate(2), duplicate(3)]);
    }
  });
});
