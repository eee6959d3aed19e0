/**
 * The `replay` source: feeds a file (jsonl, csv, twcs, germeval) into the pipeline, e.g. the bundled demo,
 * streaming it where the format allows (see replay-stream.ts).
 * A file fed to the end is remembered by its SHA-256 (store state), and the same file is not fed again on the
 * next start (`once: false` feeds it on every start). Writes are idempotent by mention id, but the detectors are
 * not idempotent to a second pass: posts they ignored the first time (a root post before any thread existed) are
 * new to them the second time, and a restart of the demo re-sent chat messages for alerts that had not changed. A
 * replay cut short (crash, stop) is fed again from the start: idempotent writes lose nothing and duplicate nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { SourceConfig } from '../src/config.ts';
import { BaseSourceOptions, parseSourceOptions } from './options.ts';
import type { Mention } from '../src/model.ts';
import { ReplayFormat } from './replay-formats.ts';
import { openReplayFile } from './replay-stream.ts';
import { guessReplayFormat } from './replay-sniff.ts';
import { assertTimeZone } from '../src/time-zone.ts';
import { describeRowError } from './replay-rows.ts';
import { implausibleTime } from './accept.ts';
import type { Emit, Ingestor, IngestorContext, IngestorFactory } from './types.ts';

const ReplayOptions = BaseSourceOptions.extend({
    type: z.literal('replay'),
    path: z.string().min(1),
    /** Default: by the file's extension, else its first bytes (replay-sniff.ts), as the `replay` command does. */
    format: ReplayFormat.optional(),
    /** 0 = as fast as the pipeline takes it; N = N× the recorded pace (live demos). */
    speed: z.number().nonnegative().default(0),
    batchSize: z.number().int().min(1).max(5000).default(200),
    /** Feed a file only once per store (remembered by content); false feeds it on every start. */
    once: z.boolean().default(true),
    /** IANA zone of timestamps the file writes without one (an export in local time); default UTC, as `replay --time-zone`. */
    timeZone: z.string().refine(isTimeZone, { message: 'unknown time zone: use an IANA name such as "Europe/Berlin"' }).optional(),
  }).strict();

function isTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

/** State namespace of the files replay sources have fed completely, keyed by source name. */
const REPLAYED_NAMESPACE = 'replayed';
const Replayed = z.object({ sha256: z.string(), file: z.string(), mentions: z.number(), at: z.string() });

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const replayIngestorFactory: IngestorFactory = {
  type: 'replay',
  create(source: SourceConfig, context: IngestorContext): Ingestor {
    const options = parseSourceOptions(ReplayOptions, source);
    const file = path.resolve(context.baseDir, options.path);
    if (context.willRun && !existsSync(file)) throw new Error(`path: no file at ${file} (a relative path is read from the config file's directory)`);
    return {
      name: options.name,
      type: 'replay',
      async run(emit: Emit, signal: AbortSignal) {
        const sha256 = options.once ? await sha256Of(file) : undefined;
        if (sha256 !== undefined) {
          const done = Replayed.safeParse(await context.state.getState(REPLAYED_NAMESPACE, options.name));
          if (done.success && done.data.sha256 === sha256) {
            context.log.info(
              { source: options.name, file, mentions: done.data.mentions, replayedAt: done.data.at },
              'replay skipped: this file was fed completely before (set once: false, or change the file, to feed it again)',
            );
            context.status.success(options.name, 0);
            return;
          }
        }
        const format = options.format ?? (await guessReplayFormat(file)).format;
        const input = await openReplayFile(file, format, options.timeZone !== undefined ? { timeZone: options.timeZone } : {});
        if (input.preamble) context.log.info({ source: options.name, file, ...input.preamble }, 'replay header row found below report metadata');
        const refusedLines = await linesOf(file, input.errors.filter((e) => e.record === undefined).slice(0, MAX_PARKED_LINES).map((e) => e.line));
        for (const error of input.errors) {
          context.log.warn({ source: options.name, file, line: error.line, reason: error.reason }, 'replay row skipped');
          // For a csv record over several lines, the line it ends on.
          const lineText = error.record === undefined ? refusedLines.get(error.line) : undefined;
          await context.quarantine(options.name, describeRowError(path.basename(file), error), {
            file,
            line: error.line,
            ...(error.record !== undefined ? { record: error.record } : {}),
            ...(lineText !== undefined ? { lineText } : {}),
          });
        }
        const refuse = async (mention: Mention, reason: string) => {
          context.log.warn({ source: options.name, file, id: mention.id, reason }, 'replay post quarantined');
          await context.quarantine(options.name, `${path.basename(file)}: ${mention.id}: ${reason}`, { file, id: mention.id, createdAt: mention.createdAt, text: mention.text.slice(0, 500) });
        };
        await emitPaced(plausiblyDated(input.mentions(), refuse), emit, signal, options.speed, options.batchSize, (n) => context.status.success(options.name, n));
        if (sha256 !== undefined && !signal.aborted) {
          await context.state.putState(REPLAYED_NAMESPACE, options.name, { sha256, file, mentions: input.count, at: new Date().toISOString() });
        }
        context.log.info({ source: options.name, file, mentions: input.count, skipped: input.errors.length, read: input.mode }, 'replay finished');
      },
    };
  },
};

/** Refused rows parked with their own text (the rest with file and line only): enough to see what a bad export holds. */
const MAX_PARKED_LINES = 1000;
/** Characters of a refused line kept: the quarantine shows a preview, not a copy of a 5 MB line. */
const PARKED_LINE_CHARS = 4000;

/**
 * The text of the given 1-based lines of `file`, each cut to PARKED_LINE_CHARS: parked with a refused row, so the
 * quarantine shows what was refused and not only where (QA round 6: previews held `{file, line}` alone). Read once,
 * streamed; the readers themselves keep no refused text while they validate.
 */
async function linesOf(file: string, wanted: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (wanted.length === 0) return out;
  const pending = new Set(wanted);
  const last = Math.max(...wanted);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (pending.has(n)) out.set(n, line.slice(0, PARKED_LINE_CHARS));
    if (n >= last) break;
  }
  lines.close();
  stream.destroy();
  return out;
}

/**
 * The posts whose time a running service can take; the others go to `refuse` with the reason (accept.ts
 * implausibleTime), as a live source's would. `kundenradar replay` keeps its wider range (1970–2199): its clock is the
 * file's own. Inside `start`, one post dated 2099 stayed on top of "newest" for good and the search page's histogram
 * spanned 1970 to 2099 (QA round 6).
 */
export async function* plausiblyDated(
  mentions: Iterable<Mention> | AsyncIterable<Mention>,
  refuse: (mention: Mention, reason: string) => Promise<void>,
  now: () => number = Date.now,
): AsyncGenerator<Mention> {
  for await (const mention of mentions) {
    const problem = implausibleTime(mention.createdAt, now());
    if (problem === undefined) yield mention;
    else await refuse(mention, problem);
  }
}

/**
 * Emits in batches; with `speed` > 0 it waits between posts as the recorded timestamps did, sped up. Takes
 * the mentions as they are read (a stream), so a large file never sits in memory whole.
 */
export async function emitPaced(
  mentions: Iterable<Mention> | AsyncIterable<Mention>,
  emit: Emit,
  signal: AbortSignal,
  speed: number,
  batchSize: number,
  progress: (emitted: number) => void,
): Promise<void> {
  let batch: Mention[] = [];
  let previous: number | undefined;
  for await (const mention of mentions) {
    if (signal.aborted) return;
    const t = Date.parse(mention.createdAt);
    if (speed > 0 && previous !== undefined && t > previous) {
      if (batch.length > 0) {
        await emit(batch);
        progress(batch.length);
        batch = [];
      }
      await abortableDelay(Math.min((t - previous) / speed, 60_000), signal);
    }
    previous = t;
    batch.push(mention);
    if (batch.length >= batchSize) {
      await emit(batch);
      progress(batch.length);
      batch = [];
    }
  }
  if (batch.length > 0 && !signal.aborted) {
    await emit(batch);
    progress(batch.length);
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
    signal.addEventListener('abort', finish, { once: true });
  });
}
