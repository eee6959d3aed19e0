/**
 * `detect.complaintAlerts: true`: one alert for every customer complaint about a brand, for care teams that want
 * each complaint in their chat as it arrives, not only the ones left unanswered (noisy: off by default; routes pick
 * it with `kinds: [complaint]`). Stateless: the alert id is the post's, so a post delivered twice gives the same
 * alert, which the store and the outbox take once.
 */
import { authorLabel } from './alert-format.ts';
import type { Alert, AlertSeverity, Brand, Classified } from '../src/model.ts';
import type { StreamDetector } from './types.ts';

/** Complaint severity 1–4 (no reproach … blame) as alert severity: accusations and blame want someone soon. */
const SEVERITY: Record<number, AlertSeverity> = { 1: 'watch', 2: 'watch', 3: 'warning', 4: 'critical' };
const TITLE_TEXT_CHARS = 120;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_TEXT_CHARS ? `${flat.slice(0, TITLE_TEXT_CHARS - 1)}…` : flat;
}

export function complaintAlert(m: Classified, brand: string, brandName: string): Alert {
  const who = authorLabel(m.author, m) ?? m.author.id;
  const id = `complaint:${brand}:${m.id}`;
  return {
    id,
    kind: 'complaint',
    brand,
    severity: SEVERITY[m.complaint.severity] ?? 'watch',
    status: 'open',
    title: `Beschwerde über ${brandName} von ${who}: „${excerpt(m.text)}“`.slice(0, 500),
    openedAt: m.createdAt,
    updatedAt: m.createdAt,
    mentions: [m.id],
    examples: [{ id: m.id, text: m.text.slice(0, 2000), ...(m.url ? { url: m.url } : {}), author: who.slice(0, 256), createdAt: m.createdAt }],
    evidence: {
      score: Math.round(m.complaint.score * 1000) / 1000,
      complaintSeverity: m.complaint.severity,
      cues: m.complaint.cues.slice(0, 5).map((c) => c.cue),
      intents: m.intents,
      sentiment: m.sentiment.label,
      source: m.source,
      channel: m.channel,
      threadRootId: m.thread.rootId,
    },
    dedupeKey: id,
    revision: 0,
  };
}

export function createComplaintAlerter(deps: { brands: readonly Brand[] }): StreamDetector {
  const names = new Map(deps.brands.map((b) => [b.id, b.name]));
  return {
    name: 'complaints',
    restore: async () => undefined,
    async observe(m) {
      if (!m.complaint.isComplaint || m.author.isBrand) return [];
      // The detect stage hands each brand its own view of the post (brands: [that brand]).
      return m.brands.filter((b) => names.has(b)).map((b) => complaintAlert(m, b, names.get(b) ?? b));
    },
    advance: async () => [],
    flush: async () => undefined,
  };
}
