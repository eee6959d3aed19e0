/**
 * The data model: one schema per boundary type, the one place a field is defined.
 * Everything entering from outside (feeds, HTTP, bus messages, files) is parsed with these schemas.
 */
import { z } from 'zod';

/** Longest post text we accept; longer input is quarantined with a reason instead of bloating the store. */
export const MAX_TEXT_CHARS = 50_000;

// Control characters (NUL and the rest of C0 but tab and line breaks, C1) and the bidi embeddings, overrides and
// isolates: a pushed post carrying U+202E reversed the text after it in a chat alert, and a NUL was stored as given.
// Also the invisible in-word characters (soft hyphen, zero-width space, word joiner, BOM): German web text carries
// "&shy;", and "Funk\u00ADwelle" matched no brand and no search for "Funkwelle" (QA round 6). The zero-width
// (non-)joiners stay: emoji sequences and some scripts need them.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;

/** For names people type (an analyst's name, a saved search's): no control or bidi characters. */
export const NO_CONTROL_OR_BIDI = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u;

// Without the u flag, so the halves of a pair are seen one by one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Post text as stored and shown: control, bidi-override and invisible in-word characters removed, a lone surrogate made U+FFFD. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Anything but white space and the zero-width/format characters a post can consist of without saying anything. */
const VISIBLE_CHARACTER = /[^\s\u200b-\u200f\u2060-\u2064\ufeff]/u;

export const SourceName = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case source name such as "twitter"');

/** `<source>:<native id>`: the idempotency key everywhere (bus keys, store ids, alert references). */
export const MentionId = z.string().min(3).max(512).regex(/^[a-z][a-z0-9_-]{0,31}:\S/, 'an id of the form "<source>:<native id>"');

export const Channel = z.enum(['post', 'reply', 'page_comment', 'blog_post', 'blog_comment', 'review', 'news']);
export type Channel = z.infer<typeof Channel>;

// Already in the normal form: every bus message carries two or three of these, and re-formatting a valid one
// through Date (the regex above has checked month lengths and leap years) returns the same string at 5× the cost.
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** ISO-8601 timestamp with offset; normalised to UTC `Z` form so string order is time order. */
export const Timestamp = z
  .string()
  .datetime({ offset: true, message: 'an ISO-8601 time with its zone, e.g. 2026-11-30T08:00:00Z or 2026-11-30T09:00:00+01:00' })
  .transform((s) => (CANONICAL_UTC.test(s) ? s : new Date(s).toISOString()));

// Author fields are shown in the dashboard and in chat alerts like the text: cleaned the same way (QA round 6: a name
// with U+202E was stored and shown as given).
/** Longest author id the schema takes. */
export const AUTHOR_ID_MAX = 256;

export const Author = z
  .object({
    id: z.string().min(1).max(AUTHOR_ID_MAX).transform(withoutControlCharacters).refine((id) => id.length > 0, 'an id with visible characters'),
    handle: z.string().max(256).transform(withoutControlCharacters).optional(),
    name: z.string().max(512).transform(withoutControlCharacters).optional(),
    /** True when the author is one of a configured brand's own accounts. */
    isBrand: z.boolean().default(false),
  })
  .strict();
export type Author = z.infer<typeof Author>;

export const Thread = z
  .object({
    /** Id of the first post of the conversation (the thread's question, the blog post, the page post). */
    rootId: MentionId,
    /** Id of the post this one answers; absent for a root. */
    parentId: MentionId.optional(),
  })
  .strict();

export const Metrics = z
  .object({
    likes: z.number().int().nonnegative().default(0),
    shares: z.number().int().nonnegative().default(0),
    replies: z.number().int().nonnegative().default(0),
  })
  .strict();

/** Links shown to analysts and posted to chat: only http(s), never `javascript:` or `data:`. */
export const WebUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http or https URL');

export const Mention = z
  .object({
    id: MentionId,
    source: SourceName,
    url: WebUrl.optional(),
    author: Author,
    title: z.string().max(1000).transform(withoutControlCharacters).optional(),
    /** Plain text: ingestors turn HTML into text; the dashboard escapes it on output. */
    text: z
      .string()
      .min(1)
      .max(MAX_TEXT_CHARS, `text longer than ${MAX_TEXT_CHARS} characters`)
      .transform(withoutControlCharacters)
      .refine((t) => VISIBLE_CHARACTER.test(t), 'text is blank (only spaces or invisible characters)'),
    createdAt: Timestamp,
    thread: Thread,
    metrics: Metrics.prefault({}),
    channel: Channel,
    /**
     * Brands whose own space the mention appeared in (their page, account timeline, blog), as the
     * source knows it; the brand matcher adds brands found by query.
     */
    brandContext: z.array(z.string().min(1).max(64)).max(16).default([]),
    /** Language given by the source, if any; the classifier decides. */
    langHint: z.string().max(8).optional(),
    ingestedAt: Timestamp.optional(),
  })
  .strict();
export type Mention = z.infer<typeof Mention>;
export type MentionInput = z.input<typeof Mention>;

export const Lang = z.enum(['de', 'en', 'other']);
export type Lang = z.infer<typeof Lang>;

/** One reason behind a flag, shown to analysts: the phrase or feature and how much it weighed. */
export const Cue = z
  .object({
    cue: z.string().min(1).max(200),
    weight: z.number(),
    /** Character offsets in `text` where the cue matched, when it is a span. */
    span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  })
  .strict();
export type Cue = z.infer<typeof Cue>;

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const Intent = z.enum([
  'delivery',
  'billing',
  'support_unreachable',
  'cancellation_threat',
  'product_defect',
  'staff_behaviour',
  'question',
]);
export type Intent = z.infer<typeof Intent>;

/** How a brand's reply treats the customer: only `answer` closes an unanswered thread. */
export const ReplyKind = z.enum(['answer', 'request_info', 'auto_reply', 'deflection']);
export type ReplyKind = z.infer<typeof ReplyKind>;

export const Complaint = z
  .object({
    score: z.number().min(0).max(1),
    isComplaint: z.boolean(),
    cues: z.array(Cue).max(50),
    /** 0 = not a complaint; 1..4 = no explicit reproach, disapproval, accusation, blame. */
    severity: z.number().int().min(0).max(4),
  })
  .strict();
export type Complaint = z.infer<typeof Complaint>;

export const Classified = Mention.extend({
  lang: Lang,
  brands: z.array(z.string().min(1).max(64)).max(64),
  complaint: Complaint,
  sentiment: z.object({ label: SentimentLabel, score: z.number().min(-1).max(1) }).strict(),
  intents: z.array(Intent),
  /** Set on posts by brand accounts. */
  replyKind: ReplyKind.optional(),
  classifiedAt: Timestamp,
  model: z.string().max(100),
  /**
   * The `mentions` partition the post was read from, of how many: the detect stage puts event time back in order
   * across them (src/stages/detect-reorder.ts). Bus-only: not stored.
   */
  lane: z.object({ partition: z.number().int().min(0).max(255), of: z.number().int().min(1).max(256) }).strict().optional(),
}).strict();
export type Classified = z.infer<typeof Classified>;

export const AlertKind = z.enum(['unanswered', 'shitstorm', 'complaint']);
export type AlertKind = z.infer<typeof AlertKind>;
export const AlertSeverity = z.enum(['info', 'watch', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Position of a severity from info (0) to critical (3), for comparing two. */
export function alertSeverityRank(s: AlertSeverity): number {
  return AlertSeverity.options.indexOf(s);
}
export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type JsonValue = z.infer<typeof JsonScalar> | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([JsonScalar, z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const AlertExample = z
  .object({
    id: MentionId,
    text: z.string().max(2000),
    url: WebUrl.optional(),
    author: z.string().max(256).optional(),
    createdAt: Timestamp,
  })
  .strict();

export const Alert = z
  .object({
    id: z.string().min(1).max(256),
    kind: AlertKind,
    brand: z.string().min(1).max(64),
    severity: AlertSeverity,
    status: AlertStatus,
    title: z.string().max(500),
    openedAt: Timestamp,
    updatedAt: Timestamp,
    resolvedAt: Timestamp.optional(),
    acknowledgedAt: Timestamp.optional(),
    /** Mention ids behind the alert (thread posts, burst examples). */
    mentions: z.array(MentionId).max(200),
    examples: z.array(AlertExample).max(10).default([]),
    /** The numbers that caused it (counts, baseline, SLA, waited minutes, score), for analysts and messages. */
    evidence: z.record(z.string(), JsonValue),
    /** Same dedupeKey = same incident: a detector updates the alert instead of opening another. */
    dedupeKey: z.string().min(1).max(256),
    /** Grows with every update so notifiers can tell new from old. */
    revision: z.number().int().nonnegative().default(0),
  })
  .strict();
export type Alert = z.infer<typeof Alert>;
export type AlertInput = z.input<typeof Alert>;

export const BusinessHours = z
  .object({
    timeZone: z.string().min(1),
    /** ISO weekdays, 1 = Monday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    start: z.string().regex(/^\d{2}:\d{2}$/),
    end: z.string().regex(/^\d{2}:\d{2}$/),
  })
  .strict();
export type BusinessHours = z.infer<typeof BusinessHours>;

/** SLA minutes keyed by source name (twitter, facebook, rss, ...) or channel (page_comment, review, ...). */
export const SlaMinutes = z.record(z.string(), z.number().positive());

export const Brand = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a lower-case id such as "deutsche-bahn"'),
    name: z.string().min(1).max(200),
    /** Boolean query: phrases, AND/OR/NOT, parentheses, @handles, #hashtags. */
    query: z.string().min(1).max(4000),
    /** The brand's own accounts (handles, author ids, page ids, blog author names): their posts are brand replies. */
    accounts: z.array(z.string().min(1).max(256)).default([]),
    sla: SlaMinutes.optional(),
    businessHours: BusinessHours.optional(),
    /** Language of alert messages and of the brand's audience. */
    language: z.enum(['de', 'en']).default('de'),
  })
  .strict();
export type Brand = z.infer<typeof Brand>;
