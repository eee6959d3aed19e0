/**
 * Reshares that a file marks only by a field (a research CSV's `is_retweet`, Brandwatch's `Thread Entry Type`, a JSON
 * record's `retweeted`) become "RT @original: …" posts, or "RT: …" when the original's author is not named, as the
 * detectors know reshares (QA round 4: 717 people who merely retweeted got unanswered alerts, and a storm's evidence
 * counted 0 reshares).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cascadeOf } from '../../../classifiers/shitstorm-window.ts';
import { readCsv, readJsonl } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { runReplay } from '../../../src/commands/replay.ts';
import { Alert } from '../../../src/model.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-reshares-');
const WHEELCHAIR = 'They broke my wheelchair. @Skyvale ground staff snapped the frame. #SkyvaleWheelchair';

describe('reshares marked by a flag column', () => {
  it('a research CSV: is_retweet True/1/yes reshares, False/0 does not; the original author from retweeted_user', () => {
    const input = readCsv(
      [
        'tweet_id,created_at,username,text,is_retweet,retweeted_user',
        `1,2025-05-12T06:17:00Z,chloe,"${WHEELCHAIR}",False,`,
        `2,2025-05-12T06:20:00Z,zoe,"${WHEELCHAIR}",True,@chloe`,
        `3,2025-05-12T06:21:00Z,josh,"${WHEELCHAIR}",1,chloe`,
        `4,2025-05-12T06:22:00Z,amy,"${WHEELCHAIR}",yes,`,
        `5,2025-05-12T06:23:00Z,sam,"@SkyvaleHelp is this true?",0,`,
      ].join('\n'),
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.author.id, m.text])).toEqual([
      ['chloe', WHEELCHAIR],
      ['zoe', `RT @chloe: ${WHEELCHAIR}`],
      ['josh', `RT @chloe: ${WHEELCHAIR}`],
      // No original author in the row: still a reshare, without a handle.
      ['amy', `RT: ${WHEELCHAIR}`],
      ['sam', '@SkyvaleHelp is this true?'],
    ]);
  });

  it('without an author column for the original (the QA file): every flagged row reads "RT: …", one cascade per text', async () => {
    const file = write('flag-only.csv', [
      'tweet_id,created_at,username,text,is_retweet,in_reply_to_id',
      `11,2025-05-12T06:17:12Z,chloe,"${WHEELCHAIR}",True,`,
      `12,2025-05-12T06:24:31Z,zoe,"${WHEELCHAIR}",True,`,
      '13,2025-05-12T06:30:00Z,hannah,@SkyvaleHelp can I bring a guitar as cabin baggage?,False,',
    ].join('\n'));
    const mentions = await allMentions(await openReplayFile(file, 'csv'));
    expect(mentions.map((m) => m.text)).toEqual([`RT: ${WHEELCHAIR}`, `RT: ${WHEELCHAIR}`, '@SkyvaleHelp can I bring a guitar as cabin baggage?']);
    // The storm detector's one-viral-post test groups the copies of one text, not one thread each.
    expect(cascadeOf(mentions[0]!)).toBe(cascadeOf(mentions[1]!));
    expect(cascadeOf(mentions[0]!)).not.toBe(mentions[0]!.thread.rootId);
  });

  it('a Brandwatch export: Thread Entry Type share/retweet, the original author from Thread Author', () => {
    const input = readCsv(
      [
        'Date,Url,Author,Full Text,Thread Entry Type,Thread Author,Resource Id',
        '2025-10-06 09:00:00.0,https://twitter.com/jonas_k/status/100,jonas_k,Das neue Lumio X3 ist der Hammer,post,jonas_k,100',
        '2025-10-06 09:05:00.0,https://twitter.com/kathi_r/status/101,kathi_r,Das neue Lumio X3 ist der Hammer,share,jonas_k,101',
        '2025-10-06 09:06:00.0,https://twitter.com/dennis_m/status/102,dennis_m,Das neue Lumio X3 ist der Hammer,retweet,@jonas_k,102',
        '2025-10-06 09:07:00.0,https://twitter.com/petra_j/status/103,petra_j,@jonas_k stimmt,reply,jonas_k,103',
        // Already written as X writes retweets: left as it is.
        '2025-10-06 09:08:00.0,https://twitter.com/aylin_s/status/104,aylin_s,RT @jonas_k: Das neue Lumio X3 ist der Hammer,share,jonas_k,104',
      ].join('\n'),
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.text)).toEqual([
      'Das neue Lumio X3 ist der Hammer',
      'RT @jonas_k: Das neue Lumio X3 ist der Hammer',
      'RT @jonas_k: Das neue Lumio X3 ist der Hammer',
      '@jonas_k stimmt',
      'RT @jonas_k: Das neue Lumio X3 ist der Hammer',
    ]);
  });

  it('JSON records: is_retweet, retweeted: true, or an embedded retweeted_status with its author; counts are the original\'s', () => {
    const at = (minute: number) => `2025-05-12T06:${String(minute).padStart(2, '0')}:00Z`;
    const input = readJsonl(
      [
        { id: 'r1', author: 'zoe', text: WHEELCHAIR, created_at: at(20), is_retweet: true, retweeted_user: 'chloe', like_count: 40 },
        { id: 'r2', author: 'josh', text: WHEELCHAIR, created_at: at(21), retweeted: true },
        { id: 'r3', author: 'amy', text: WHEELCHAIR, created_at: at(22), retweeted_status: { id: 'o1', user: { screen_name: 'chloe' } } },
        { id: 'r4', author: 'sam', text: WHEELCHAIR, created_at: at(23), is_retweet: false, retweeted: false, like_count: 2 },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.author.id, m.text, m.metrics.likes])).toEqual([
      ['zoe', `RT @chloe: ${WHEELCHAIR}`, 0],
      ['josh', `RT: ${WHEELCHAIR}`, 0],
      ['amy', `RT @chloe: ${WHEELCHAIR}`, 0],
      ['sam', WHEELCHAIR, 2],
    ]);
  });

  it('a tweet-shaped record flagged is_retweet without the original: "RT: …"; a v1.1 retweet reads as before', () => {
    const flagged = { id: 't1', author_id: '9', text: WHEELCHAIR, created_at: '2025-05-12T06:20:00Z', is_retweet: 'True' };
    const v11 = {
      id_str: 't2',
      created_at: 'Mon May 12 06:21:00 +0000 2025',
      full_text: `RT @chloe: ${WHEELCHAIR.slice(0, 40)}…`,
      user: { id_str: '10', screen_name: 'josh' },
      retweeted_status: { full_text: WHEELCHAIR, user: { screen_name: 'chloe' } },
      retweet_count: 500,
    };
    const input = readJsonl([flagged, v11].map((r) => JSON.stringify(r)).join('\n'));
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.id, m.text, m.metrics.shares])).toEqual([
      ['twitter:t1', `RT: ${WHEELCHAIR}`, 0],
      ['twitter:t2', `RT @chloe: ${WHEELCHAIR}`, 0],
    ]);
  });
});

describe('replaying flagged reshares', () => {
  it('opens no unanswered thread for a reshare of a post addressed to the brand; the original is still awaited', async () => {
    const file = write('skyvale.csv', [
      'tweet_id,created_at,username,text,is_retweet,in_reply_to_id',
      '21,2025-05-12T06:00:00Z,hannah,@SkyvaleHelp my refund still has not arrived after 6 weeks,False,',
      '22,2025-05-12T06:05:00Z,zoe,@SkyvaleHelp my refund still has not arrived after 6 weeks,True,',
      '23,2025-05-12T06:06:00Z,josh,@SkyvaleHelp my refund still has not arrived after 6 weeks,True,',
    ].join('\n'));
    const alertsOut = `${file}.alerts.jsonl`;
    await runReplay({ file, brands: ['Skyvale'], discoverBrands: false, alertsOut, progress: () => undefined });
    const alerts = readFileSync(alertsOut, 'utf8').trim().split('\n').filter(Boolean).map((l) => Alert.parse(JSON.parse(l)));
    const unanswered = alerts.filter((a) => a.kind === 'unanswered');
    expect(unanswered.flatMap((a) => a.mentions)).toEqual(['csv:21']);
  });
});
