import { describe, expect, it } from 'vitest';
import { brandAccounts, StreamMessage, TWEET_QUERY, tweetToCandidate, usableTweets, usableUsers } from '../../../ingestors/twitter-map.ts';

const original =
  '@DB_Bahn Seit 3 Stunden in Fulda gestrandet, ICE 574 gestrichen, keine Durchsage, kein Ersatzzug, die Hotline legt auf. ' +
  'Wer zahlt mir jetzt das Hotel und den verpassten Termin morgen früh? #dbfail';
/** A filtered-stream message for a retweet, as X v2 sends it: `text` cut to 140 characters with "…", the original expanded. */
const message = {
  data: {
    id: '1850000000000000010', author_id: '300', created_at: '2026-10-04T09:20:00.000Z', conversation_id: '1850000000000000010',
    text: `RT @kerstin_k: ${original}`.slice(0, 139) + '…',
    referenced_tweets: [{ type: 'retweeted', id: '1850000000000000001' }],
    edit_history_tweet_ids: ['1850000000000000010'],
  },
  includes: {
    users: [{ id: '300', username: 'leo' }, { id: '77', username: 'kerstin_k' }],
    tweets: [{ id: '1850000000000000001', author_id: '77', text: original, edit_history_tweet_ids: ['1850000000000000001'] }, { id: null, text: 42 }],
  },
  matching_rules: [{ id: '1', tag: 'kundenradar:bahn' }],
};

function mapped(payload: unknown) {
  const parsed = StreamMessage.parse(payload);
  return tweetToCandidate(parsed.data, { users: usableUsers(parsed.includes).valid, tweets: usableTweets(parsed.includes) }, brandAccounts([])).mention;
}

describe('the live X source keeps a retweet’s whole text', () => {
  it("takes the original's full text from includes.tweets (X cuts it in the retweet's own text), under the original author's handle", () => {
    expect(mapped(message)).toMatchObject({ id: 'twitter:1850000000000000010', author: { id: '300', handle: 'leo' }, text: `RT @kerstin_k: ${original}` });
  });

  it('asks X to expand the original’s author, and keeps the cut text when the original was not expanded', () => {
    expect(TWEET_QUERY.expansions.split(',')).toContain('referenced_tweets.id.author_id');
    expect(mapped({ ...message, includes: { users: message.includes.users } }).text).toBe(message.data.text);
  });

  it('names an edited tweet by its first id, so the edit updates the post the stream delivered before', () => {
    const first = mapped({ data: { id: '1850000000000000020', author_id: '77', text: 'Zug fällt aus', edit_history_tweet_ids: ['1850000000000000020'] } });
    const edit = mapped({ data: { id: '1850000000000000021', author_id: '77', text: 'Zug fällt aus, Ersatzbus ab Gleis 3', edit_history_tweet_ids: ['1850000000000000020', '1850000000000000021'] } });
    expect(edit.id).toBe(first.id);
    expect(edit.text).toBe('Zug fällt aus, Ersatzbus ab Gleis 3');
  });
});
