import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../../ingestors/replay-formats.ts';
import { brandAccounts, tweetToCandidate, type TweetV2 } from '../../../ingestors/twitter-map.ts';

const lines = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n');

// A customer's complaint and the brand's answer, as the live stream delivered them (v2, numeric snowflakes).
const question: TweetV2 = {
  id: '1850000000000000001', text: '@DB_Bahn ICE 574 fällt aus, wann fährt der nächste?', author_id: '77',
  created_at: '2026-10-04T09:00:00.000Z', conversation_id: '1850000000000000001',
};
const answer: TweetV2 = {
  id: '1850000000000000002', text: '@kerstin_k Der nächste fährt um 10:12.', author_id: '5', created_at: '2026-10-04T09:05:00.000Z',
  conversation_id: '1850000000000000001', in_reply_to_user_id: '77', referenced_tweets: [{ type: 'replied_to', id: '1850000000000000001' }],
};

describe('a replayed tweet is the post the live X source made of it', () => {
  it('gets the live id, source and thread ids (twitter:<id>), so a replay after a live run updates the same posts', () => {
    const live = [question, answer].map((t) => tweetToCandidate(t, { users: [], tweets: [] }, brandAccounts([])).mention);
    const replayed = readJsonl(lines([question, answer]));
    expect(replayed.errors).toEqual([]);
    expect(replayed.mentions.map((m) => [m.id, m.source, m.thread])).toEqual(live.map((m) => [m.id, m.source, m.thread]));
    expect(replayed.mentions[1]).toMatchObject({ id: 'twitter:1850000000000000002', thread: { rootId: 'twitter:1850000000000000001', parentId: 'twitter:1850000000000000001' } });
  });

  it('maps a v1.1 reply (in_reply_to_status_id_str) the same way', () => {
    const replayed = readJsonl(lines([{
      id_str: '1850000000000000003', full_text: '@DB_Bahn Danke, aber der fällt auch aus.', created_at: 'Sun Oct 04 09:10:00 +0000 2026',
      user: { id_str: '77', screen_name: 'kerstin_k' }, in_reply_to_status_id_str: '1850000000000000002',
    }]));
    expect(replayed.mentions[0]).toMatchObject({ id: 'twitter:1850000000000000003', source: 'twitter', thread: { parentId: 'twitter:1850000000000000002' }, channel: 'reply' });
  });

  it('names an edited tweet by the first id of its edit history, as the live source does, so an edit is the same post', () => {
    const edited = { ...question, id: '1850000000000000009', text: '@DB_Bahn ICE 574 fällt aus, wann fährt der nächste nach Köln?', edit_history_tweet_ids: ['1850000000000000001', '1850000000000000009'] };
    const live = tweetToCandidate(edited, { users: [], tweets: [] }, brandAccounts([])).mention;
    const replayed = readJsonl(lines([edited])).mentions[0];
    expect(live.id).toBe('twitter:1850000000000000001');
    expect(replayed?.id).toBe('twitter:1850000000000000001');
    expect(replayed?.text).toContain('nach Köln');
  });
});
