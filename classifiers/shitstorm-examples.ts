/**
 * The example posts a shitstorm alert shows: per bucket the most shared negative posts, a reshare standing for the
 * post it copies, one per author and one per text; over a window, the same post's shares counted together.
 */
import { z } from 'zod';
import type { Classified } from '../src/model.ts';
import { authorLabel } from './alert-format.ts';

const MAX_EXAMPLES = 3;
const EXAMPLE_CHARS = 280;

export const Example = z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: z.string(), url: z.string().optional(), shares: z.number() });
export type Example = z.infer<typeof Example>;

/** Letters and digits only: copies that differ by an emoji, a tag or punctuation are one text to an analyst. */
function textKey(text: string): string {
  return text.toLowerCase().replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]*|[^\p{L}\p{N}@#]+/gu, '');
}

/**
 * Keeps the bucket's most shared negative posts as examples. A reshare stands for the post it copies, under that
 * post's author: each reshare of a kept original adds one share to it, so the storm's viral posts rise to the top
 * of the list instead of a retweeter's copy, or a routine complaint that happened to come first. One example per
 * author (as named) and one per text.
 */
export function addExample(examples: Example[], m: Classified, reshare: RegExpExecArray | null): void {
  const own = reshare === null ? m.text : m.text.slice(reshare[0].length);
  const text = own.length > EXAMPLE_CHARS ? `${own.slice(0, EXAMPLE_CHARS - 1)}…` : own;
  const key = textKey(text);
  const kept = examples.find((e) => textKey(e.text) === key);
  if (kept) {
    if (reshare !== null) {
      kept.shares += 1;
      examples.sort((x, y) => y.shares - x.shares);
    } else if (kept.url === undefined && m.url !== undefined) {
      // The original, after a reshare stood for it: its own link and time.
      Object.assign(kept, { id: m.id, createdAt: m.createdAt, url: m.url });
    }
    return;
  }
  const shares = reshare === null ? m.metrics.shares : 1;
  if (examples.length >= MAX_EXAMPLES && shares <= (examples.at(-1)?.shares ?? 0)) return;
  // Named as alerts name people (alert-format.ts): "@handle" where the source has handles, else the display
  // name; a Facebook commenter's numeric id only when nothing else is known. A reshare whose original's author the
  // file did not name ("RT: …") is shown under whoever posted the copy.
  const author =
    reshare?.[1] !== undefined
      ? `@${reshare[1]}`
      : (authorLabel({ ...(m.author.handle ? { handle: m.author.handle } : {}), ...(m.author.name ? { name: m.author.name } : {}) }, m) ?? m.author.id);
  if (examples.some((e) => e.author === author)) return;
  // A reshare shown under the original's author gets no link: the copy's link (and another person's status) beside the
  // original's author misled (QA firestorm round 5: @jess_travels_ with @liam_nrw7820's status link).
  const link = reshare?.[1] === undefined && m.url ? { url: m.url } : {};
  examples.push({ id: m.id, text, author, createdAt: m.createdAt, ...link, shares });
  examples.sort((x, y) => y.shares - x.shares);
  examples.length = Math.min(examples.length, MAX_EXAMPLES);
}

export function topExamples(buckets: ReadonlyArray<{ examples: readonly Example[] }>, n: number): Example[] {
  // The same post kept in several buckets (an original and its reshares over an hour) counts its shares together.
  const byText = new Map<string, Example>();
  for (const b of buckets) {
    for (const e of b.examples) {
      const key = textKey(e.text);
      const kept = byText.get(key);
      if (kept) byText.set(key, { ...kept, shares: kept.shares + e.shares });
      else byText.set(key, e);
    }
  }
  const all = [...byText.values()].sort((a, b) => b.shares - a.shares || (a.createdAt < b.createdAt ? -1 : 1));
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const e of all) {
    if (seen.has(e.author)) continue;
    seen.add(e.author);
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}
