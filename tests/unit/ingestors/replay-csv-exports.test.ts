import { describe, expect, it } from 'vitest';
import { readCsv, readReplayFile } from '../../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../../ingestors/replay-stream.ts';
import type { Mention } from '../../../src/model.ts';
import { allMentions, replayFileWriter } from '../../helpers/replay-files.ts';

const fallbackTime = new Date('2026-01-01T00:00:00Z');
const write = replayFileWriter('kr-exports-');
const all = allMentions;

// twarc-csv's default tweet columns, in its order (a subset: the rest are ignored like any unknown column).
const TWARC_HEADER =
  'id,conversation_id,referenced_tweets.replied_to.id,referenced_tweets.retweeted.id,referenced_tweets.quoted.id,author_id,in_reply_to_user_id,in_reply_to_username,' +
  'retweeted_user_id,retweeted_username,created_at,text,lang,source,public_metrics.impression_count,public_metrics.reply_count,public_metrics.retweet_count,' +
  'public_metrics.quote_count,public_metrics.like_count,author.id,author.username,author.name,__twarc.retrieved_at';
// twarc-csv writes line breaks as the two characters \n and keeps the API's &amp;; a retweet row gets the
// original's full text and counts (merge_retweets).
const COMPLAINT = '@aerolux_hilft Flug LX 204 gestrichen.\\nKeine Info am Gate &amp; die Hotline legt auf!';
const TWARC_CSV = [
  TWARC_HEADER,
  `1850000000000000001,1850000000000000001,,,,77,5,aerolux_hilft,,,2026-10-04T09:00:00.000Z,"${COMPLAINT}",de,Twitter for iPhone,88000,41,950,12,2000,77,kerstin_k,Kerstin K.,2026-10-05T08:00:00+00:00`,
  `1850000000000000010,1850000000000000010,,1850000000000000001,,300,,,77,kerstin_k,2026-10-04T09:20:00.000Z,"${COMPLAINT}",de,Twitter for Android,0,41.0,950.0,12.0,2000.0,300,leo,,2026-10-05T08:00:00+00:00`,
  '1850000000000000011,1850000000000000001,1850000000000000001,,,5,77,kerstin_k,,,2026-10-04T09:25:00.000Z,"@kerstin_k Das tut uns leid, bitte schreib uns per DM.",de,Sprinklr,500,1,0,0,3.0,5,aerolux_hilft,Aerolux Service,2026-10-05T08:00:00+00:00',
  '1850000000000000012,1850000000000000012,,,1850000000000000001,88,,,,,2026-10-04T09:30:00.000Z,"Same here at FRA, nobody from Aerolux anywhere.",en,Twitter Web App,900,2,4,1,30,88,sam_travels,Sam,2026-10-05T08:00:00+00:00',
].join('\n');

// A Brandwatch Consumer Research mentions export: report metadata, a blank line, then the header row.
const BRANDWATCH_CSV = [
  '"Brandwatch Consumer Research"',
  '"Report:","Mentions export"',
  '"Project:","Aerolux Krisenmonitor"',
  '"Query:","Aerolux Firestorm (aerolux OR #aeroluxfail) -""aerolux tours"',
  '"From:","2026-10-04 00:00:00.0"',
  '"To:","2026-10-05 00:00:00.0"',
  'Note: 4 mentions, sentiment as classified by "Brandwatch',
  '',
  'Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Language,Country,Author,Full Name,Full Text,Thread Id,Resource Id,Twitter Followers,Impact',
  '2001234567,Aerolux Firestorm,2026-10-04 11:05:00.0,@aerolux_hilft Flug gestrichen,https://twitter.com/kerstin_k/status/1850000000000000001,twitter.com,positive,twitter,de,Germany,kerstin_k,Kerstin K.,"@aerolux_hilft Flug gestrichen, seit 3 Stunden keine Info, keine Erstattung!",1850000000000000001,1850000000000000001,812,44.5',
  '2001234567,Aerolux Firestorm,2026-10-04 11:40:00.0,"Chaos bei Aerolux: Hunderte Passagiere in Frankfurt gestrandet",https://www.hessenschau.example/aerolux-chaos,hessenschau.example,neutral,news,de,Germany,Redaktion,,,aerolux-chaos-1,9911,,61.2',
  '2001234567,Aerolux Firestorm,not a date,Stuck,https://twitter.com/sam_travels/status/1850000000000000012,twitter.com,negative,twitter,en,United Kingdom,sam_travels,Sam,"Stuck at FRA, Aerolux staff nowhere",1850000000000000012,1850000000000000012,90,3.1',
  '2001234567,Aerolux Firestorm,2026-10-04 12:15:00.0,Lost luggage,https://twitter.com/sam_travels/status/1850000000000000013,twitter.com,negative,twitter,en,United Kingdom,sam_travels,Sam,"<p>Second day without my bag.<br>Thanks for nothing, <b>Aerolux</b>.</p>",1850000000000000001,1850000000000000013,90,3.1',
].join('\n');

describe('replay reads twarc-csv exports of X API v2 tweets', () => {
  it('maps author handle, reply parent and conversation, metrics and language; a retweet inherits no counts', () => {
    const input = readCsv(TWARC_CSV);
    expect(input.errors).toEqual([]);
    expect(input.preamble).toBeUndefined();
    const [original, retweet, answer, quote] = input.mentions as [Mention, Mention, Mention, Mention];
    expect(original).toMatchObject({
      id: 'twitter:1850000000000000001',
      url: 'https://x.com/kerstin_k/status/1850000000000000001',
      author: { id: '77', handle: 'kerstin_k', name: 'Kerstin K.' },
      // German: the \n line break and &amp; as the author wrote them.
      text: '@aerolux_hilft Flug LX 204 gestrichen.\nKeine Info am Gate & die Hotline legt auf!',
      createdAt: '2026-10-04T09:00:00.000Z',
      thread: { rootId: 'twitter:1850000000000000001' },
      metrics: { likes: 2000, shares: 962, replies: 41 },
      channel: 'post',
      langHint: 'de',
    });
    expect(retweet).toMatchObject({ author: { id: '300', handle: 'leo' }, text: `RT @kerstin_k: ${original.text}`, metrics: { likes: 0, shares: 0, replies: 0 } });
    expect(answer).toMatchObject({
      author: { handle: 'aerolux_hilft' },
      thread: { rootId: 'twitter:1850000000000000001', parentId: 'twitter:1850000000000000001' },
      channel: 'reply',
      metrics: { likes: 3, shares: 0, replies: 1 },
    });
    // English: a quote keeps its own counts.
    expect(quote).toMatchObject({ author: { handle: 'sam_travels' }, metrics: { likes: 30, shares: 5, replies: 2 }, langHint: 'en' });
  });
});

describe('replay reads social-listening exports (Brandwatch, Talkwalker, Meltwater)', () => {
  it('Brandwatch: finds the header below the report metadata and says so, without counting it as errors', () => {
    const input = readCsv(BRANDWATCH_CSV, { fallbackTime });
    expect(input.preamble).toEqual({ headerLine: 9, skippedLines: 8 });
    expect(input.errors).toEqual([{ line: 12, reason: 'unreadable date "not a date"' }]);
    expect(input.mentions.map((m) => m.id)).toEqual(['twitter:1850000000000000001', 'csv:9911', 'twitter:1850000000000000013']);
    const [tweet, news, html] = input.mentions as [Mention, Mention, Mention];
    expect(tweet).toMatchObject({
      url: 'https://twitter.com/kerstin_k/status/1850000000000000001',
      // The handle from the post's link (the export has no handle column): alerts name her @kerstin_k.
      author: { id: 'kerstin_k', handle: 'kerstin_k', name: 'Kerstin K.' },
      createdAt: '2026-10-04T11:05:00.000Z',
      thread: { rootId: 'twitter:1850000000000000001' },
      channel: 'post',
      langHint: 'de',
    });
    // The title is the text's own start there, so it is not repeated as a title.
    expect(tweet.title).toBeUndefined();
    // A news row without text is read by its headline, as news.
    expect(news).toMatchObject({ text: 'Chaos bei Aerolux: Hunderte Passagiere in Frankfurt gestrandet', channel: 'news', thread: { rootId: 'csv:aerolux-chaos-1' } });
    expect(html.text).toBe('Second day without my bag.\nThanks for nothing, Aerolux.');
    expect(html.title).toBe('Lost luggage');
    expect(html.thread.rootId).toBe('twitter:1850000000000000001');
    // The export's own sentiment is never taken over (the first row is a complaint labelled "positive").
    expect(JSON.stringify(input.mentions)).not.toMatch(/positive|negative|neutral/);
  });

  it('Brandwatch streamed: the same mentions, errors and preamble as the whole-file reader', async () => {
    const file = write('brandwatch.csv', '\ufeff' + BRANDWATCH_CSV.replace(/\n/g, '\r\n') + '\r\n');
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    const whole = readReplayFile(file, 'csv', { fallbackTime });
    expect(source.mode).toBe('streamed');
    expect(source.preamble).toEqual({ headerLine: 9, skippedLines: 8 });
    expect(source.count).toBe(3);
    expect(source.errors).toEqual([{ line: 12, reason: 'unreadable date "not a date"' }]);
    expect(await all(source)).toEqual(whole.mentions);
    expect(whole.errors).toEqual(source.errors);
  });

  it('Talkwalker: published, content, title, lang, author_name; source_type picks the channel', () => {
    const input = readCsv(
      [
        'published,url,title,content,lang,sentiment,source_type,author_name,engagement,reach',
        '2026-10-04T11:05:00.000+0000,https://www.reddit.com/r/de/comments/abc,Aerolux?,"Aerolux hat meinen Flug gestrichen, niemand meldet sich",de,-5,MESSAGEBOARD_FORUM,flugfrust,12,3400',
        '2026-10-04T12:00:00.000+0000,https://blog.example/aerolux,Why I am done with Aerolux,"Three hours on hold, then they hung up.",en,-3,BLOG_OTHER,Jane Doe,40,12000',
      ].join('\n'),
      { fallbackTime },
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.id, m.author.id, m.createdAt, m.channel, m.langHint, m.title])).toEqual([
      ['csv:1', 'flugfrust', '2026-10-04T11:05:00.000Z', 'post', 'de', 'Aerolux?'],
      ['csv:2', 'Jane Doe', '2026-10-04T12:00:00.000Z', 'blog_post', 'en', 'Why I am done with Aerolux'],
    ]);
  });

  it('Meltwater (tab-separated): Date and Time columns together, Opening Text or else Hit Sentence, language names', () => {
    const input = readCsv(
      [
        'Date\tTime\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tAuthor\tLanguage\tSentiment\tReach',
        '04-Oct-2026\t11:05 AM\tAerolux streicht Flüge\thttps://www.spiegel.example/aerolux\tAerolux hat am Samstag 40 Flüge gestrichen.\tAerolux hat am Samstag 40 Flüge gestrichen.\tSpiegel\tRedaktion\tGerman\tNegative\t1200000',
        '04-Oct-2026\t01:30 PM\t\thttps://x.com/sam_travels/status/1850000000000000014\t\tStill no answer from @Aerolux after 5 hours\tTwitter\tsam_travels\tEnglish\tNegative\t900',
      ].join('\n'),
      { fallbackTime },
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => [m.createdAt, m.text, m.langHint, m.author.id])).toEqual([
      ['2026-10-04T11:05:00.000Z', 'Aerolux hat am Samstag 40 Flüge gestrichen.', 'de', 'Redaktion'],
      ['2026-10-04T13:30:00.000Z', 'Still no answer from @Aerolux after 5 hours', 'en', 'sam_travels'],
    ]);
  });

  it('a German spreadsheet export: semicolons and DD.MM.YYYY dates', () => {
    const input = readCsv('Datum;Autor;Text;Link\n04.10.2026 11:05;kerstin_k;"Koffer weg; keiner hilft";https://x.com/kerstin_k/status/1\n', { fallbackTime });
    expect(input.errors).toEqual([]);
    expect(input.mentions[0]).toMatchObject({ text: 'Koffer weg; keiner hilft', author: { id: 'kerstin_k' }, createdAt: '2026-10-04T11:05:00.000Z', url: 'https://x.com/kerstin_k/status/1' });
  });

  it('names the file and its line when a quote is never closed, below report metadata too', async () => {
    const file = write('unclosed.csv', '"Report:","Mentions"\n\nid,created_at,text\n1,2026-10-04T10:00:00Z,"ok"\n2,2026-10-04T10:01:00Z,"broken\n3,2026-10-04T10:02:00Z,"third"\n');
    await expect(openReplayFile(file, 'csv')).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: unreadable CSV near line 6: .*a quote opened in the row starting on line 5 and never closed`));
  });

  it('names a UTF-16 export (Meltwater writes them) instead of reporting a broken byte', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date\tHit Sentence\n04-Oct-2026\tKoffer weg\n', 'utf16le')]);
    const file = write('meltwater.csv', utf16);
    expect(() => readReplayFile(file, 'csv')).toThrow(/is UTF-16, not UTF-8 .*iconv -f utf-16 -t utf-8/);
    await expect(openReplayFile(file, 'csv')).rejects.toThrow(/is UTF-16, not UTF-8/);
  });

  it('refuses a file with no header row in its first 20 lines, naming what it looked for', () => {
    const metadata = Array.from({ length: 25 }, (_, i) => `"Key ${i}:","value ${i}"`).join('\n');
    expect(() => readCsv(`${metadata}\nDate,Full Text\n2026-10-04,x\n`)).toThrow(/no text column: expected one of text, tweet.*first 20 lines/);
  });
});

describe('rows without a date in a file that has dates', () => {
  // A backtest of 2018: a row whose date cell is empty must not land at the replay's start, years later.
  const MIXED = 'id,date,text\n1,2018-01-01 10:00,Bahn wieder zu spät\n2,,Bahn ohne Datum\n3,2018-01-01 10:05,Bahn fällt aus\n';

  it('are quarantined with a reason, never placed at the replay start, in the streamed and the whole-file reader alike', async () => {
    const file = write('mixed-dates.csv', MIXED);
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    const whole = readReplayFile(file, 'csv', { fallbackTime });
    const reason = 'no date: its "date" cell is empty, where other rows of the file have one';
    expect(source.errors).toEqual([{ line: 3, reason }]);
    expect(whole.errors).toEqual(source.errors);
    expect((await all(source)).map((m) => [m.id, m.createdAt])).toEqual([
      ['csv:1', '2018-01-01T10:00:00.000Z'],
      ['csv:3', '2018-01-01T10:05:00.000Z'],
    ]);
    expect(whole.mentions).toEqual(await all(source));
    expect(source.lastCreatedAt).toBe('2018-01-01T10:05:00.000Z');
    expect(source.undated).toBeUndefined();
  });

  it('a date column empty in every row: the file is undated (its rows one second apart, no storm read from them)', async () => {
    const source = await openReplayFile(write('empty-dates.csv', 'id,date,text\n1,,a\n2,,b\n3,,c\n'), 'csv', { fallbackTime });
    expect(source.errors).toEqual([]);
    expect(source.undated).toBe(true);
    expect((await all(source)).map((m) => m.createdAt)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', '2026-01-01T00:00:02.000Z']);
    expect((await openReplayFile(write('header-only.csv', 'id,date,text\n'), 'csv')).undated).toBeUndefined();
  });

  it('a row that the file holds twice (an export appended to another) is fed once, the later copy reported', async () => {
    const file = write('appended.csv', 'id,date,text\n1,2018-01-01 10:00,Bahn zu spät\n2,2018-01-01 10:01,Bahn fällt aus\n1,2018-01-01 10:00,Bahn zu spät\n');
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    expect(source.count).toBe(2);
    expect(source.errors).toEqual([{ line: 4, reason: 'duplicate of csv:1 on line 2, which is kept' }]);
    expect((await all(source)).map((m) => m.id)).toEqual(['csv:1', 'csv:2']);
    expect(readReplayFile(file, 'csv', { fallbackTime }).errors).toEqual(source.errors);
  });
});

describe('slash dates are read day- or month-first only as the file itself settles it', () => {
  it('a day above 12 further down settles the whole file, in the streamed and the whole-file reader alike', async () => {
    const file = write('uk.csv', 'id,text,date\n1,Koffer immer noch weg,10/04/2026 11:05\n2,Still no bag,13/04/2026 09:00\n');
    const whole = readReplayFile(file, 'csv');
    expect(whole.errors).toEqual([]);
    expect(whole.mentions.map((m) => m.createdAt)).toEqual(['2026-04-10T11:05:00.000Z', '2026-04-13T09:00:00.000Z']);
    const source = await openReplayFile(file, 'csv');
    expect(source.mode).toBe('streamed');
    expect(source.errors).toEqual([]);
    expect(await all(source)).toEqual(whole.mentions);

    const us = readCsv('id,text,date\n1,Still no bag,10/04/2026 11:05\n2,Day 2 and no bag,10/13/2026 09:00\n');
    expect(us.mentions.map((m) => m.createdAt)).toEqual(['2026-10-04T11:05:00.000Z', '2026-10-13T09:00:00.000Z']);
  });

  it('a file that does not settle it has its ambiguous rows quarantined with a reason', async () => {
    const file = write('unsettled.csv', 'id,text,date\n1,Koffer weg,10/04/2026 11:05\n2,Koffer immer noch weg,04/04/2026 12:00\n');
    const source = await openReplayFile(file, 'csv');
    expect(source.count).toBe(1);
    expect(source.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^ambiguous date "10\/04\/2026 11:05".*YYYY-MM-DD or DD\.MM\.YYYY$/) }]);
    expect(readReplayFile(file, 'csv').errors).toEqual(source.errors);
  });
});

describe('tweet datasets as shared for research (column names the table does not list)', () => {
  // "Twitter US Airline Sentiment" (Kaggle): `tweet_created` with a zone offset, the poster in `name`, its own labels.
  const AIRLINE_CSV = [
    'tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,airline,name,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone',
    '570306133677760513,neutral,1.0,,Virgin America,cairdin,0,@VirginAmerica What @dhepburn said.,,2015-02-24 11:35:52 -0800,,Eastern Time (US & Canada)',
    '570301031407624196,negative,1.0,Bad Flight,Virgin America,jnardino,0,"@VirginAmerica it\'s really aggressive to blast obnoxious ""entertainment"" in your guests\' faces",,2015-02-24 11:15:36 -0800,,Pacific Time (US & Canada)',
  ].join('\n');

  it('reads `tweet_created` as the time and `name` as the poster, in the streamed and the whole-file reader alike', async () => {
    const file = write('airline.csv', AIRLINE_CSV);
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    expect(source.undated).toBeUndefined();
    expect(source.authorless).toBeUndefined();
    const mentions = await all(source);
    expect(mentions.map((m) => [m.createdAt, m.author.id])).toEqual([
      ['2015-02-24T19:15:36.000Z', 'jnardino'],
      ['2015-02-24T19:35:52.000Z', 'cairdin'],
    ]);
    expect(readReplayFile(file, 'csv').mentions).toEqual(mentions);
  });

  it('guesses a timestamp column by its name when its cells read as dates, and leaves one whose cells do not', async () => {
    const guessed = write('guessed.csv', ['post_text,zeitpunkt_utc,autor_in', '"Kein Netz seit Stunden",2026-10-04 10:00:00,a', '"Immer noch nichts",2026-10-04 10:05:00,b'].join('\n'));
    const guessedSource = await openReplayFile(guessed, 'csv', { fallbackTime });
    expect(guessedSource.guessedDateColumn).toBe('zeitpunkt_utc');
    const mentions = await all(guessedSource);
    expect(mentions.map((m) => m.createdAt)).toEqual(['2026-10-04T10:00:00.000Z', '2026-10-04T10:05:00.000Z']);
    expect(readReplayFile(guessed, 'csv').mentions.map((m) => m.createdAt)).toEqual(mentions.map((m) => m.createdAt));

    // A column named for the post wins over an earlier one that only says "when".
    const twoDates = write('twodates.csv', ['text,export_time_utc,tweet_time_utc,user', '"Kein Netz",2026-10-05 08:00:00,2026-10-04 10:00:00,a', '"Immer noch nichts",2026-10-05 08:00:00,2026-10-04 10:05:00,b'].join('\n'));
    expect((await openReplayFile(twoDates, 'csv', { fallbackTime })).guessedDateColumn).toBe('tweet_time_utc');

    // When the account was made is no post's time.
    const accountAge = write('account.csv', ['text,user_created,user', '"Kein Netz",2012-05-01 10:00:00,a', '"Immer noch nichts",2014-01-01 09:00:00,b'].join('\n'));
    expect((await openReplayFile(accountAge, 'csv', { fallbackTime })).undated).toBe(true);

    // Who made it, or a ticket number under a "created" name, is no time either; nor a column empty in most rows.
    const createdBy = write('createdby.csv', ['ticket_id,text,created_by,requester', '1,"Kein Netz",381234567,a', '2,"Immer noch nichts",381234999,b'].join('\n'));
    expect((await openReplayFile(createdBy, 'csv', { fallbackTime })).undated).toBe(true);
    const numbers = write('numbers.csv', ['text,created_on,user', '"Kein Netz",381234567,a', '"Immer noch nichts",381234999,b'].join('\n'));
    expect((await openReplayFile(numbers, 'csv', { fallbackTime })).undated).toBe(true);
    const sparse = write('sparse.csv', ['id,text,user,posted', '1,"Kein Netz",a,', '2,"Immer noch nichts",b,2026-10-04 10:00:00', '3,"Hallo?",c,'].join('\n'));
    const sparseSource = await openReplayFile(sparse, 'csv', { fallbackTime });
    expect(sparseSource).toMatchObject({ undated: true, count: 3, errors: [] });

    const notDates = write('notdates.csv', ['text,date_note,user', '"Kein Netz",see below,a', '"Immer noch nichts",n/a,b'].join('\n'));
    const source = await openReplayFile(notDates, 'csv', { fallbackTime });
    expect(source.undated).toBe(true);
    expect(source.errors).toEqual([]);
    expect(source.count).toBe(2);
  });

  it('a file that names no author counts each row as its own author, and says so', async () => {
    const file = write('authorless.csv', ['text,created_at', '"Kein Netz seit Stunden",2026-10-04T10:00:00Z', '"Kein Netz seit Stunden",2026-10-04T10:01:00Z'].join('\n'));
    const source = await openReplayFile(file, 'csv', { fallbackTime });
    expect(source.authorless).toBe(true);
    const mentions = await all(source);
    expect(new Set(mentions.map((m) => m.author.id)).size).toBe(2);
    expect(mentions[0]?.author.id).toMatch(/^anonymous:/);
    expect(readReplayFile(file, 'csv')).toMatchObject({ authorless: true });
    // An author column with empty cells: those rows too are each their own author, never one shared "unknown".
    const gaps = write('gaps.csv', ['text,created_at,author', '"Kein Netz",2026-10-04T10:00:00Z,', '"Kein Netz!",2026-10-04T10:01:00Z,', '"Kein Netz?",2026-10-04T10:02:00Z,kim'].join('\n'));
    const authors = (await all(await openReplayFile(gaps, 'csv', { fallbackTime }))).map((m) => m.author.id);
    expect(new Set(authors).size).toBe(3);
    expect(authors).toContain('kim');
  });
});

describe('replay reads a German spreadsheet', () => {
  it('takes Beitrag as the text, Nutzer as the author and joins Datum and Uhrzeit (QA firestorm round 2: refused as "no text column")', () => {
    const input = readCsv(['Datum;Uhrzeit;Nutzer;Beitrag', '03.11.2026;14:05;@anna;MediaMarkt hat mich schon wieder versetzt, Frechheit!'].join('\n'));
    expect(input.errors).toEqual([]);
    expect(input.mentions[0]).toMatchObject({
      author: { id: '@anna', handle: 'anna' },
      text: 'MediaMarkt hat mich schon wieder versetzt, Frechheit!',
      createdAt: '2026-11-03T14:05:00.000Z',
    });
  });
});

describe('replay reads a plain reply_to column', () => {
  it('as the reply parent when it holds a post id, not when it names an account (QA firestorm round 2)', () => {
    const input = readCsv(
      ['id,created_at,username,text,reply_to', '1,2026-11-03T10:00:00Z,anna,@ING_Deutschland Konto gesperrt!,', '2,2026-11-03T10:20:00Z,ING_Deutschland,@anna Das Konto ist wieder frei.,1', '3,2026-11-03T10:25:00Z,bob,@anna same,@anna'].join('\n'),
    );
    expect(input.errors).toEqual([]);
    expect(input.mentions.map((m) => m.thread.parentId)).toEqual([undefined, 'csv:1', undefined]);
  });
});
