/**
 * Builds demo/demo.jsonl from the conversations in demo/content/: assigns ids (`demo:<n>` in time order),
 * thread links, URLs and reply counts, validates every line with the Mention schema, and writes the file.
 * Deterministic: the same content always gives the same file (a test checks that the file is up to date).
 *
 *   npx tsx demo/build.ts          # rewrite demo/demo.jsonl
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mention, type Channel, type MentionInput } from '../src/model.ts';
import { BACKGROUND_THREADS } from './content/background.ts';
import { BRIGHTWATT_THREADS } from './content/brightwatt.ts';
import { FUNKWELLE_BURST, FUNKWELLE_STATUS, FUNKWELLE_THREADS } from './content/funkwelle.ts';
import { KRANICH_THREADS } from './content/kranich.ts';
import { NORDBAHN_THREADS } from './content/nordbahn.ts';
import type { DemoBrandAccount, DemoThread } from './content/types.ts';

export const DEMO_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo.jsonl');

/** The brands' own accounts, as listed under `accounts` in demo/kundenradar.yaml. */
export const BRAND_ACCOUNTS: Record<string, DemoBrandAccount> = {
  nordbahn: { id: 'nordbahn_service', handle: 'nordbahn_service', name: 'Nordbahn Service' },
  funkwelle: { id: 'funkwelle_hilft', handle: 'funkwelle_hilft', name: 'Funkwelle Kundenservice' },
  kranich: { id: 'kranich_shop', handle: 'kranich_shop', name: 'Kranich Versand' },
  brightwatt: { id: 'brightwatt_care', handle: 'brightwatt_care', name: 'Brightwatt Energy' },
};

/** The storm: Saturday evening, 38 posts from 38 people within one hour (an emerging shitstorm). */
const BURST_START = Date.parse('2026-11-28T17:52:00Z');
const BURST_MINUTES = 60;

interface Draft {
  at: number;
  key: string;
  parentKey?: string;
  rootKey: string;
  input: Omit<MentionInput, 'id' | 'thread' | 'url' | 'createdAt'>;
}

const MINUTE = 60_000;

/** Small deterministic generator (LCG) for the burst's arrival times: no Math.random, same file every build. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function authorFor(brand: string, who: string): MentionInput['author'] {
  if (who === 'brand' && brand !== 'none') {
    const a = BRAND_ACCOUNTS[brand];
    if (!a) throw new Error(`demo content: no account for brand "${brand}"`);
    return { id: a.id, handle: a.handle, name: a.name };
  }
  return { id: `demo-user-${who}`, handle: who };
}

function threadDrafts(threads: DemoThread[], prefix: string): Draft[] {
  const drafts: Draft[] = [];
  threads.forEach((t, ti) => {
    let at = Date.parse(`${t.start}:00Z`);
    if (Number.isNaN(at)) throw new Error(`demo content: bad start "${t.start}"`);
    const rootKey = `${prefix}${ti}:0`;
    t.posts.forEach((p, pi) => {
      if (pi > 0) at += (p.after ?? 30) * MINUTE;
      const channel: Channel = pi === 0 ? t.channel : t.channel === 'page_comment' ? 'page_comment' : 'reply';
      drafts.push({
        at,
        key: `${prefix}${ti}:${pi}`,
        rootKey,
        parentKey: pi > 0 ? `${prefix}${ti}:${pi - 1}` : undefined,
        input: {
          source: 'demo',
          author: authorFor(t.brand, p.who),
          ...(pi === 0 && t.title ? { title: t.title } : {}),
          text: p.text,
          metrics: { likes: p.likes ?? 0, shares: p.shares ?? 0, replies: 0 },
          channel,
          brandContext: t.onBrandPage ? [t.brand] : [],
        },
      });
    });
  });
  return drafts;
}

function burstDrafts(): Draft[] {
  const rand = lcg(20261128);
  // Arrivals accelerate: minute = 60 · u^0.7 puts more posts into the later part of the hour, like a storm
  // that is still growing when it is detected.
  const drafts: Draft[] = FUNKWELLE_BURST.map((p, i) => {
    const minute = BURST_MINUTES * Math.pow(rand(), 0.7);
    const key = `burst:${i}`;
    return {
      at: BURST_START + Math.round(minute * 60) * 1000,
      key,
      rootKey: key,
      input: {
        source: 'demo',
        author: authorFor('funkwelle', p.who),
        text: p.text,
        metrics: { likes: p.likes ?? 0, shares: p.shares ?? 0, replies: 0 },
        channel: 'post',
        brandContext: [],
      },
    };
  });
  FUNKWELLE_STATUS.forEach((s, i) => {
    const key = `status:${i}`;
    drafts.push({
      at: BURST_START + s.minute * MINUTE,
      key,
      rootKey: key,
      input: { source: 'demo', author: authorFor('funkwelle', 'brand'), text: s.text, metrics: { likes: 0, shares: 0, replies: 0 }, channel: 'post', brandContext: [] },
    });
  });
  return drafts;
}

function urlFor(channel: Channel, handle: string | undefined, n: number): string {
  switch (channel) {
    case 'page_comment':
      return `https://facebook.example/kranichversand/posts/${n}`;
    case 'news':
      return `https://news.example/artikel/${n}`;
    case 'blog_post':
      return `https://blog.example/${handle ?? 'blog'}/${n}`;
    case 'review':
      return `https://reviews.example/kranich-versand/${n}`;
    default:
      return `https://social.example/${handle ?? 'user'}/status/${n}`;
  }
}

/** All demo mentions in time order, validated. */
export function buildDemoMentions(): Mention[] {
  const drafts = [
    ...threadDrafts(NORDBAHN_THREADS, 'nb'),
    ...threadDrafts(FUNKWELLE_THREADS, 'fw'),
    ...threadDrafts(KRANICH_THREADS, 'kr'),
    ...threadDrafts(BRIGHTWATT_THREADS, 'bw'),
    ...threadDrafts(BACKGROUND_THREADS, 'bg'),
    ...burstDrafts(),
  ].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  const idOf = new Map<string, string>();
  drafts.forEach((d, i) => idOf.set(d.key, `demo:${i + 1}`));
  const replies = new Map<string, number>();
  for (const d of drafts) if (d.parentKey) replies.set(d.parentKey, (replies.get(d.parentKey) ?? 0) + 1);
  return drafts.map((d, i) => {
    const id = idOf.get(d.key) as string;
    const rootId = idOf.get(d.rootKey);
    const parentId = d.parentKey ? idOf.get(d.parentKey) : undefined;
    if (!rootId || (d.parentKey && !parentId)) throw new Error(`demo content: broken thread link at ${d.key}`);
    const metrics = { likes: d.input.metrics?.likes ?? 0, shares: d.input.metrics?.shares ?? 0, replies: replies.get(d.key) ?? 0 };
    return Mention.parse({
      id,
      ...d.input,
      url: urlFor(d.input.channel, d.input.author.handle, i + 1),
      createdAt: new Date(d.at).toISOString(),
      thread: parentId ? { rootId, parentId } : { rootId },
      metrics,
    });
  });
}

export function renderDemoJsonl(): string {
  return buildDemoMentions()
    .map((m) => JSON.stringify(m))
    .join('\n')
    .concat('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_FILE, renderDemoJsonl());
  process.stderr.write(`wrote ${DEMO_FILE}\n`);
}
