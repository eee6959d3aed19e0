/**
 * Sample mentions and alerts for the store contract: German and English posts side by side, built through the
 * model schemas so every fixture is a valid Classified/Alert exactly as the pipeline would produce it.
 */
import { Alert, Classified, type AlertInput } from '../../src/model.ts';
import type { Channel, Intent, Lang, SentimentLabel } from '../../src/model.ts';

export interface MentionSpec {
  id: string;
  text: string;
  createdAt: string;
  lang?: Lang;
  brands?: string[];
  complaint?: boolean;
  sentiment?: SentimentLabel;
  intents?: Intent[];
  byBrand?: boolean;
  rootId?: string;
  parentId?: string;
  title?: string;
  /** Default: reply with a parent, else post. */
  channel?: Channel;
  /** Complaint severity; default 2 (disapproval) for a complaint, 0 otherwise. */
  severity?: number;
}

export function mention(spec: MentionSpec): Classified {
  const source = spec.id.slice(0, spec.id.indexOf(':'));
  const complaint = spec.complaint ?? false;
  return Classified.parse({
    id: spec.id,
    source,
    url: `https://example.org/${encodeURIComponent(spec.id)}`,
    author: spec.byBrand ? { id: 'brand-account', handle: '@brand', isBrand: true } : { id: `author-${spec.id}`, name: 'Kundin K.' },
    title: spec.title,
    text: spec.text,
    createdAt: spec.createdAt,
    thread: { rootId: spec.rootId ?? spec.id, parentId: spec.parentId },
    channel: spec.channel ?? (spec.parentId ? 'reply' : 'post'),
    lang: spec.lang ?? 'de',
    brands: spec.brands ?? [],
    complaint: {
      score: complaint ? 0.9 : 0.1,
      isComplaint: complaint,
      cues: complaint ? [{ cue: 'keine Antwort', weight: 0.5 }] : [],
      severity: spec.severity ?? (complaint ? 2 : 0),
    },
    sentiment: { label: spec.sentiment ?? 'neutral', score: spec.sentiment === 'negative' ? -0.8 : spec.sentiment === 'positive' ? 0.8 : 0 },
    intents: spec.intents ?? [],
    classifiedAt: '2026-03-10T00:00:00.000Z',
    model: 'contract-fixture',
  });
}

/**
 * Monday 2 March 2026 to Thursday 5 March 2026 (UTC). Ids say the language: the suite refers to them by name.
 * `twitter:de-verspaetung` has a brand reply in its thread. Complaint severities 2, 2 and 3 (the Mahnung); channels
 * post, reply, page_comment and review.
 */
export const SAMPLE: readonly Classified[] = [
  mention({
    id: 'twitter:de-verspaetung',
    text: 'Die Verspätung heute war wieder unerträglich, und keine Antwort vom Kundenservice. #bahnchaos',
    createdAt: '2026-03-02T08:01:00Z',
    brands: ['bahn'],
    complaint: true,
    sentiment: 'negative',
    intents: ['delivery', 'support_unreachable'],
  }),
  mention({
    id: 'twitter:de-antwort-bahn',
    text: 'Das tut uns leid! Bitte schreib uns eine DM mit deiner Buchungsnummer.',
    createdAt: '2026-03-02T08:20:00Z',
    brands: ['bahn'],
    byBrand: true,
    rootId: 'twitter:de-verspaetung',
    parentId: 'twitter:de-verspaetung',
  }),
  mention({
    id: 'twitter:en-delayed',
    text: 'My parcel was delayed again and still no reply from support.',
    createdAt: '2026-03-02T09:30:00Z',
    lang: 'en',
    brands: ['dhl'],
    complaint: true,
    sentiment: 'negative',
    intents: ['delivery', 'support_unreachable'],
  }),
  mention({
    id: 'facebook:de-strasse',
    text: 'Danke für die schnelle Hilfe, die Straße war gesperrt, aber alles gut.',
    createdAt: '2026-03-03T10:00:00Z',
    brands: ['bahn'],
    channel: 'page_comment',
    sentiment: 'positive',
  }),
  mention({
    id: 'rss:en-refund',
    title: 'Great service',
    text: 'Thanks for the quick refund, the customer service was friendly.',
    createdAt: '2026-03-04T11:00:00Z',
    lang: 'en',
    brands: ['dhl'],
    channel: 'review',
    sentiment: 'positive',
  }),
  mention({
    id: 'facebook:de-mahnung',
    text: '@telekom_hilft Mahnung erhalten, obwohl die Rechnung längst bezahlt ist. Ich drohe mit Kündigung! Siehe telekom.example/faq',
    createdAt: '2026-03-05T12:00:00Z',
    brands: ['telekom'],
    channel: 'page_comment',
    complaint: true,
    severity: 3,
    sentiment: 'negative',
    intents: ['billing', 'cancellation_threat'],
  }),
];

export function ids(mentions: ReadonlyArray<{ mention: Classified } | Classified>): string[] {
  return mentions.map((m) => ('mention' in m ? m.mention.id : m.id));
}

export function sortedIds(mentions: ReadonlyArray<{ mention: Classified } | Classified>): string[] {
  return ids(mentions).sort();
}

export function alert(overrides: Partial<AlertInput> & Pick<AlertInput, 'id'>): Alert {
  return Alert.parse({
    kind: 'unanswered',
    brand: 'bahn',
    severity: 'warning',
    status: 'open',
    title: 'Beschwerde seit 2 Stunden ohne Antwort',
    openedAt: '2026-03-02T08:01:00Z',
    updatedAt: '2026-03-02T09:01:00Z',
    mentions: ['twitter:de-verspaetung'],
    examples: [
      { id: 'twitter:de-verspaetung', text: 'Die Verspätung heute war wieder unerträglich', createdAt: '2026-03-02T08:01:00Z' },
    ],
    evidence: { waitedMinutes: 60, slaMinutes: 60, nested: { cues: ['keine Antwort'], score: 0.9, ok: null } },
    dedupeKey: `dedupe-${overrides.id}`,
    ...overrides,
  });
}
