import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../ingestors/replay-graph-comments.ts';
import { parseGraphPermalink } from '../../../ingestors/replay-graph-permalinks.ts';
import { readReplayFile } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import type { Mention } from '../../../src/model.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-fb-permalinks-');
const lines = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const place = (m: Mention | undefined) => [m?.id, m?.source, m?.channel, m?.thread.rootId];

// A page post and comments on it as the Graph API writes them: the comment's id is "POST_COMMENT" and its permalink
// names the page by name, so the page's number is only in the page post (QA firestorm round 11, Velura).
const PAGE_POST = {
  id: '104500000000001_7000000000095072',
  message: 'Cyber Monday 💻 Letzte Chance: 25 % auf Strick und Mäntel, nur heute bis Mitternacht!',
  created_time: '2026-11-30T08:00:00+0000',
  from: { name: 'Velura', id: '104500000000001' },
  permalink_url: 'https://www.facebook.com/Velura/posts/7000000000095072',
};
const comment = (n: number, message: string, from: { name: string; id?: string } = { name: 'Sabine Krüger', id: `55500${n}` }, link = `https://www.facebook.com/Velura/posts/7000000000095072?comment_id=99000000000${n}`) => ({
  id: `7000000000095072_99000000000${n}`,
  message,
  created_time: `2026-11-30T09:0${n}:00+0000`,
  from,
  permalink_url: link,
});
const ROOT = 'facebook:104500000000001_7000000000095072';

describe('Facebook comments whose permalink names the page by name (QA firestorm round 11, defect 7)', () => {
  it('are page comments under their page post, wherever the post stands in the file, streamed or read whole', async () => {
    const records = [
      comment(1, 'Seit 20 Minuten hängt der Checkout, Velura, ernsthaft?'),
      PAGE_POST,
      comment(2, 'Das tut uns leid! Schreib uns bitte eine PN mit deiner Bestellnummer.', { name: 'Velura', id: '104500000000001' }),
      comment(3, 'Still waiting for my refund, two weeks now.', { name: 'Tom Baker' }),
    ];
    const file = write('name-permalink.jsonl', lines(records));
    for (const mentions of [await allMentions(await openReplayFile(file, 'jsonl')), readReplayFile(file, 'jsonl').mentions]) {
      expect(mentions.map(place)).toEqual([
        [ROOT, 'facebook', 'post', ROOT],
        ['facebook:7000000000095072_990000000001', 'facebook', 'page_comment', ROOT],
        ['facebook:7000000000095072_990000000002', 'facebook', 'page_comment', ROOT],
        ['facebook:7000000000095072_990000000003', 'facebook', 'page_comment', ROOT],
      ]);
      expect(mentions.map((m) => m.author.isBrand === true)).toEqual([true, false, true, false]);
      expect(mentions.map(pageOf)).toEqual(Array(4).fill('104500000000001'));
      expect(mentions[1]?.url).toBe('https://www.facebook.com/Velura/posts/7000000000095072?comment_id=990000000001');
    }
  });

  it('find their page by its name when their own post is not in the file, and keep the post as their thread when nothing names the page', async () => {
    const otherPost = { ...comment(1, 'Wo bleibt meine Lieferung?'), id: '7000000000011111_990000000009', permalink_url: 'https://www.facebook.com/velura/posts/7000000000011111?comment_id=990000000009' };
    const elsewhere = { ...comment(2, 'Kundenservice antwortet nicht'), id: '8000000000022222_990000000010', permalink_url: 'https://m.facebook.com/Nordhain/posts/8000000000022222?comment_id=990000000010' };
    const mentions = readReplayFile(write('name-only.jsonl', lines([PAGE_POST, otherPost, elsewhere])), 'jsonl').mentions;
    expect(mentions.slice(1).map(place)).toEqual([
      ['facebook:7000000000011111_990000000009', 'facebook', 'page_comment', 'facebook:104500000000001_7000000000011111'],
      ['facebook:8000000000022222_990000000010', 'facebook', 'page_comment', 'facebook:8000000000022222'],
    ]);
    expect(mentions.slice(1).map(pageOf)).toEqual(['104500000000001', undefined]);
  });
});

describe('Facebook comment permalinks of every form Graph writes', () => {
  it('a numeric page in the permalink places the comment without its page post, with or without `from.id`', async () => {
    const numeric = { ...comment(4, 'Unverschämt, seit drei Wochen keine Antwort!'), from: { name: 'Max Muster' }, permalink_url: 'https://www.facebook.com/104500000000001/posts/7000000000095072/?comment_id=990000000004' };
    const [m] = await allMentions(await openReplayFile(write('numeric.jsonl', lines([numeric])), 'jsonl'));
    expect(place(m)).toEqual(['facebook:7000000000095072_990000000004', 'facebook', 'page_comment', ROOT]);
    expect(m && pageOf(m)).toBe('104500000000001');
  });

  it('permalink.php?story_fbid=…&id=…, story.php on m.facebook.com and a pfbid link without its scheme', async () => {
    const forms = [
      { ...comment(5, 'Paket kam beschädigt an'), id: '990000000005', permalink_url: 'https://www.facebook.com/permalink.php?story_fbid=7000000000095072&id=104500000000001&comment_id=990000000005' },
      { ...comment(6, 'Gutschein geht nicht'), id: '990000000006', permalink_url: 'https://m.facebook.com/story.php?story_fbid=7000000000095072&id=104500000000001&comment_id=990000000006' },
      { ...comment(7, 'Wann kommt die Erstattung?'), permalink_url: 'www.facebook.com/Velura/posts/pfbid02abcDEFghi7Jk?comment_id=990000000007' },
    ];
    const mentions = await allMentions(await openReplayFile(write('forms.jsonl', lines([PAGE_POST, ...forms])), 'jsonl'));
    expect(mentions.slice(1).map((m) => [m.source, m.channel, m.thread.rootId])).toEqual(Array(3).fill(['facebook', 'page_comment', ROOT]));
    expect(parseGraphPermalink('https://web.facebook.com/Velura.Mode/posts/pfbid0XyZ?comment_id=12&reply_comment_id=13')).toEqual({ page: 'Velura.Mode', post: 'pfbid0XyZ', commentId: '12' });
    expect(parseGraphPermalink('https://x.com/Velura/posts/1?comment_id=2')).toBeUndefined();
  });

  it('a mixed file: X v2 tweets, the page post and its comments each read by their own shape', async () => {
    const tweet = (id: string, text: string, extra: object = {}) => ({
      id, text, created_at: '2026-11-30T08:30:00.000Z', author_id: '4000000001', conversation_id: id, edit_history_tweet_ids: [id],
      public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0 }, author: { id: '4000000001', username: 'steffi_koch', name: 'Steffi Koch' }, ...extra,
    });
    const records = [
      tweet('1880000000000000001', '@Velura_Service mein Code BLACK30 geht nicht'),
      PAGE_POST,
      comment(1, 'Checkout kaputt, schon wieder'),
      tweet('1880000000000000002', '@steffi_koch Danke, der Code geht wieder!', { author_id: '4000004177', conversation_id: '1880000000000000001', referenced_tweets: [{ type: 'replied_to', id: '1880000000000000001' }], author: { id: '4000004177', username: 'Velura_Service', name: 'Velura Service' } }),
      comment(2, 'Antwortet hier auch mal wer?'),
    ];
    const source = await openReplayFile(write('mixed.jsonl', lines(records)), 'jsonl');
    expect(source.errors).toEqual([]);
    const counts: Record<string, number> = {};
    for (const m of await allMentions(source)) counts[`${m.source} ${m.channel}`] = (counts[`${m.source} ${m.channel}`] ?? 0) + 1;
    expect(counts).toEqual({ 'twitter post': 1, 'twitter reply': 1, 'facebook post': 1, 'facebook page_comment': 2 });
  });

  it('a comment permalink that names no post, on a comment whose id names none either, is skipped with the reason', async () => {
    const malformed = { ...comment(8, 'Wo ist mein Paket?'), id: '990000000008', permalink_url: 'https://www.facebook.com/Velura/?comment_id=990000000008' };
    const source = await openReplayFile(write('malformed.jsonl', lines([PAGE_POST, malformed, comment(9, 'Gleiches Problem')])), 'jsonl');
    expect(source.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^Facebook comment 990000000008 cannot be placed under its page post: its permalink .* names no post/) }]);
    expect((await allMentions(source)).map((m) => m.thread.rootId)).toEqual([ROOT, ROOT]);
  });
});
