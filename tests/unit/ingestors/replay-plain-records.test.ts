/**
 * Plain JSON records that borrow tweet field names (`text`, `created_at`, `in_reply_to_status_id`) but are no API
 * tweets: read by the record reader with their author and reply parent (QA round 4: a plain `{id, author, text,
 * created_at, in_reply_to}` export was read as tweets, every post by "unknown" and no reply linked). Real v1.1 and
 * v2 tweets still read as tweets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { runReplay } from '../../../src/commands/replay.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-plain-records-');
const lines = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

describe('plain JSON records with `text` and `created_at`', () => {
  it('keep a string `author` and an `in_reply_to` parent, read alike streamed and whole', async () => {
    const file = write('plain.jsonl', lines([
      { id: '1700000000000000001', author: 'chris_ldn', text: 'Maus in der Filiale von Kornblum, ekelhaft!', created_at: '2025-09-13T09:40:00.000Z', in_reply_to: null },
      { id: '1700000000000000002', author: 'baeckerei_kornblum', text: '@chris_ldn Das prüfen wir sofort.', created_at: '2025-09-13T09:45:00.000Z', in_reply_to: '1700000000000000001' },
    ]));
    const source = await openReplayFile(file, 'jsonl');
    expect(source.errors).toEqual([]);
    const mentions = await allMentions(source);
    expect(mentions.map((m) => [m.id, m.author.id, m.thread.parentId, m.channel])).toEqual([
      ['json:1700000000000000001', 'chris_ldn', undefined, 'post'],
      ['json:1700000000000000002', 'baeckerei_kornblum', 'json:1700000000000000001', 'reply'],
    ]);
    expect(readJsonl(readFileSync(file, 'utf8')).mentions).toEqual(mentions);
  });

  it('take an `author` object by username, screen_name, name or id, and every usual reply field', () => {
    const at = (minute: number) => `2025-09-13T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const input = readJsonl(lines([
      { id: 'p1', text: 'Schimmel im Brot', created_at: at(0), author: { username: 'anna_b', name: 'Anna B.' } },
      { id: 'p2', text: 'Bei mir auch', created_at: at(1), author: { screen_name: 'ben_k' }, in_reply_to_id: 'p1' },
      { id: 'p3', text: 'Ekelhaft', created_at: at(2), author: { name: 'Cem Yilmaz' }, in_reply_to_status_id: 'p1' },
      { id: 'p4', text: 'Unglaublich', created_at: at(3), author: { id: 'u-44' }, in_reply_to_status_id_str: 'p2' },
      { id: 'p5', text: 'Sowas geht gar nicht', created_at: at(4), author: 'dora', reply_to: 'p3' },
      { id: 'p6', text: 'Nie wieder Kornblum', created_at: at(5), author: 'emil', parent_id: 'p4' },
    ]));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.author.id, m.author.handle, m.author.name, m.thread.parentId])).toEqual([
      ['anna_b', 'anna_b', 'Anna B.', undefined],
      ['ben_k', 'ben_k', undefined, 'json:p1'],
      ['Cem Yilmaz', undefined, 'Cem Yilmaz', 'json:p1'],
      ['u-44', undefined, undefined, 'json:p2'],
      ['dora', 'dora', undefined, 'json:p3'],
      ['emil', 'emil', undefined, 'json:p4'],
    ]);
  });

  it('read a lone author string as a handle or a display name, never an id as either', () => {
    const at = (minute: number) => `2025-09-13T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const input = readJsonl(lines([
      { id: 'a1', text: 'Paket seit 10 Tagen nicht da', created_at: at(0), author: 'kathi_l' },
      { id: 'a2', text: 'Paket seit 10 Tagen nicht da', created_at: at(1), author: '@ron.k' },
      { id: 'a3', text: 'Paket seit 10 Tagen nicht da', created_at: at(2), author: 'Kathi Lehmann' },
      { id: 'a4', text: 'Paket seit 10 Tagen nicht da', created_at: at(3), author: '1234567' },
      { id: 'a5', text: 'Paket seit 10 Tagen nicht da', created_at: at(4), author: '9f86d081884c7d659a2feaa0c55ad015' },
      { id: 'a6', text: 'Paket seit 10 Tagen nicht da', created_at: at(5), author_id: 'user_77' },
    ]));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.author.id, m.author.handle, m.author.name])).toEqual([
      ['kathi_l', 'kathi_l', undefined],
      ['@ron.k', 'ron.k', undefined],
      ['Kathi Lehmann', undefined, 'Kathi Lehmann'],
      ['1234567', undefined, undefined],
      ['9f86d081884c7d659a2feaa0c55ad015', undefined, undefined],
      ['user_77', undefined, undefined],
    ]);
  });

  it("place a brand's @handle reply under the post of a customer named by a lone author string (QA round 6)", async () => {
    const file = write('string-authors.jsonl', lines([
      { id: 'px1', author: 'kathi_l', text: '@pixelkiste_de Bestellung 4711 ist seit 10 Tagen nicht da. Echt ärgerlich!', created_at: '2026-03-09T08:10:00Z' },
      { id: 'px2', author: 'pixelkiste_de', text: '@kathi_l Hallo Kathi, dein Paket liegt seit gestern bei deinem Nachbarn in Nr. 12.', created_at: '2026-03-09T08:40:00Z' },
      { id: 'px3', author: 'gerd_l', text: '@pixelkiste_de Meine Bestellung 4800 ist seit 10 Tagen nicht da. Echt ärgerlich!', created_at: '2026-03-09T09:10:00Z' },
    ]));
    const out = `${file}.alerts.jsonl`;
    await runReplay({ file, brands: ['Pixelkiste'], clock: 'event', alertsOut: out, progress: () => undefined });
    const alerts = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; title: string });
    expect(alerts.filter((a) => a.kind === 'unanswered').map((a) => a.title)).toEqual([expect.stringContaining('@gerd_l')]);
  });

  it('say so when they name no author, each post counting as its own instead of one "unknown"', async () => {
    const file = write('no-author.jsonl', lines([
      { id: '1', text: 'Maus in der Auslage!', created_at: '2025-09-13T09:40:00.000Z' },
      { id: '2', text: 'Maus in der Auslage, echt jetzt?', created_at: '2025-09-13T09:41:00.000Z' },
    ]));
    const mentions = await allMentions(await openReplayFile(file, 'jsonl'));
    expect(mentions.map((m) => m.author.id)).toEqual(['anonymous:1', 'anonymous:2']);
    const progress: string[] = [];
    await runReplay({ file, discoverBrands: false, progress: (l) => progress.push(l) });
    expect(progress).toContain('replay: 2 of 2 posts name no author: each counts as its own author, so one loud author cannot be told from many');
  });
});

describe('real X API tweets still read as tweets', () => {
  it('a v1.1 status: twitter id, user, reply parent, counts', () => {
    const status = {
      created_at: 'Sat Sep 13 09:40:00 +0000 2025',
      id_str: '1700000000000000002',
      full_text: '@chris_ldn Bei uns auch, @baeckerei_kornblum was ist da los?',
      in_reply_to_status_id_str: '1700000000000000001',
      user: { id_str: '42', screen_name: 'anna_b', name: 'Anna B.' },
      retweet_count: 3,
      favorite_count: 7,
      // The collecting account's own view: it retweeted this tweet, which makes it no retweet.
      retweeted: true,
      lang: 'de',
    };
    // v1.1 writes the ids as JSON numbers too, beyond 2^53: as the API sends them, not through a JS number.
    const line = JSON.stringify(status).replace('{', '{"id":1700000000000000002,"in_reply_to_status_id":1700000000000000001,');
    const input = readJsonl(line);
    expect(input.errors).toEqual([]);
    expect(input.mentions).toEqual([
      expect.objectContaining({
        id: 'twitter:1700000000000000002',
        source: 'twitter',
        url: 'https://x.com/anna_b/status/1700000000000000002',
        author: { id: '42', handle: 'anna_b', name: 'Anna B.', isBrand: false },
        text: status.full_text,
        thread: { rootId: 'twitter:1700000000000000001', parentId: 'twitter:1700000000000000001' },
        metrics: { likes: 7, shares: 3, replies: 0 },
        channel: 'reply',
      }),
    ]);
  });

  it('a v2 tweet (twarc2 flatten): twitter id, author object, conversation and reply parent', () => {
    const tweet = {
      id: '1700000000000000003',
      text: '@anna_b Same here, Kornblum is disgusting',
      created_at: '2025-09-13T09:42:00.000Z',
      author_id: '77',
      author: { id: '77', username: 'ben_k', name: 'Ben' },
      conversation_id: '1700000000000000001',
      referenced_tweets: [{ type: 'replied_to', id: '1700000000000000002' }],
      public_metrics: { retweet_count: 1, reply_count: 0, like_count: 4, quote_count: 0 },
      edit_history_tweet_ids: ['1700000000000000003'],
    };
    const input = readJsonl(JSON.stringify(tweet));
    expect(input.errors).toEqual([]);
    expect(input.mentions[0]).toMatchObject({
      id: 'twitter:1700000000000000003',
      author: { id: '77', handle: 'ben_k', name: 'Ben' },
      thread: { rootId: 'twitter:1700000000000000001', parentId: 'twitter:1700000000000000002' },
      metrics: { likes: 4, shares: 1 },
      channel: 'reply',
    });
  });

  it('a tweet that names no author counts as its own, not as "unknown"', () => {
    const input = readJsonl(lines([
      { id: 't1', text: 'Kornblum, ernsthaft?', created_at: '2025-09-13T09:40:00.000Z', conversation_id: 't1' },
      { id: 't2', text: 'Kornblum, echt jetzt?', created_at: '2025-09-13T09:41:00.000Z', conversation_id: 't2' },
    ]));
    expect(input.mentions.map((m) => [m.id, m.author.id])).toEqual([
      ['twitter:t1', 'anonymous:t1'],
      ['twitter:t2', 'anonymous:t2'],
    ]);
  });
});
