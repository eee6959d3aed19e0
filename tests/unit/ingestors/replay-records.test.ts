import { describe, expect, it } from 'vitest';
import { pageOf, pageOwners } from '../../../ingestors/replay-graph-comments.ts';
import { readReplayFile } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import { guessReplayFormat } from '../../../ingestors/replay-sniff.ts';
import { runReplay } from '../../../src/commands/replay.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const write = replayFileWriter('kr-records-');

// Facebook Graph API comments on a brand's page post, one per line, as a collector writes them.
const GRAPH_COMMENTS = [
  { id: '1011_2001', message: 'Unverschämt, seit drei Wochen keine Antwort vom Kundenservice!', created_time: '2013-04-22T10:00:00+0000', from: { name: 'Max Muster', id: '111' } },
  { id: '1011_2002', message: 'Nie wieder. #drosselkom', created_time: '2013-04-22T10:01:30+0000', from: { name: 'Erika M.', id: '112' }, parent: { id: '1011_2001' }, like_count: 14 },
];

describe('replaying JSON records that are neither mentions nor tweets', () => {
  it('reads Facebook Graph comments: text, time, author and the comment they answer', async () => {
    const file = write('graph.jsonl', GRAPH_COMMENTS.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const source = await openReplayFile(file, 'jsonl');
    expect(source.errors).toEqual([]);
    const [first, second] = await allMentions(source);
    expect(first).toMatchObject({ id: 'json:1011_2001', source: 'json', text: GRAPH_COMMENTS[0]!.message, createdAt: '2013-04-22T10:00:00.000Z', author: { id: '111', name: 'Max Muster' } });
    expect(second).toMatchObject({ id: 'json:1011_2002', createdAt: '2013-04-22T10:01:30.000Z', thread: { parentId: 'json:1011_2001' }, channel: 'reply', metrics: { likes: 14 } });
  });

  it('reads a pretty-printed document (an array, or an API page with `data`) and names a bad record by its place', async () => {
    const page = write('page.json', JSON.stringify({ data: GRAPH_COMMENTS, paging: { next: 'https://graph.example/next' } }, null, 2));
    expect((await allMentions(await openReplayFile(page, 'jsonl'))).map((m) => m.id)).toEqual(['json:1011_2001', 'json:1011_2002']);
    const records = [
      { text: 'Frechheit, wieder keine Antwort', date: '22.04.2013 10:05', user: 'anna' },
      { text: 'Ohne Zeitangabe', user: 'ben' },
      { text: 'Nie wieder', date: '22.04.2013 10:00', user: 'cem' },
    ];
    const array = write('scraped.json', JSON.stringify(records, null, 1));
    const source = await openReplayFile(array, 'jsonl');
    expect(source.errors).toEqual([{ line: 2, record: 2, reason: expect.stringMatching(/^no time field/) }]);
    const mentions = await allMentions(source);
    // In event-time order, with ids from the record's content: the same on every read.
    expect(mentions.map((m) => m.author.id)).toEqual(['cem', 'anna']);
    expect(mentions[0]?.id).toMatch(/^json:[0-9a-f]{16}$/);
    expect((await allMentions(await openReplayFile(array, 'jsonl'))).map((m) => m.id)).toEqual(mentions.map((m) => m.id));
    expect(readReplayFile(array, 'jsonl').mentions.map((m) => m.id)).toEqual(mentions.map((m) => m.id));
  });

  it('a record with `created_at` and `text` that is no API tweet is read as a record; one without text says what it lacks', async () => {
    const file = write('flat.jsonl', [JSON.stringify({ text: 'Frechheit!', created_at: '2013-04-22T10:00:00Z', user: 'anna' }), JSON.stringify({ body_html: '<p>x</p>', date: '2013-04-22' })].join('\n'));
    const source = await openReplayFile(file, 'jsonl');
    expect((await allMentions(source)).map((m) => m.author.id)).toEqual(['anna']);
    expect(source.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^no text field: a record needs one of text, tweet, full_text/) }]);
  });

  it('odd JSON: a broken first line, arrays nested too deep, a blank first line, empty ids, a `channel` key', async () => {
    const mention = JSON.stringify({ id: 'demo:1', source: 'demo', author: { id: 'u' }, text: 'Zug fällt aus', createdAt: '2026-01-01T10:00:00Z', thread: { rootId: 'demo:1' }, channel: 'post' });
    const broken = await openReplayFile(write('broken.jsonl', `{"id":"1","text":"broken\n${mention}\n`), 'jsonl');
    expect(broken.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^malformed JSON/) }]);
    expect((await allMentions(broken)).map((m) => m.id)).toEqual(['demo:1']);

    const deep = await openReplayFile(write('deep.jsonl', `${'['.repeat(5000)}{"text":"x","date":"2026-01-01"}${']'.repeat(5000)}\n`), 'jsonl');
    expect(deep.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^arrays nested more than two deep/) }]);

    const doc = write('blank.json', '\n[\n {"text": "Frechheit", "date": "2026-01-01T10:00:00Z", "user": "a"},\n {"text": "Nie wieder", "date": "2026-01-01T10:05:00Z", "user": "b"}\n]\n');
    expect((await allMentions(await openReplayFile(doc, 'jsonl'))).map((m) => m.author.id)).toEqual(['a', 'b']);
    expect(readReplayFile(doc, 'jsonl').mentions.map((m) => m.author.id)).toEqual(['a', 'b']);

    const records = [
      { id: '', text: 'eins', date: '2026-01-01T10:00:00Z' },
      { id: '', text: 'zwei', date: '2026-01-01T10:01:00Z' },
      { channel: 'UC123', source: 'youtube', text: 'drei', date: '2026-01-01T10:02:00Z' },
    ];
    const odd = await openReplayFile(write('odd.jsonl', records.map((r) => JSON.stringify(r)).join('\n')), 'jsonl');
    expect(odd.errors).toEqual([]);
    const ids = (await allMentions(odd)).map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('a Netvizz-style comments CSV keeps each comment (comment_id before the post_id they share)', async () => {
    const csv = [
      'post_id,post_by,post_text,post_published,comment_id,comment_by,is_reply,comment_message,comment_published,comment_like_count',
      '1011,Telekom,Neue Tarife!,2013-04-22T08:00:00+0000,1011_1,Max,0,Drosselkom? Nie wieder.,2013-04-22T10:00:00+0000,5',
      '1011,Telekom,Neue Tarife!,2013-04-22T08:00:00+0000,1011_2,Erika,0,Frechheit!,2013-04-22T10:02:00+0000,3',
      // A comment that is only a photo: no text of its own, and the page's post text is not its text.
      '1011,Telekom,Neue Tarife!,2013-04-22T08:00:00+0000,1011_3,Bernd,0,,2013-04-22T10:03:00+0000,0',
    ].join('\n');
    const source = await openReplayFile(write('netvizz.csv', csv), 'csv');
    const mentions = await allMentions(source);
    expect(mentions.map((m) => [m.id, m.author.id, m.text, m.createdAt, m.thread.rootId])).toEqual([
      ['csv:1011_1', 'Max', 'Drosselkom? Nie wieder.', '2013-04-22T10:00:00.000Z', 'csv:1011'],
      ['csv:1011_2', 'Erika', 'Frechheit!', '2013-04-22T10:02:00.000Z', 'csv:1011'],
    ]);
    expect(source.errors).toEqual([{ line: 4, reason: 'empty text' }]);
  });

  it('a Netvizz page export ("<page>_<post>" post ids) is read as comments on the page, as the Graph export is (QA firestorm round 2)', async () => {
    const csv = [
      'post_id,comment_id,comment_parent,comment_by,comment_message,comment_published',
      '1612_8812,8812_1,,Jens N.,IMMER NUR EINE KASSE OFFEN BEI EUCH.,2024-05-01T08:04:04+0000',
      '1612_8812,8812_2,8812_1,EDEKA,"Das tut uns leid, Jens! Wir geben es an den Markt weiter.",2024-05-01T08:30:00+0000',
    ].join('\n');
    const mentions = await allMentions(await openReplayFile(write('netvizz-page.csv', csv), 'csv'));
    expect(mentions.map((m) => [m.id, m.source, m.channel, m.thread.rootId, m.thread.parentId])).toEqual([
      ['facebook:8812_1', 'facebook', 'page_comment', 'facebook:1612_8812', undefined],
      ['facebook:8812_2', 'facebook', 'page_comment', 'facebook:1612_8812', 'facebook:8812_1'],
    ]);
    expect(mentions.map(pageOf)).toEqual(['1612', '1612']);
  });

  it('reads replies nested inside Graph comments, each under its comment (QA firestorm round 3: 19 % of a page export was dropped)', async () => {
    const post = {
      id: '111_222',
      message: 'Neue Werbung!',
      created_time: '2026-11-03T10:00:00+0000',
      from: { id: '111', name: 'Knusperkind' },
      comments: {
        data: [
          {
            id: '222_1',
            message: 'Pfui, schämt euch',
            created_time: '2026-11-03T10:05:00+0000',
            from: { id: '9', name: 'Anna' },
            comments: { data: [{ id: '222_2', message: 'Das tut uns leid, Anna.', created_time: '2026-11-03T10:10:00+0000', from: { id: '111', name: 'Knusperkind' } }] },
          },
        ],
      },
    };
    const source = await openReplayFile(write('graph-nested.json', JSON.stringify([post])), 'jsonl');
    expect(source.errors).toEqual([]);
    const mentions = await allMentions(source);
    expect(mentions.map((m) => [m.id, m.thread.rootId, m.thread.parentId, m.author.isBrand === true])).toEqual([
      ['facebook:111_222', 'facebook:111_222', undefined, true],
      ['facebook:222_1', 'facebook:111_222', undefined, false],
      ['facebook:222_2', 'facebook:111_222', 'facebook:222_1', true],
    ]);
  });

  it('a nested Graph comment with no text (a sticker) is skipped by its own id, not by its post\'s record number (QA8)', async () => {
    const comments = [
      { id: '444_1', message: 'Danke für die Info', created_time: '2026-03-27T10:05:00+0000', from: { id: '7', name: 'Ida' } },
      { id: '444_2', created_time: '2026-03-27T10:06:00+0000', from: { id: '8', name: 'Ole' }, attachment: { type: 'sticker' } },
    ];
    const post = { id: '333_444', message: 'Sturmwarnung fürs Wochenende', created_time: '2026-03-27T10:00:00+0000', from: { id: '333', name: 'Stadtwerk' }, comments: { data: comments } };
    const source = await openReplayFile(write('graph-sticker.json', JSON.stringify([post])), 'jsonl');
    expect(source.errors).toEqual([{ line: 1, reason: 'Facebook comment 444_2 has no text (a sticker or photo only): nothing to classify' }]);
    expect((await allMentions(source)).map((m) => m.id)).toEqual(['facebook:333_444', 'facebook:444_1']);
  });

  it('takes the name that writes under most of a Netvizz page\'s posts (three or more, twice anyone else) as the page', async () => {
    const rows = ['post_id,comment_id,comment_by,comment_message,comment_published'];
    for (const post of [1, 2, 3]) {
      rows.push(`1612_${post},${post}_1,Kundin ${post},Warum ist das so teuer?,2024-05-0${post}T08:00:00+0000`);
      rows.push(`1612_${post},${post}_2,EDEKA,Danke für die Frage!,2024-05-0${post}T08:30:00+0000`);
    }
    rows.push('1612_3,3_3,Kundin 3,Immer noch teuer,2024-05-03T09:00:00+0000');
    const source = await openReplayFile(write('netvizz-owner.csv', rows.join('\n')), 'csv');
    expect(await pageOwners(source.mentions())).toEqual([{ pageId: '1612', name: 'EDEKA' }]);
  });
});

describe('replay format without --format', () => {
  it('is told by the extension, a twcs header, or the first bytes', async () => {
    expect(await guessReplayFormat(write('a.csv', 'id,text,created_at\n1,x,2026-01-01\n'))).toEqual({ format: 'csv', by: 'extension' });
    expect(await guessReplayFormat(write('b.csv', 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n'))).toEqual({ format: 'twcs', by: 'extension' });
    expect(await guessReplayFormat(write('c.json', '[\n {"text": "x"}\n]'))).toEqual({ format: 'jsonl', by: 'extension' });
    expect(await guessReplayFormat(write('d.dat', '\ufeff{"text": "x"}\n'))).toEqual({ format: 'jsonl', by: 'content' });
    expect(await guessReplayFormat(write('e', '<?xml version="1.0"?><Documents/>'))).toEqual({ format: 'germeval', by: 'content' });
    expect(await guessReplayFormat(write('f.txt', 'text;datum\nx;2026-01-01\n'))).toEqual({ format: 'csv', by: 'content' });
  });

  it('a CSV replayed without --format is read as CSV and says so (it was read as JSON lines and every row skipped)', async () => {
    const file = write('storm.csv', 'id,text,created_at,user\n1,Frechheit keine Antwort,2013-04-22T10:00:00Z,max\n2,Nie wieder Telekom,2013-04-22T10:01:00Z,erika\n');
    const lines: string[] = [];
    const summary = await runReplay({ file, discoverBrands: false, progress: (l) => lines.push(l) });
    expect(summary).toMatchObject({ mentions: 2, skipped: 0 });
    expect(lines[0]).toBe(`replay: reading ${file} as csv (by its extension; --format chooses)`);
  });
});

describe('replaying snscrape tweets (JSON lines with 64-bit ids as numbers, camelCase fields)', () => {
  // As snscrape's `--jsonl` writes them: ids as JSON numbers beyond 2^53, `rawContent`, `user.username`,
  // `conversationId`, `inReplyToTweetId`, `retweetCount`.
  const lines = [
    '{"_type": "snscrape.modules.twitter.Tweet", "url": "https://twitter.com/anna/status/1367000000000000001", "date": "2021-03-03T12:00:05+00:00", "rawContent": "@lidl_de Geht gar nicht! #boykottlidl", "id": 1367000000000000001, "user": {"username": "anna", "id": 123456789}, "replyCount": 2, "retweetCount": 7, "likeCount": 30, "quoteCount": 1, "conversationId": 1367000000000000001, "inReplyToTweetId": null, "lang": "de"}',
    '{"_type": "snscrape.modules.twitter.Tweet", "url": "https://twitter.com/ben/status/1367000000000000003", "date": "2021-03-03T12:01:00+00:00", "rawContent": "@anna Sehe ich genauso, 1367000000000000003 Gründe", "id": 1367000000000000003, "user": {"username": "ben", "id": 987654321}, "replyCount": 0, "retweetCount": 0, "likeCount": 1, "quoteCount": 0, "conversationId": 1367000000000000001, "inReplyToTweetId": 1367000000000000001, "lang": "de"}',
  ];

  it('keeps every id exact and reads text, author, thread, reply and counts', async () => {
    const file = write('snscrape.jsonl', lines.join('\n') + '\n');
    const source = await openReplayFile(file, 'jsonl');
    expect(source.errors).toEqual([]);
    const [first, second] = await allMentions(source);
    expect(first).toMatchObject({
      id: 'twitter:1367000000000000001',
      text: '@lidl_de Geht gar nicht! #boykottlidl',
      createdAt: '2021-03-03T12:00:05.000Z',
      author: { handle: 'anna' },
      metrics: { likes: 30, shares: 8, replies: 2 },
    });
    expect(second).toMatchObject({
      id: 'twitter:1367000000000000003',
      // Digits inside the text are text, never touched.
      text: '@anna Sehe ich genauso, 1367000000000000003 Gründe',
      thread: { rootId: 'twitter:1367000000000000001', parentId: 'twitter:1367000000000000001' },
      channel: 'reply',
    });
  });
});

describe('a JSON record\'s `name`', () => {
  it('is not its author: in a Facebook Graph post it is the title of the shared link', async () => {
    const post = { id: '10_1', message: 'Unser Gewinnspiel läuft!', name: 'Gewinnspiel: iPhone 17', link: 'https://example.com/x', created_time: '2013-04-22T10:00:00+0000' };
    const file = write('graph-post.jsonl', `${JSON.stringify(post)}\n${JSON.stringify({ ...post, id: '10_2' })}\n`);
    const mentions = await allMentions(await openReplayFile(file, 'jsonl'));
    expect(mentions.map((m) => m.author.id)).toEqual(['anonymous:10_1', 'anonymous:10_2']);
    expect(mentions.every((m) => m.author.name === undefined)).toBe(true);
    // The replay says so, as it does for a CSV without an author column.
    const lines: string[] = [];
    await runReplay({ file, discoverBrands: false, progress: (l) => lines.push(l) });
    expect(lines).toContain('replay: 2 of 2 posts name no author: each counts as its own author, so one loud author cannot be told from many');
  });
});

describe('a flat Facebook page post and its comments (QA6 defect 7)', () => {
  const pagePost = {
    id: '4455667788_200',
    message: 'Gewinnspiel 🎉 Wohin geht euer nächster Ausflug?',
    created_time: '2026-03-11T10:00:00+0000',
    from: { id: '4455667788', name: 'Hanseatica Versicherung' },
    permalink_url: 'https://www.facebook.com/4455667788/posts/200',
  };
  const comment = { id: '4455667788_200_1', message: 'An die Ostsee 🌊', created_time: '2026-03-11T10:05:00+0000', from: { id: '700012', name: 'Maren Holt' } };

  it('share one thread: the post is its comments\' root, by its permalink or by its "PAGE_POST" id written by the page', async () => {
    const { permalink_url: _link, ...byId } = pagePost;
    for (const post of [pagePost, byId]) {
      const file = write('page-post.jsonl', `${JSON.stringify(post)}\n${JSON.stringify(comment)}\n`);
      const [root, reply] = await allMentions(await openReplayFile(file, 'jsonl'));
      expect(root).toMatchObject({ id: 'facebook:4455667788_200', source: 'facebook', channel: 'post', thread: { rootId: 'facebook:4455667788_200' }, author: { isBrand: true } });
      expect(reply).toMatchObject({ id: 'facebook:4455667788_200_1', channel: 'page_comment', thread: { rootId: 'facebook:4455667788_200' } });
    }
  });

  it('a "PAGE_POST" id written by somebody else, or a comment permalink, is no page post', async () => {
    const other = { ...pagePost, permalink_url: undefined, from: { id: '999', name: 'Jemand' } };
    const file = write('not-page-post.jsonl', `${JSON.stringify(other)}\n`);
    const [m] = await allMentions(await openReplayFile(file, 'jsonl'));
    expect(m?.source).toBe('json');
  });
});
