/**
 * `npm run bench:classify`: posts per second on one core (Node runs this single-threaded) for
 *   1. reading + tokenising only (classifiers/text.ts `prepare`, what every classifier starts with),
 *   2. the learned text model alone (complaint + sentiment + severity),
 *   3. all classifiers together (`createClassifier` with `createTextModel('learned')`),
 *   4. the brand reply kinds alone (`classifyReply`, which a brand's own posts get besides the rest),
 * over the same posts in one run, plus model load time and heap/RSS growth of the load.
 * Targets (issue 4): all classifiers ≥ 20,000 posts/s and ≥ 0.25 of the tokenising rate. Prints; never fails.
 * Rates are per CPU-second of this process (see `rate`), so a busy machine distorts them less than wall time.
 *
 * Posts: the GermEval test_dia texts and the English complaint tweets from ../shared/data (real lengths and
 * a real language mix), cut to 280 characters like a post preview; falls back to the seeds if absent.
 *
 * Usage: npm run bench:classify -- [--seconds N] [--data DIR]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readComplaintsCsv } from '../src/datasets/complaints.ts';
import { readGermEval } from '../src/datasets/germeval.ts';
import type { Brand, Mention } from '../src/model.ts';
import { prepare } from '../classifiers/text.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' }, data: { type: 'string', default: '../shared/data' } } });
const seconds = Number(values.seconds);
const dataDir = values.data;

function loadTexts(): string[] {
  const ge = join(dataDir, 'germeval2017/test_dia.xml');
  const en = join(dataDir, 'complaints-en/complaints.csv');
  if (!existsSync(ge) || !existsSync(en)) throw new Error(`bench needs ${ge} and ${en} (see ../shared/data/README.md)`);
  const texts = [...readGermEval(ge).map((d) => d.text), ...readComplaintsCsv(en).map((r) => r.text)];
  return texts.map((t) => t.slice(0, 280)).filter((t) => t.length > 0);
}

const texts = loadTexts();
const posts: Mention[] = texts.map((text, i) => ({
  id: `bench:${i}`,
  source: 'bench',
  author: { id: `u${i % 500}`, isBrand: false },
  text,
  createdAt: '2026-01-01T00:00:00.000Z',
  thread: { rootId: `bench:${i}` },
  metrics: { likes: 0, shares: 0, replies: 0 },
  channel: 'post',
  brandContext: [],
}));
const brands: Brand[] = [
  { id: 'deutsche-bahn', name: 'Deutsche Bahn', query: '"deutsche bahn" OR bahn OR @DB_Bahn OR @DB_Info OR #bahn', accounts: ['DB_Bahn', 'DB_Info'], language: 'de' },
  { id: 'amazon', name: 'Amazon', query: 'amazon OR @AmazonHelp', accounts: ['AmazonHelp'], language: 'en' },
];

/**
 * Runs `fn` over all posts repeatedly for about `seconds` of this process's CPU time, after one warm-up pass;
 * returns posts per CPU-second. CPU time (process.cpuUsage) rather than wall time, because on a shared machine
 * wall time also counts the time other processes held the core; the wall-clock rate is printed alongside.
 */
function rate(name: string, fn: (i: number) => unknown): number {
  let sink = 0;
  for (let i = 0; i < posts.length; i++) sink += fn(i) ? 1 : 0;
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const cpuSeconds = (): number => {
    const u = process.cpuUsage(cpu0);
    return (u.user + u.system) / 1e6;
  };
  while (cpuSeconds() < seconds) {
    for (let i = 0; i < posts.length; i++) sink += fn(i) ? 1 : 0;
    n += posts.length;
  }
  const perSec = n / cpuSeconds();
  const wall = n / ((performance.now() - start) / 1000);
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(10);
  console.log(`${name.padEnd(44)} ${fmt(perSec)} posts/CPU-s  (wall ${fmt(wall).trim()} posts/s; ${n} posts, sink ${sink % 7})`);
  return perSec;
}

/** A fixed integer loop: on a shared machine it shows how much of a core this run actually got. */
function cpuCalibration(): number {
  let h = 0;
  const t = performance.now();
  for (let i = 0; i < 1e8; i++) h = Math.imul(h ^ i, 16777619);
  const ms = performance.now() - t;
  return h === 0.5 ? -1 : ms;
}

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;
globalThis.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const { loadLearnedModel } = await import('../classifiers/learned/index.ts');
const learned = loadLearnedModel();
const loadMs = performance.now() - t0;
globalThis.gc?.();
const mem = process.memoryUsage();
console.log(`CPU calibration: 1e8 integer multiply steps in ${cpuCalibration().toFixed(0)} ms (lower = more of a core for this run)`);
console.log(`posts: ${posts.length} (GermEval test_dia + English complaints, ≤ 280 chars)`);
console.log(`learned model load: ${loadMs.toFixed(0)} ms, heap +${mb(mem.heapUsed - heap0)}, RSS +${mb(mem.rss - rss0)}, ` +
  `array buffers ${mb(mem.arrayBuffers)}${globalThis.gc ? '' : ' (run with --expose-gc for steadier heap figures)'}`);

const { createClassifier, createTextModel } = await import('../classifiers/index.ts');
const { classifyReply } = await import('../classifiers/reply-kind.ts');
const classify = createClassifier({ brands, textModel: createTextModel('learned'), clock: () => new Date(0) });
const langOf = (i: number): 'de' | 'en' => (i < texts.length - 2745 ? 'de' : 'en');

const tokenising = rate('read + tokenise (prepare)', (i) => prepare((posts[i] as Mention).text).tokens.length);
const alone = rate('learned text model alone (3 calls)', (i) => {
  const t = (posts[i] as Mention).text;
  const lang = langOf(i);
  return learned.complaint(t, lang).score + learned.sentiment(t, lang).score + learned.severity(t, lang);
});
const all = rate('all classifiers (createClassifier, learned)', (i) => classify(posts[i] as Mention).complaint.isComplaint);
// A brand's posts also get a reply kind (answer, holding, redirect, …); the same texts stand in for brand replies.
rate('brand reply kind alone (classifyReply)', (i) => classifyReply((posts[i] as Mention).text, langOf(i)).kind === 'answer');
console.log(`learned alone / tokenising: ${(alone / tokenising).toFixed(2)}; all classifiers / tokenising: ${(all / tokenising).toFixed(2)} (target ≥ 0.25), ` +
  `all classifiers ${all >= 20_000 ? '≥' : '<'} 20,000 posts/s`);
