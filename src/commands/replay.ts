/**
 * `kundenradar replay FILE`: runs the same stages on a fresh temporary store and writes every classified
 * mention and every alert as JSON lines. With `--clock event` detectors run on the data's own timestamps, so
 * years of history replay in seconds and behave as they would have live.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { loadConfig, parseConfig, type LoadedConfig } from '../config.ts';
import { createMemoryBus } from '../bus/memory.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { startService } from '../pipeline.ts';
import { slugify, type ReplayFormat } from '../../ingestors/replay-formats.ts';
import { openReplayFile } from '../../ingestors/replay-stream.ts';
import { guessReplayFormat } from '../../ingestors/replay-sniff.ts';
import { ANONYMOUS_AUTHOR, printableReason, rowPlace } from '../../ingestors/replay-rows.ts';
import { emitPaced } from '../../ingestors/replay.ts';
import { brandNamed, pageBrands, pageOf, pageOwners } from '../../ingestors/replay-graph-comments.ts';
import { Alert, Classified, type Brand, type Mention } from '../model.ts';
import type { ClockMode } from '../stages/detect.ts';
import { describeDiscovery, discoverBrands, majorityLanguage } from './replay-brands.ts';
import { mergeFileBrands, withClaimingBrands } from './replay-file-brands.ts';
import { accountsNamedLike, describeAccounts, looksLikeBrand, MAX_ASSUMED_ACCOUNTS } from './replay-accounts.ts';
import { prepare, type PreparedText } from '../../classifiers/text.ts';
import { compileBrandQuery } from '../../classifiers/brand-query.ts';
import { assertTimeZone } from '../time-zone.ts';

export interface ReplayOptions {
  file: string;
  /** Default: told by the file's extension, else by its first bytes (ingestors/replay-sniff.ts). */
  format?: ReplayFormat;
  /** Extra brands tracked by keyword: `NAME` or `NAME=QUERY`. */
  brands?: string[];
  clock?: ClockMode;
  /** Pace for `--clock wall`: N× the recorded speed (0 = as fast as possible). */
  speed?: number;
  mentionsOut?: string;
  /** Each alert's last revision (the alerts as they stand at the end). */
  alertsOut?: string;
  /** Every alert revision as the detectors raised it, in order: when a storm went watch → warning → critical. */
  alertRevisionsOut?: string;
  configFile?: string;
  /**
   * With no `brands` given and no brand of the config or the file matching a post, find the file's subjects
   * and track them as brands (replay-brands.ts). Default true; `--no-discover-brands` turns it off.
   */
  discoverBrands?: boolean;
  /**
   * IANA zone the file's timestamps without a zone were written in (a German export in Europe/Berlin local time);
   * they are read as UTC without it.
   */
  timeZone?: string;
  /** Where progress goes (stderr by default). */
  progress?: (line: string) => void;
}

export interface ReplaySummary {
  mentions: number;
  skipped: number;
  complaints: number;
  alerts: number;
  seconds: number;
}

/** How far past the last post a closed replay moves its clock: every SLA, even over a weekend, has run out. */
const END_OF_DATA_HORIZON_MS = 7 * 24 * 3600_000;

/** Posts looked at to tell a file's language: enough for a clear majority, few enough to cost nothing. */
const LANGUAGE_SAMPLE = 500;

/** The language most of the file's first posts are written in (replay-brands.ts majorityLanguage). */
async function majorityLanguageOf(mentions: AsyncIterable<{ text: string }>): Promise<Brand['language']> {
  const sample: Array<{ prepared: PreparedText }> = [];
  for await (const m of mentions) {
    sample.push({ prepared: prepare(m.text) });
    if (sample.length === LANGUAGE_SAMPLE) break;
  }
  return majorityLanguage(sample);
}

export function brandFromArgument(argument: string): Brand {
  const [name, query] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
  const trimmed = name!.trim();
  // A name alone also finds its handle and hashtag ("Aerolux": "@aerolux …", "#aerolux"): in a tweet dump the brand
  // is mostly addressed, and the handle is one token the phrase does not match.
  const compact = trimmed.replace(/[\s-]+/g, '');
  // A name of two words is also written as one ("Frisch Kauf": "Frischkauf ist furchtbar").
  const oneWord = compact !== trimmed ? ` OR ${compact}` : '';
  const tags = /^[\p{L}\p{N}_]{2,}$/u.test(compact) ? `${oneWord} OR @${compact} OR #${compact}` : '';
  return { id: slugify(trimmed), name: trimmed, query: query?.trim() || `"${trimmed.replace(/"/g, '')}"${tags}`, accounts: [], language: 'de' };
}

/**
 * A discovered brand's accounts and the file's authors that look like it and write like a care team, most of their posts
 * addressed to someone: discovery samples the posts it counts subjects in, and took only handles customers @mention, so a
 * care account answering under its own handle (@SnackoUK_Help, 33 replies: QA firestorm round 4) counted as a customer and
 * answered nobody. An author holding the name who mostly posts on their own ("@SnackoSucks") is no account.
 */
async function withAuthoringAccounts(mentions: AsyncIterable<Mention>, brand: Brand): Promise<string[]> {
  const addressing = new Map<string, { posts: number; addressed: number }>();
  for await (const m of mentions) {
    const handle = (m.author.handle ?? m.author.id).replace(/^@/u, '');
    if (!handle || !looksLikeBrand(handle, brand.name)) continue;
    const tally = addressing.get(handle) ?? { posts: 0, addressed: 0 };
    tally.posts++;
    if (m.thread.parentId !== undefined || /^\s*@/u.test(m.text)) tally.addressed++;
    addressing.set(handle, tally);
  }
  const known = new Set(brand.accounts.map((a) => a.toLowerCase()));
  const writing = [...addressing]
    .filter(([handle, t]) => !known.has(`@${handle.toLowerCase()}`) && t.addressed >= 2 && t.addressed >= CARE_SHARE * t.posts)
    .sort((a, b) => b[1].posts - a[1].posts)
    .map(([handle]) => `@${handle}`);
  return [...brand.accounts, ...writing].slice(0, MAX_ASSUMED_ACCOUNTS);
}

/**
 * A name of several words ("Bäckerei Kornblum") is matched as written; posts that name only its distinctive word
 * ("Kornblum", "#kornblum") are not the brand's (QA firestorm round 4: the storm's peak read 41 instead of 130
 * negatives an hour). Matching a word alone is a guess replay does not make; it says how many posts it would add.
 */
async function partialNameHint(mentions: AsyncIterable<Mention>, brand: Brand): Promise<string | undefined> {
  const words = brand.name.split(/[\s-]+/u).filter((w) => w.length >= 4);
  if (words.length < 2) return undefined;
  const full = compileBrandQuery(brand.query);
  const alone = words.map((w) => ({ word: w, query: compileBrandQuery(`${w.replace(/"/gu, '')} OR #${w} OR @${w}`), posts: 0 }));
  let named = 0;
  for await (const m of mentions) {
    const p = prepare(m.text);
    if (full(p.lower, p.tokens).matched) {
      named++;
      continue;
    }
    for (const a of alone) if (a.query(p.lower, p.tokens).matched) a.posts++;
  }
  const best = alone.sort((x, y) => y.posts - x.posts)[0];
  if (!best || best.posts < Math.max(5, named / 2)) return undefined;
  return `replay: hint: ${best.posts} more posts name "${best.word}" without "${brand.name}" (${named} name it in full) and are not counted for it; --brand '${brand.name}=${best.word}' counts them too`;
}

/** Share of an author's posts that must address someone for the author to be taken as the brand's care account. */
const CARE_SHARE = 0.6;

function openOut(target: string | undefined): { write(line: string): Promise<void>; close(): Promise<void> } | undefined {
  if (!target) return undefined;
  const stream: NodeJS.WritableStream = target === '-' ? process.stdout : createWriteStream(target, { encoding: 'utf8' });
  return {
    async write(line) {
      if (!stream.write(line + '\n')) await once(stream, 'drain');
    },
    async close() {
      if (target !== '-') {
        (stream as WriteStream).end();
        await once(stream, 'finish');
      }
    },
  };
}

/**
 * Refuses an output path that cannot be written before anything is read: a missing directory crashed the replay at
 * its end with an unhandled ENOENT stack trace, after all the work (QA round 6).
 */
function assertOutputTargets(targets: Record<string, string | undefined>): void {
  for (const [option, target] of Object.entries(targets)) {
    if (target === undefined || target === '-') continue;
    const dir = path.dirname(path.resolve(target));
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${option} ${target}: there is no directory ${dir}`);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${option} ${target}: is a directory; give a file name`);
  }
}

export async function runReplay(options: ReplayOptions): Promise<ReplaySummary> {
  const started = Date.now();
  const progress = options.progress ?? ((line: string) => process.stderr.write(line + '\n'));
  // Refused before anything is read: an unknown zone would otherwise fail on the first zone-less row, deep in the file.
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone);
  assertOutputTargets({ '--mentions-out': options.mentionsOut, '--alerts-out': options.alertsOut, '--alert-revisions-out': options.alertRevisionsOut });
  const base: LoadedConfig =
    options.configFile || existsSync('kundenradar.yaml')
      ? loadConfig(options.configFile)
      : { file: '(defaults)', baseDir: process.cwd(), config: parseConfig('{}', '(defaults)'), env: {}, secrets: {} };
  // Node's EISDIR names no path; the first read of a directory would be the guess of its format.
  if (statSync(options.file, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${options.file} is a directory; replay takes a file`);
  // Validated and indexed here; the mentions are read again while they are fed (jsonl and csv are streamed).
  let format = options.format;
  if (!format) {
    const guessed = await guessReplayFormat(options.file);
    format = guessed.format;
    progress(`replay: reading ${options.file} as ${format} (by its ${guessed.by}; --format chooses)`);
  }
  const input = await openReplayFile(options.file, format, { timeZone: options.timeZone }).catch((err: Error) => {
    // Whole-file errors (broken XML, a JSON document cut short) name the place in the file, not the file.
    throw err.message.includes(options.file) ? err : new Error(`${options.file}: ${printableReason(err.message)}`, { cause: err });
  });
  if (input.preamble) {
    const { skippedLines, headerLine } = input.preamble;
    progress(`${options.file}: header row on line ${headerLine}; the ${skippedLines} line(s) above it (report metadata) were not read as posts`);
  }
  for (const error of input.errors) progress(`${rowPlace(options.file, error)}: skipped: ${printableReason(error.reason)}`);
  // An empty file (or a CSV with only its header row) is no error, but a replay of nothing should not pass unnoticed.
  if (input.count === 0 && input.errors.length === 0) progress(`${options.file}: warning: the file holds no posts`);

  // A brand named on the command line speaks the file's language in its alerts (the schema's default is German).
  const fileLanguage = options.brands && options.brands.length > 0 ? await majorityLanguageOf(input.mentions()) : undefined;
  const given: Brand[] = [];
  for (const argument of options.brands ?? []) {
    const b = brandFromArgument(argument);
    const assumed = await accountsNamedLike(input.mentions(), b.name, argument.includes('=') ? b.query : undefined);
    progress(describeAccounts(b.id, assumed));
    const accounts = assumed.map((a) => a.account);
    // Posts addressed only to an account ("@frischkauf_hilft …") are the brand's too, unless the query was given.
    const query = argument.includes('=') ? b.query : [b.query, ...accounts.filter((a) => !b.query.toLowerCase().includes(a.toLowerCase()))].join(' OR ');
    given.push({ ...b, query, accounts, ...(fileLanguage ? { language: fileLanguage } : {}) });
    if (!argument.includes('=')) {
      const hint = await partialNameHint(input.mentions(), b);
      if (hint) progress(hint);
    }
  }
  // The file's own brands (twcs support accounts) that a configured brand or one named on the command line lists as
  // its account are that brand.
  const fileBrands = mergeFileBrands(input.brands, [...base.config.brands, ...given]);
  const known = [...base.config.brands, ...fileBrands.unclaimed];
  for (const [file, brand] of fileBrands.claimedBy) progress(`replay: the file's brand ${file} is the account of brand ${brand}: its posts count for ${brand}`);
  const discovered: Brand[] = [];
  if (given.length === 0 && options.discoverBrands !== false) {
    const discovery = await discoverBrands(input.mentions(), known);
    if (discovery.kind === 'found') {
      for (const d of discovery.brands) d.brand.accounts = await withAuthoringAccounts(input.mentions(), d.brand);
      discovered.push(...discovery.brands.map((d) => d.brand));
    }
    // A page comment storm seldom names the page: its comments are under the brand's own post. The page, answering
    // there as itself, is the brand (replay-graph-comments.ts).
    const tracked = [...known, ...discovered];
    const pageLines: string[] = [];
    for (const owner of await pageOwners(input.mentions())) {
      if (brandNamed(owner.name, tracked) !== undefined) continue;
      const brand: Brand = { ...brandFromArgument(owner.name), accounts: [owner.name], language: await majorityLanguageOf(input.mentions()) };
      pageLines.push(`replay: the file holds comments on the Facebook page "${owner.name}" (${owner.pageId}), which answers there as itself: tracking it as brand ${brand.id}. Pass --brand NAME[=QUERY] to choose.`);
      discovered.push(brand);
    }
    // "No subject stands out … pass --brand" is no news when the page is tracked instead.
    const discoveryLines = discovery.kind === 'found' || pageLines.length === 0 ? describeDiscovery(discovery) : [];
    for (const line of [...discoveryLines, ...pageLines]) progress(line);
  }
  const brands = new Map<string, Brand>();
  for (const b of [...known, ...discovered, ...given]) brands.set(b.id, b);
  // Comments on a brand's own Facebook page are about the brand, named or not (replay-graph-comments.ts).
  const pages = await pageBrands(input.mentions(), [...brands.values()]);
  for (const [page, brand] of pages) progress(`replay: Facebook page ${page} belongs to brand ${brand} (it answers there as the page): comments on it count for the brand`);
  const clock = options.clock ?? 'event';
  let detectors = base.config.detect.detectors;
  if ((input.undated || input.dateOnly) && clock === 'event' && detectors.includes('shitstorm')) {
    // A burst in made-up time (or a whole day's posts at one midnight) is an artefact: no shitstorm alert should come from it.
    detectors = detectors.filter((d) => d !== 'shitstorm');
    const why = input.undated ? 'has no timestamps (posts are placed one second apart)' : 'has dates without a time of day (every post at midnight)';
    progress(`${options.file}: the file ${why}: shitstorm detection is off for this replay`);
  }
  if (input.zonelessTimes) progress(describeZonelessTimes(options.file, input.zonelessTimes, options.timeZone));
  if (input.guessedDateColumn) progress(`${options.file}: post times read from column "${input.guessedDateColumn}" (no known date column; its name and cells read as dates)`);
  if (input.authorless) progress(`${options.file}: the file names no authors: each post counts as its own author, so one loud author cannot be told from many`);
  const loaded: LoadedConfig = {
    ...base,
    // A replay never reaches out: no live sources, no webhooks, no Kafka/Elasticsearch.
    env: {},
    config: { ...base.config, brands: [...brands.values()], sources: [], detect: { ...base.config.detect, clock, detectors } },
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), 'kundenradar-replay-'));
  const bus = createMemoryBus({ capacity: 5_000 });
  const store = await openSqliteStore(path.join(dir, 'replay.db'));
  const service = await startService(loaded, { stages: ['classify', 'index', 'detect'], bus, store });
  const mentionsOut = openOut(options.mentionsOut);
  const alertsOut = openOut(options.alertsOut);
  const revisionsOut = openOut(options.alertRevisionsOut);
  const written = new Set<string>();
  let complaints = 0;
  // Posts per brand named with --brand: one that matches nothing is most likely misspelt, and its "0 alerts" no news.
  const givenPosts = new Map(given.map((b) => [b.id, 0]));
  const tapControl = new AbortController();
  // The output is a consumer like any other: it sees each classified mention once the classify stage made it.
  const tap = bus.consume(
    'classified',
    'replay-output',
    async (batch) => {
      for (const message of batch) {
        const parsed = Classified.safeParse(message.value);
        if (!parsed.success || written.has(parsed.data.id)) continue;
        written.add(parsed.data.id);
        if (parsed.data.complaint.isComplaint) complaints++;
        for (const id of parsed.data.brands) if (givenPosts.has(id)) givenPosts.set(id, givenPosts.get(id)! + 1);
        if (mentionsOut) await mentionsOut.write(JSON.stringify(parsed.data));
      }
    },
    tapControl.signal,
  );
  // Every revision as raised, for a backtest's timeline (the store keeps only the latest of each alert).
  const seenRevisions = new Set<string>();
  const revisionsTap = revisionsOut
    ? bus.consume(
        'alerts',
        'replay-alert-revisions',
        async (batch) => {
          for (const message of batch) {
            const parsed = Alert.safeParse(message.value);
            if (!parsed.success || seenRevisions.has(`${parsed.data.id}#${parsed.data.revision}`)) continue;
            seenRevisions.add(`${parsed.data.id}#${parsed.data.revision}`);
            await revisionsOut.write(JSON.stringify(parsed.data));
          }
        },
        tapControl.signal,
      )
    : undefined;

  const total = input.count;
  let emitted = 0;
  let lastReport = Date.now();
  // Posts that named no author (ingestors give each its own `anonymous:` id): said once at the end, for any format
  // whose header did not already say so.
  let anonymous = 0;
  const counted = async function* (): AsyncGenerator<Mention> {
    for await (const m of input.mentions()) {
      if (m.author.id.startsWith(ANONYMOUS_AUTHOR)) anonymous++;
      const claimed = withClaimingBrands(m, fileBrands.claimedBy);
      const pageBrand = pages.get(pageOf(claimed) ?? '');
      yield pageBrand !== undefined && !claimed.brandContext.includes(pageBrand) ? { ...claimed, brandContext: [...claimed.brandContext, pageBrand] } : claimed;
    }
  };
  try {
    await emitPaced(counted(), service.ingest, new AbortController().signal, clock === 'wall' ? options.speed ?? 0 : 0, 500, (n) => {
      emitted += n;
      if (Date.now() - lastReport > 1000 || emitted === total) {
        lastReport = Date.now();
        progress(`replay: ${emitted}/${total} posts fed (${((emitted / Math.max(1, total)) * 100).toFixed(0)} %)`);
      }
    });
    await waitUntil(async () => (await service.drained()) && (await bus.lag('classified', 'replay-output')) === 0);
    const last = input.lastCreatedAt;
    if (clock === 'event' && last && service.detect) {
      await service.detect.advanceTo(new Date(Date.parse(last) + END_OF_DATA_HORIZON_MS), new Date(last));
      await waitUntil(() => service.drained());
    }
    if (anonymous > 0 && !input.authorless) {
      progress(`replay: ${anonymous} of ${emitted} posts name no author: each counts as its own author, so one loud author cannot be told from many`);
    }
    if (revisionsOut) await waitUntil(async () => (await bus.lag('alerts', 'replay-alert-revisions')) === 0);
    const alerts = await store.alerts({ limit: 1_000_000 });
    if (alertsOut) for (const alert of alerts.reverse()) await alertsOut.write(JSON.stringify(alert));
    for (const b of given) {
      if (givenPosts.get(b.id) === 0) progress(`replay: warning: --brand ${b.name} matched no post of the file (query ${b.query}): no complaint, storm or unanswered post can be counted for it; check the name or pass --brand NAME=QUERY`);
    }
    // A replay that fed posts and got none back must not look like an empty file (QA firestorm round 4: two of ~85
    // identical runs reported "0 mentions, 0 alerts" with no error, never reproduced since). Said, and refused.
    if (emitted > 0 && written.size === 0) {
      throw new Error(`${emitted} posts were fed but none came out of classification: the replay did not complete; run it again (and report it if it repeats)`);
    }
    if (written.size < emitted) progress(`replay: warning: ${emitted - written.size} of ${emitted} fed posts did not come out of classification (see the quarantine lines above)`);
    const summary: ReplaySummary = { mentions: written.size, skipped: input.errors.length, complaints, alerts: alerts.length, seconds: (Date.now() - started) / 1000 };
    progress(`replay: ${summary.mentions} mentions (${summary.complaints} complaints), ${summary.alerts} alerts, ${summary.skipped} rows skipped, ${summary.seconds.toFixed(1)} s`);
    return summary;
  } finally {
    tapControl.abort();
    await tap;
    await revisionsTap;
    await service.stop();
    await bus.close();
    await store.close();
    await mentionsOut?.close();
    await alertsOut?.close();
    await revisionsOut?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How the file's post times without a zone were read: as UTC (and how to read them as local time), or in the given zone. */
function describeZonelessTimes(file: string, count: number, timeZone: string | undefined): string {
  const one = count === 1;
  if (timeZone !== undefined) return `${file}: read ${count} zone-less post time${one ? '' : 's'} as ${timeZone} local time`;
  return (
    `${file}: ${count} post time${one ? ' carries' : 's carry'} no time zone and ${one ? 'was' : 'were'} read as UTC; ` +
    `--time-zone Europe/Berlin (or the zone the export was written in) reads ${one ? 'it' : 'them'} as local time`
  );
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  // The in-process bus settles within milliseconds; polling keeps this independent of stage internals.
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}
