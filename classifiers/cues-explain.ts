/**
 * What an analyst sees of the cue model's reasons: each cue hit as a label, the quoted passage and its signed
 * weight as it counted (failures halved for an observer and not counted in the company's own notice, shrunk for a
 * resolved problem, flipped for praise and commentary), strongest first. Kept apart from the scoring in cues.ts, which
 * only needs the sums.
 */
import type { Cue } from '../src/model.ts';
import type { Hit } from './cues-types.ts';
import type { PreparedText } from './text.ts';

const MAX_CUES = 20;
/** How an analyst tells commentary cues (news, a company's notice, an advert, staff speaking) from the rest. */
export const COMMENTARY_PREFIX = 'Kommentar/commentary: ';

/**
 * Weight of the failures and negative words before a resolution that nothing contradicts ("Die Heizung war kaputt,
 * der Notdienst hat alles repariert. Klasse!"): the post reports them as history. Not zero, so a resolved post
 * with a heavy complaint in it ("nach sechs Wochen und drei Mahnungen endlich erstattet") keeps some weight.
 */
export const RESOLVED_FACTOR = 0.2;

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function explain(hits: Hit[], p: PreparedText, f: { praiseIsIrony: boolean; irony: boolean; failureFactor: number; evaluationFactor: number; resolved: boolean }): Cue[] {
  const cues: Cue[] = [];
  for (const h of hits) {
    let { label } = h.def;
    let weight = h.def.weight;
    switch (h.def.kind) {
      case 'failure':
        weight *= f.failureFactor;
        if (f.resolved) weight *= RESOLVED_FACTOR;
        break;
      case 'negative':
        weight = h.negated ? -0.5 * weight : weight * f.evaluationFactor * (f.resolved ? RESOLVED_FACTOR : 1);
        if (h.negated) label = `negiert/negated: ${label}`;
        break;
      case 'positive':
        if (h.negated) {
          weight = 0.6 * weight;
          label = `negiert/negated: ${label}`;
        } else if (f.irony) {
          label = `ironisch/ironic: ${label}`;
        } else weight = f.praiseIsIrony ? -0.2 * weight : -0.7 * weight;
        break;
      case 'resolution':
        weight = f.resolved && !h.negated ? -0.7 * weight : 0;
        if (h.negated) label = `negiert/negated: ${label}`;
        break;
      case 'commentary':
        weight = -weight;
        label = `${COMMENTARY_PREFIX}${label}`;
        break;
      case 'question':
        weight = -0.4;
        break;
      default:
        break;
    }
    const start = p.toOriginal(h.start);
    const end = p.toOriginal(h.end);
    cues.push({ cue: `${label} „${p.original.slice(start, end)}“`.slice(0, 200), weight: round3(weight), span: [start, end] });
  }
  cues.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return cues.slice(0, MAX_CUES);
}
