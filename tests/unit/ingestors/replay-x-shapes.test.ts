import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, readReplayFile } from '../../../ingestors/replay-formats.ts';
import { guessReplayFormat } from '../../../ingestors/replay-sniff.ts';

const lines = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n');
// Research dumps pseudonymise ids with a keyed hash before they are shared (sha-256 hex, truncated or not).
const hashed = (n: number): string => `${n}f3a9c4e1b7d2086a5c3e9f1b4d7a2c8e6f0b3d5a7c9e1f2a4b6c8d0e2f4a6b8`.slice(0, 64);

describe('replay knows X tweets by their shape, whatever their ids look like', () => {
  it('reads v2 tweets with hashed ids as tweets (twitter:<id>, author and thread), not as generic records', () => {
    const input = readJsonl(lines([
      { id: hashed(1), text: 'Zug fällt schon wieder aus, danke für nichts', author_id: hashed(7), created_at: '2026-10-04T09:00:00.000Z', conversation_id: hashed(1), edit_history_tweet_ids: [hashed(1)] },
      { id: hashed(2), text: '@kunde Das tut uns leid.', author_id: hashed(8), created_at: '2026-10-04T09:05:00.000Z', conversation_id: hashed(1), referenced_tweets: [{ type: 'replied_to', id: hashed(1) }] },
    ]));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.id, m.source, m.author.id, m.thread, m.channel])).toEqual([
      [`twitter:${hashed(1)}`, 'twitter', hashed(7), { rootId: `twitter:${hashed(1)}` }, 'post'],
      [`twitter:${hashed(2)}`, 'twitter', hashed(8), { rootId: `twitter:${hashed(1)}`, parentId: `twitter:${hashed(1)}` }, 'reply'],
    ]);
  });

  it('reads a v2 page ({data, includes}) whose ids are hashed: every tweet, authors from includes.users', () => {
    const page = { data: [{ id: 'a1b2c3', text: 'Hotline seit 2 Stunden besetzt', author_id: 'u-9f8e', created_at: '2026-10-04T09:00:00.000Z' }], includes: { users: [{ id: 'u-9f8e', username: 'anna_b' }] }, meta: { result_count: 1 } };
    const input = readJsonl(JSON.stringify(page));
    expect(input.errors).toEqual([]);
    expect(input.mentions[0]).toMatchObject({ id: 'twitter:a1b2c3', author: { id: 'u-9f8e', handle: 'anna_b' } });
  });

  it('reads a v1.1 status with a hashed id_str, and a v1.1 search response ({statuses: [...]}) one mention per status', () => {
    const status = (id: string, text: string) => ({ id_str: id, full_text: text, created_at: 'Sun Oct 04 09:00:00 +0000 2026', user: { id_str: 'u1', screen_name: 'kerstin_k' } });
    const search = { statuses: [status('deadbeef01', 'Paket seit einer Woche unterwegs'), status('deadbeef02', 'Still no refund, three weeks now')], search_metadata: { count: 2, max_id_str: 'deadbeef02' } };
    const input = readJsonl(lines([status('cafe01', 'WLAN im ICE geht nicht'), search]));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:cafe01', 'twitter:deadbeef01', 'twitter:deadbeef02']);
    expect(input.mentions[2]).toMatchObject({ author: { handle: 'kerstin_k' }, text: 'Still no refund, three weeks now' });
  });

  it('names a bad status of a search response by its place', () => {
    const search = { statuses: [{ id_str: 'ok1', full_text: 'gut', created_at: 'Sun Oct 04 09:00:00 +0000 2026', user: {} }, { id_str: 'bad2', full_text: 'kaputt', user: {} }] };
    const input = readJsonl(JSON.stringify(search));
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:ok1']);
    expect(input.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^status 2 of 2 \(id bad2\): .*created_at/) }]);
  });

  it('reads a Twitter archive tweets.js (window.YTD.tweets.part0 = [{tweet: {…}}]) told by its content, counts given as strings', async () => {
    const archive = [
      { tweet: { id_str: '1850000000000000001', id: '1850000000000000001', full_text: '@DB_Bahn Wo bleibt meine Erstattung?', created_at: 'Sun Oct 04 09:00:00 +0000 2026', favorite_count: '3', retweet_count: '1', in_reply_to_screen_name: 'DB_Bahn', lang: 'de' } },
      { tweet: { id_str: '1850000000000000002', id: '1850000000000000002', full_text: 'Refund finally arrived.', created_at: 'Mon Oct 05 09:00:00 +0000 2026', favorite_count: '0', retweet_count: '0', lang: 'en' } },
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-archive-'));
    const file = path.join(dir, 'tweets.js');
    writeFileSync(file, `window.YTD.tweets.part0 = ${JSON.stringify(archive, null, 2)}`);
    expect(await guessReplayFormat(file)).toEqual({ format: 'jsonl', by: 'content' });
    const input = readReplayFile(file, 'jsonl');
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:1850000000000000001', 'twitter:1850000000000000002']);
    expect(input.mentions[0]).toMatchObject({ text: '@DB_Bahn Wo bleibt meine Erstattung?', metrics: { likes: 3, shares: 1 }, langHint: 'de' });
  });

  it('says a v2 tweet without created_at has none, instead of calling it a record without a time field', () => {
    const input = readJsonl(JSON.stringify({ id: hashed(3), text: 'Zug fällt aus', edit_history_tweet_ids: [hashed(3)] }));
    expect(input.mentions).toEqual([]);
    expect(input.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^tweet: created_at: /) }]);
  });
});
