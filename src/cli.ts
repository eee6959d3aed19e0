/**
 * `kundenradar` command line: start (all stages in one process), worker <stage>, replay, train, eval, search.
 */
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig, readEnvironment } from './config.ts';
import { log, logWarningsOnly } from './log.ts';
import { Channel } from './model.ts';
import { STAGES, startService, type StageName } from './pipeline.ts';
import { whenNpmParentExits } from './parent-watch.ts';
import { idleUntilSignalled } from './idle.ts';
import { addressLine } from './startup-banner.ts';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Hits per search: what the store pages by. */
function hitCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new InvalidArgumentError('expected a whole number from 1 to 200');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--severity 3 --severity 4` or `--severity 3,4`: complaint severities 0 (no complaint) to 4. */
function severities(value: string, previous: number[]): number[] {
  const levels = value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  for (const level of levels) {
    if (!/^[0-4]$/.test(level)) throw new InvalidArgumentError('expected complaint severities 0 to 4 (0 = no complaint), one or a comma list');
  }
  return [...previous, ...levels.map(Number)];
}

/** `--channel reply --channel review` or `--channel reply,review`. */
function channels(value: string, previous: Channel[]): Channel[] {
  const names = value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  const wrong = names.filter((n) => !(Channel.options as readonly string[]).includes(n));
  if (wrong.length > 0 || names.length === 0) throw new InvalidArgumentError(`expected channels of ${Channel.options.join(', ')}, one or a comma list`);
  return [...previous, ...(names as Channel[])];
}

interface SearchOptions {
  brand: string[];
  complaint?: boolean;
  severity: number[];
  channel: Channel[];
  size: number;
  json?: boolean;
  csv?: boolean;
  config?: string;
}

/** Runs until SIGINT/SIGTERM, then drains: finish the batch in hand, commit, close the store. */
async function runUntilSignalled(stages: readonly StageName[], options: { config?: string; port?: number; metricsPort?: number }): Promise<void> {
  const loaded = loadConfig(options.config);
  const service = await startService(loaded, { stages, port: options.port, ...(options.metricsPort !== undefined ? { metricsPort: options.metricsPort } : {}) });
  log.info({ stages, bus: service.bus.kind, store: service.store.kind, config: loaded.file }, 'kundenradar running');
  const address = addressLine(service);
  if (address) process.stderr.write(`${address}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight batches');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  whenNpmParentExits(() => shutdown('npm exited'));
  try {
    await service.done;
  } catch (err) {
    log.fatal({ err }, 'a stage failed; stopping');
    await service.stop().catch(() => undefined);
    process.exit(1);
  }
  if (!stopping) {
    // Every stage finished on its own (`worker ingest` whose sources are all files fed to their end; serve never
    // does, it runs until stopped). Exiting would make a supervisor (compose `restart: unless-stopped`, systemd)
    // start it again and again, each start skipping the files it has fed: stay up, idle, until stopped.
    log.info({ stages }, 'every stage has finished its work; idle until stopped (SIGINT/SIGTERM)');
    await idleUntilSignalled(process);
  }
}

export function buildProgram(): Command {
  const program = new Command('kundenradar')
    .description('Social listening that catches unanswered complaints and emerging shitstorms early.')
    .showHelpAfterError();

  program
    .command('start')
    .description('run every stage in one process (embedded store and bus, or Kafka/Elasticsearch when configured)')
    .option('-c, --config <file>', 'config file (default: ./kundenradar.yaml, else the bundled demo)')
    .option('-p, --port <port>', 'HTTP port (overrides config)', integer)
    .action((o: { config?: string; port?: number }) => {
      // The bundled demo is for a bare machine: on a cluster it would feed its 181 posts into the real topics (QA).
      const { env } = readEnvironment();
      if ((env.kafkaBrokers || env.elasticsearchUrl) && !o.config && !existsSync('kundenradar.yaml')) {
        throw new Error('start with KAFKA_BROKERS or ELASTICSEARCH_URL needs a config: --config FILE, or kundenradar.yaml in the working directory (the bundled demo runs only embedded)');
      }
      return runUntilSignalled(STAGES, o);
    });

  program
    .command('worker')
    .description('run one stage as its own consumer group (scaled mode)')
    .addArgument(new Command().createArgument('<stage>', 'stage to run').choices(STAGES))
    .option('-c, --config <file>', 'config file')
    .option('-p, --port <port>', 'HTTP port for the serve stage', integer)
    .option('--metrics-port <port>', 'other stages: serve /healthz, /readyz and /metrics of this worker on this port', integer)
    .addHelpText(
      'after',
      '\nEvery stage but serve needs KAFKA_BROKERS and ELASTICSEARCH_URL (all workers share one bus and one store) and a\n' +
        'config (--config FILE, or kundenradar.yaml in the working directory). serve alone may run on the embedded store.\n' +
        'Example: KAFKA_BROKERS=127.0.0.1:9092 ELASTICSEARCH_URL=http://127.0.0.1:9200 kundenradar worker classify -c kundenradar.yaml --metrics-port 9464',
    )
    .action((stage: StageName, o: { config?: string; port?: number; metricsPort?: number }) => {
      // A stage in its own process reaches the others only over Kafka; on the in-process bus it would wait for
      // messages no other process can send (and Node ended it silently, exit 13). The dashboard alone is fine.
      const { env } = readEnvironment();
      if (stage !== 'serve' && !env.kafkaBrokers) {
        throw new Error(`worker ${stage} needs KAFKA_BROKERS: a stage in its own process shares the bus over Kafka (\`kundenradar start\` runs every stage in one process)`);
      }
      // Half the environment split the pipeline without a word (QA scaled run): each worker kept its own SQLite file,
      // so the dashboard saw nothing the index worker wrote, and checkpoints stayed on one machine.
      if (env.kafkaBrokers && !env.elasticsearchUrl) {
        throw new Error(`worker ${stage} with KAFKA_BROKERS needs ELASTICSEARCH_URL too: workers share one store, and an embedded store is local to each process`);
      }
      // Without a config the bundled demo config would run, and `worker ingest` would feed the demo posts into the topics.
      if (!o.config && !existsSync('kundenradar.yaml')) {
        throw new Error(`worker ${stage} needs a config: --config FILE, or kundenradar.yaml in the working directory (scripts/compose/kundenradar.example.yaml is a start)`);
      }
      return runUntilSignalled([stage], o);
    });

  program
    .command('replay')
    .description('replay a file through the stages on a fresh temporary store; write mentions and alerts as JSON lines')
    .argument('<file>', 'input file')
    .addOption(new Option('-f, --format <format>', 'input format (default: by the file extension, else by its content)').choices(['jsonl', 'csv', 'twcs', 'germeval']))
    .option('-b, --brand <name>', 'track NAME (or NAME=QUERY) as a brand by keyword; repeatable', collect, [])
    .addOption(new Option('--clock <clock>', 'detector clock').choices(['event', 'wall']).default('event'))
    .option('--speed <n>', 'with --clock wall: N× the recorded pace (0 = as fast as possible)', positive, 0)
    .option('--mentions-out <file>', 'classified mentions as JSON lines (- = stdout)')
    .option('--alerts-out <file>', 'alerts as they stand at the end, as JSON lines (- = stdout)')
    .option('--alert-revisions-out <file>', 'every alert revision as raised, in order, as JSON lines (- = stdout): a backtest\'s timeline')
    .option('-c, --config <file>', 'config with brands (default: ./kundenradar.yaml if present)')
    .option('--no-discover-brands', 'without --brand and with no config or file brand matching a post: do not track what the posts are mostly about as a brand')
    .option('--time-zone <zone>', 'IANA time zone of timestamps written without one (default: UTC)')
    .action(async (file: string, o: { format?: 'jsonl' | 'csv' | 'twcs' | 'germeval'; brand: string[]; clock: 'event' | 'wall'; speed: number; mentionsOut?: string; alertsOut?: string; alertRevisionsOut?: string; config?: string; discoverBrands: boolean; timeZone?: string }) => {
      const { runReplay } = await import('./commands/replay.ts');
      await runReplay({ file, format: o.format, brands: o.brand, clock: o.clock, speed: o.speed, mentionsOut: o.mentionsOut, alertsOut: o.alertsOut, alertRevisionsOut: o.alertRevisionsOut, configFile: o.config, discoverBrands: o.discoverBrands, timeZone: o.timeZone });
    });

  program
    .command('train')
    .description('build the shipped models from the labelled corpora (deterministic)')
    .option('--data <dir>', 'corpora directory', '../shared/data')
    .option('--out <dir>', 'model directory', 'classifiers/models')
    .action(async (o: { data: string; out: string }) => {
      const { runTrain } = await import('./commands/train.ts');
      await runTrain({ dataDir: o.data, outDir: o.out });
    });

  program
    .command('eval')
    .description('precision, recall and F1 of the complaint class, macro-F1, and GermEval subtask-B micro-F1')
    .addArgument(new Command().createArgument('<task>', 'what to evaluate').choices(['complaints', 'sentiment']))
    .argument('<file>', 'labelled file')
    .addOption(new Option('-f, --format <format>', 'file format').choices(['germeval', 'csv']).makeOptionMandatory())
    .option('--folds <k>', 'k-fold cross-validation on FILE instead of the shipped model', integer)
    .addOption(new Option('--model <model>', 'shipped = learned models combined with the cue model, as the service runs them').choices(['shipped', 'learned']).default('shipped'))
    .addOption(new Option('--lang <lang>', 'csv: score every row with this language\'s model (default: the row\'s lang column, else detected)').choices(['de', 'en']))
    .option('--without-handles', 'score every document with its @handles cut out: how posts that address no one (page comments, reviews) are read')
    .option('--also-train <file>', 'with --folds: add this labelled file (same format) to every fold\'s training data; repeatable', collect, [])
    .option('--json', 'machine-readable output')
    .action(async (task: 'complaints' | 'sentiment', file: string, o: { format: 'germeval' | 'csv'; folds?: number; alsoTrain: string[]; json?: boolean; model: 'shipped' | 'learned'; withoutHandles?: boolean; lang?: 'de' | 'en' }) => {
      const { runEval } = await import('./commands/eval.ts');
      await runEval({ task, file, format: o.format, folds: o.folds, alsoTrain: o.alsoTrain, json: o.json, model: o.model, withoutHandles: o.withoutHandles, lang: o.lang });
    });

  program
    .command('search')
    .description('search stored mentions from the command line')
    .argument('[text]', 'full-text query: words and "phrases" all required, A OR B, -word or NOT word to exclude, word* for a prefix')
    .option('-b, --brand <id>', 'brand filter; repeatable', collect, [])
    .option('--complaint', 'only complaints')
    .option('--severity <levels>', 'complaint severity 0-4 (0 = no complaint); repeatable or a comma list', severities, [])
    .option('--channel <names>', `channel (${Channel.options.join(', ')}); repeatable or a comma list`, channels, [])
    .option('-n, --size <n>', 'hits (1-200)', hitCount, 20)
    .addOption(new Option('--json', 'JSON lines output').conflicts('csv'))
    .option('--csv', 'every match (up to 10,000, --size aside) as CSV with a byte order mark, as the dashboard exports it')
    .option('-c, --config <file>', 'config file')
    .action(async (text: string | undefined, o: SearchOptions) => {
      logWarningsOnly();
      const { runSearch } = await import('./commands/search.ts');
      await runSearch(loadConfig(o.config), {
        text,
        brands: o.brand,
        complaint: o.complaint,
        severities: o.severity,
        channels: o.channel,
        size: o.size,
        json: o.json,
        csv: o.csv,
      });
    });

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`kundenradar: ${(err as Error).message}\n`);
  log.debug({ err }, 'command failed');
  process.exit(1);
}
