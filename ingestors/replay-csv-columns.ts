/**
 * Which CSV columns hold what, for `replay --format csv`: one table of header names (tweet exports, twarc-csv,
 * and the social-listening tools our users come from: Brandwatch, Talkwalker, Meltwater), and the search for
 * the header row below the report metadata those tools write above it.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { ID_COLUMNS, TEXT_COLUMNS, normaliseHeader } from '../src/datasets/csv-columns.ts';
import { parseExportDate } from './replay-dates.ts';

/**
 * Header names per field after `normaliseHeader` ("Page Type" → `page_type`), first match wins; German ones for
 * exports made in a German interface or spreadsheet (`Datum`, `Autor`).
 *
 * Not read, on purpose: the exports' own sentiment, emotion and category columns. Kundenradar classifies every
 * post itself; a vendor's label taken over here would show up in every figure as if it were ours.
 */
export const CSV_FIELDS = {
  id: ID_COLUMNS,
  text: TEXT_COLUMNS,
  /** Used when a row's text is empty (news and blog rows in listening exports often have only a headline). */
  title: ['title', 'headline', 'subject', 'titel'],
  createdAt: [
    'created_at', 'datetime', 'date', 'timestamp', 'time', 'created', 'published', 'published_at', 'publish_date', 'datum', 'created_time', 'comment_published', 'post_published',
    // Tweet datasets as shared on Kaggle and by researchers ("Twitter US Airline Sentiment": `tweet_created`).
    'tweet_created', 'tweet_created_at', 'tweet_date', 'created_date', 'date_created', 'creation_date', 'post_date', 'posted_at', 'pub_date', 'pubdate', 'date_time', 'date_published', 'erstellt_am',
  ],
  /** Meltwater writes the clock time in its own column next to `Date`. */
  time: ['time', 'uhrzeit'],
  // `name` last: in tweet datasets it is the poster's screen name ("Twitter US Airline Sentiment"), and any better column wins.
  author: ['author', 'author_id', 'username', 'screen_name', 'user', 'user_id', 'handle', 'author_name', 'autor', 'from.id', 'user.id_str', 'user.id', 'author.id', 'comment_by', 'post_by', 'from.name', 'user.screen_name', 'author.username', 'author.screen_name', 'user.name', 'author.name', 'user_screen_name', 'user.username', 'user_name', 'nutzer', 'benutzer', 'nutzername', 'benutzername', 'verfasser', 'name'],
  handle: ['author.username', 'username', 'screen_name', 'user_screen_name', 'twitter_screen_name', 'handle', 'user.screen_name', 'user.username', 'author.screen_name'],
  authorName: ['author.name', 'full_name', 'from.name', 'user.name', 'comment_by', 'post_by'],
  url: ['url', 'link', 'permalink'],
  lang: ['lang', 'language', 'sprache'],
  // snscrape writes camelCase (`conversationId`, `inReplyToTweetId`, `retweetCount`), read here lower-cased.
  rootId: ['conversation_id', 'thread_id', 'conversationid'],
  parentId: ['referenced_tweets.replied_to.id', 'in_reply_to_status_id', 'in_reply_to_status_id_str', 'in_reply_to_tweet_id', 'in_response_to_tweet_id', 'parent_id', 'parent.id', 'inreplytotweetid',
    // Plain exports name it shortly (QA firestorm round 2: a `reply_to` column was ignored, 194 answered posts alerted).
    'reply_to', 'reply_to_id', 'in_reply_to', 'in_reply_to_id', 'replied_to', 'replied_to_id', 'antwort_auf', 'comment_parent'],
  retweetOf: ['referenced_tweets.retweeted.id', 'retweeted_status_id', 'retweeted_status.id_str', 'retweeted_status.id', 'retweetedtweet.id'],
  /**
   * Whose post a reshare copies. Read only for a reshare: Brandwatch's `Thread Author` is a share's original author,
   * and any post's own author otherwise. A cell that is no handle (an id, a display name) names no one here.
   */
  retweetedUser: [
    'retweeted_username', 'retweetedtweet.user.username', 'retweeted_status.user.screen_name', 'retweeted_status.user.username', 'retweeted_user', 'retweeted_screen_name', 'retweeted_user_screen_name',
    'retweet_of', 'original_author', 'original_user', 'thread_author',
  ],
  /**
   * A reshare told by a flag, as research datasets mark retweets whose text lacks "RT @…:" (`is_retweet` True/1/yes,
   * a JSON record's `retweeted: true`), or by the entry's type (Brandwatch `Thread Entry Type`: share, retweet).
   * Not in v1.1 tweets, whose `retweeted` says whether the collecting account retweeted it: those are replay-tweets.ts'.
   */
  reshare: ['is_retweet', 'isretweet', 'retweeted', 'is_reshare', 'is_share', 'thread_entry_type', 'entry_type'],
  likes: ['public_metrics.like_count', 'like_count', 'favorite_count', 'likes', 'likecount', 'likes_count'],
  shares: ['public_metrics.retweet_count', 'retweet_count', 'retweets', 'shares', 'retweetcount', 'retweets_count'],
  quotes: ['public_metrics.quote_count', 'quote_count', 'quotecount'],
  replies: ['public_metrics.reply_count', 'reply_count', 'replies', 'replycount', 'replies_count'],
  /** What kind of page a row comes from (Brandwatch `Page Type`, Talkwalker `source_type`): news, blog, review, … */
  pageType: ['page_type', 'source_type', 'media_type'],
} as const satisfies Record<string, readonly string[]>;

export type CsvField = keyof typeof CSV_FIELDS;

/** The header cell each field reads; `ids` and `texts` list every present one, a row takes its first non-empty. */
export type CsvColumns = Partial<Record<Exclude<CsvField, 'id' | 'text'>, string>> & {
  ids: string[];
  texts: string[];
  /**
   * A twarc-csv export of X API v2 tweets (it has `conversation_id` and `author_id`): ids are tweet ids, links can
   * be made, and text is the API's (entities escaped, line breaks written as `\n`).
   */
  xExport: boolean;
  /**
   * The file names no author at all (no author, user or handle column). Each row then counts as its own author:
   * the storm detector's distinct-author gates would otherwise see one author behind every post and never fire.
   */
  authorless: boolean;
  /** `createdAt` was guessed by withGuessedDate (the replay says so), not found by a known name. */
  createdAtGuessed?: true;
};

const SINGLE_FIELDS = (Object.keys(CSV_FIELDS) as CsvField[]).filter((f): f is Exclude<CsvField, 'id' | 'text'> => f !== 'id' && f !== 'text');
const KNOWN = new Set<string>(Object.values(CSV_FIELDS).flat());
const TEXTS = new Set<string>(TEXT_COLUMNS);

export function resolveColumns(names: readonly string[]): CsvColumns {
  const present = new Set(names);
  const pick = (field: CsvField) => CSV_FIELDS[field].find((n) => present.has(n));
  const columns: CsvColumns = {
    ids: ID_COLUMNS.filter((n) => present.has(n)),
    texts: TEXT_COLUMNS.filter((n) => present.has(n)),
    xExport: present.has('conversation_id') && present.has('author_id'),
    authorless: false,
  };
  for (const field of SINGLE_FIELDS) {
    const name = pick(field);
    if (name) columns[field] = name;
  }
  // A Facebook comments export (Netvizz) repeats the page's post beside each comment: the post's text is never
  // a comment's, and the post is the comments' thread.
  if (columns.texts.some((n) => n.startsWith('comment_'))) {
    columns.texts = columns.texts.filter((n) => !n.startsWith('post_'));
    if (!columns.rootId && present.has('post_id') && present.has('comment_id')) columns.rootId = 'post_id';
  }
  // A lone `time` column is the timestamp, not the clock time of another one.
  if (columns.time === columns.createdAt) delete columns.time;
  columns.authorless = columns.author === undefined && columns.handle === undefined && columns.authorName === undefined;
  return columns;
}

/** Header names that say "when" in an export this table does not know (`tweet_posted`, `zeitpunkt_utc`); `timezone` does not. */
const DATE_NAME = /(?:^|[_.])(?:date|datetime|time|timestamp|created|published|posted|datum|zeit|zeitpunkt|erstellt)(?:[_.]|$)/;
/**
 * …but not when the date is the author's (`user_created`: when the account was made), a birthday, an edit or
 * collection time, or the name is of who did it (`created_by`) or an id.
 */
const NOT_POST_DATE =
  /(?:^|[_.])(?:user|author|account|profile|from|by|id|birth|birthday|geburt\w*|edited|modified|updated|retrieved|collected|scraped|crawled|geaendert|geändert)(?:[_.]|$)/;
const POST_WORD = /(?:^|[_.])(?:post|posted|tweet|tweeted|published|message|comment|beitrag)(?:[_.]|$)/;
/** Bare numbers are dates (epoch seconds or milliseconds) only under a name that says so: ticket numbers are numbers too. */
const EPOCH_NAME = /(?:^|[_.])(?:epoch|unix|timestamp|ts|ms)(?:[_.]|$)/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** Rows looked at when guessing, and the share of them whose cell must read as a date. */
export const GUESS_SAMPLE = 50;
const GUESS_SHARE = 0.8;

/**
 * `columns` with a timestamp column guessed when no known name matched: the first unused header that says "when"
 * of a post and whose cells, in at least 80 % of the first 50 rows, read as dates. Without one a replay has no event
 * time and cannot see a storm at all, so a guess the cells confirm beats none; a column that is mostly empty or
 * not dates is left alone, because then rows would be refused over it. The replay says which column it took.
 */
export function withGuessedDate(columns: CsvColumns, names: readonly string[], sample: ReadonlyArray<Record<string, string>>): CsvColumns {
  if (columns.createdAt !== undefined) return columns;
  const used = new Set<string>([...columns.ids, ...columns.texts, ...SINGLE_FIELDS.map((f) => columns[f]).filter((n): n is string => n !== undefined)]);
  const rows = sample.slice(0, GUESS_SAMPLE);
  if (rows.length === 0) return columns;
  // A column named for the post ("tweet_date", "post_time", "published…") before any other that says "when".
  const candidates = names.filter((n) => !used.has(n) && DATE_NAME.test(n) && !NOT_POST_DATE.test(n));
  const ordered = [...candidates.filter((n) => POST_WORD.test(n)), ...candidates.filter((n) => !POST_WORD.test(n))];
  for (const name of ordered) {
    const epochAllowed = EPOCH_NAME.test(name);
    const dates = rows.filter((r) => {
      const v = r[name]?.trim() ?? '';
      if (v === '' || (BARE_NUMBER.test(v) && !epochAllowed)) return false;
      const parsed = parseExportDate(v);
      return 'iso' in parsed || parsed.reason.startsWith('ambiguous');
    }).length;
    if (dates >= GUESS_SHARE * rows.length) return { ...columns, createdAt: name, createdAtGuessed: true };
  }
  return columns;
}

/** How far down a listening export's header row may sit below its report metadata. */
export const HEADER_SEARCH_LINES = 20;

const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

export interface CsvHeader {
  /** 1-based line of the header row; the lines above it are report metadata. */
  line: number;
  delimiter: CsvDelimiter;
  /** The header cells, normalised and unique (a repeated name keeps its first column). */
  names: string[];
}

function cells(line: string, delimiter: CsvDelimiter): string[] {
  try {
    const [row] = parseCsv(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return (row ?? []).map(normaliseHeader);
  } catch {
    return [];
  }
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    const key = name && !seen.has(name) ? name : `${name || 'column'}#${i + 1}`;
    seen.add(key);
    return key;
  });
}

/**
 * The header row among a file's first lines: the first row with a text column and at least one more known
 * column, under the delimiter that finds the most known columns (German spreadsheets write `;`, some tools tabs).
 * Failing that, a first line with a text column alone is the header, as plain CSVs have it. Undefined for a file
 * without a non-empty line; a file with no header at all is refused, naming what a header needs.
 */
export function findCsvHeader(head: readonly string[]): CsvHeader | undefined {
  const lines = head.slice(0, HEADER_SEARCH_LINES).map((l) => l.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    let best: { delimiter: CsvDelimiter; names: string[]; known: number } | undefined;
    for (const delimiter of DELIMITERS) {
      const names = cells(lines[i]!, delimiter);
      const known = names.filter((n) => KNOWN.has(n)).length;
      if (names.some((n) => TEXTS.has(n)) && known >= 2 && known > (best?.known ?? 0)) best = { delimiter, names, known };
    }
    if (best) return { line: i + 1, delimiter: best.delimiter, names: unique(best.names) };
  }
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return undefined;
  for (const delimiter of DELIMITERS) {
    const names = cells(lines[first]!, delimiter);
    if (names.some((n) => TEXTS.has(n))) return { line: first + 1, delimiter, names: unique(names) };
  }
  throw new Error(
    `CSV has no text column: expected one of ${TEXT_COLUMNS.join(', ')} in the header (found: ${cells(lines[first]!, ',').join(', ')}; ` +
      `looked for a header row in the first ${HEADER_SEARCH_LINES} lines)`,
  );
}
