/**
 * Runs stages of the pipeline in this process: all of them (`kundenradar start`, embedded or on Kafka), or
 * one (`kundenradar worker <stage>`). Each stage gets only the ports it uses.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { LoadedConfig } from './config.ts';
import type { Bus, Topic } from './bus/port.ts';
import type { Store } from './store/port.ts';
import type { Classifier, StreamDetector } from '../classifiers/types.ts';
import { openBus } from './bus/index.ts';
import { openStore } from './store/index.ts';
import { runClassifyStage, CLASSIFY_GROUP } from './stages/classify.ts';
import { runIndexStage, runAlertIndexStage, INDEX_GROUP, ALERT_INDEX_GROUP } from './stages/index.ts';
import { createDetectStage, DETECT_GROUP, type DetectStage } from './stages/detect.ts';
import { runNotifyStage, acknowledgeAlert, resolveAlert, checkAlertRoutes, NOTIFY_GROUP } from './stages/notify.ts';
import { runQuarantineStage, QUARANTINE_GROUP } from './stages/quarantine.ts';
import { createClassifier, createTextModel } from '../classifiers/index.ts';
import { createUnansweredTracker } from '../classifiers/unanswered.ts';
import { createShitstormDetector } from '../classifiers/shitstorm.ts';
import { createComplaintAlerter } from '../classifiers/complaint-alerts.ts';
import { createIngestors, ingestorWebhookRouters } from '../ingestors/registry.ts';
import { SourceStatusBoard } from '../ingestors/status.ts';
import { publishSourceStatus, readSourceStatus } from '../ingestors/status-shared.ts';
import type { SourceStatus } from '../ingestors/types.ts';
import { createProbeApp } from '../dashboards/probe-app.ts';
import { readinessCheck } from './readiness.ts';
import { watchConsumers } from './consumer-watch.ts';
import { exportOpenStorms } from './stages/detect-metrics.ts';
import { refuseWrittenSources, sourcesRefusedByWebhook } from '../ingestors/source-names.ts';
import { createIngestRouter } from '../ingestors/webhook.ts';
import { createApp } from '../dashboards/app.ts';
import { childLogger } from './log.ts';
import type { Mention } from './model.ts';

const log = childLogger('pipeline');

export const STAGES = ['ingest', 'classify', 'index', 'detect', 'notify', 'serve'] as const;
export type StageName = (typeof STAGES)[number];

/** The consumer groups whose lag says whether the pipeline has caught up. */
export const CONSUMERS: Array<{ topic: Topic; group: string; stage: StageName }> = [
  { topic: 'mentions', group: CLASSIFY_GROUP, stage: 'classify' },
  { topic: 'classified', group: INDEX_GROUP, stage: 'index' },
  { topic: 'classified', group: DETECT_GROUP, stage: 'detect' },
  { topic: 'alerts', group: ALERT_INDEX_GROUP, stage: 'index' },
  { topic: 'alerts', group: NOTIFY_GROUP, stage: 'notify' },
  { topic: 'deadletter', group: QUARANTINE_GROUP, stage: 'index' },
];

/** A listen failure as the person starting the service can act on it. */
function listenError(err: Error, host: string, port: number): Error {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(`${host}:${port} is already in use (another Kundenradar?): stop it, or choose another port with --port or PORT`, { cause: err });
  }
  return err;
}

/** http://host:port of a listening server; the port it was bound to when 0 asked for any free one. */
function baseUrl(host: string, server: Server, requestedPort: number): string {
  const address = server.address();
  return `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : requestedPort}`;
}

/** The sources-board name of POST /api/ingest. */
const WEBHOOK_SOURCE = 'webhook';

export interface Service {
  bus: Bus;
  store: Store;
  /** Base URL of the API/dashboard when the `serve` stage runs. */
  url?: string;
  /** Base URL of /healthz, /readyz and /metrics of a worker without the dashboard (`--metrics-port`). */
  probeUrl?: string;
  detect?: DetectStage;
  /** Health of the running ingestors (what /api/sources shows). */
  sources(): SourceStatus[];
  /** Publishes mentions as an ingestor would (replay, tests). */
  ingest(mentions: Mention[]): Promise<void>;
  /** Resolves when every running consumer has committed everything published so far. */
  drained(): Promise<boolean>;
  /** Graceful: stop consuming, finish batches in hand, commit, close the server, bus and store. */
  stop(): Promise<void>;
  /** Settles when a stage fails for good (the process should exit non-zero) or after stop(). */
  done: Promise<void>;
}

export interface StartOptions {
  stages?: readonly StageName[];
  /** Ready-made ports (replay, tests); otherwise opened from the config and environment. */
  bus?: Bus;
  store?: Store;
  /** Listen port override (0 = any free port). */
  port?: number;
  /** Without the serve stage: a port for /healthz, /readyz and /metrics of this process (dashboards/probe-app.ts). */
  metricsPort?: number;
  /** Run configured ingestors (default: when the `ingest` stage runs). */
  ingestors?: boolean;
}

export function buildClassifier(loaded: LoadedConfig): Classifier {
  const { config } = loaded;
  return createClassifier({
    brands: config.brands,
    textModel: createTextModel(config.classifier.model),
    complaintThreshold: config.classifier.complaintThreshold,
  });
}

export function buildDetectors(loaded: LoadedConfig, store: Store): StreamDetector[] {
  const { config } = loaded;
  const wanted = new Set(config.detect.detectors);
  const shitstorm = wanted.has('shitstorm') ? createShitstormDetector({ brands: config.brands, state: store }) : undefined;
  // Storm posts that open unanswered threads are filed under the open storm (unanswered-thread.ts `storm`).
  const stormOf = shitstorm ? (brand: string) => shitstorm.openIncident(brand) : undefined;
  return [
    ...(wanted.has('unanswered')
      ? [createUnansweredTracker({ brands: config.brands, config, state: store, alertStatus: async (id) => (await store.getAlert(id))?.status, ...(stormOf ? { stormOf } : {}) })]
      : []),
    ...(shitstorm ? [shitstorm] : []),
    ...(config.detect.complaintAlerts ? [createComplaintAlerter({ brands: config.brands })] : []),
  ];
}

export async function startService(loaded: LoadedConfig, options: StartOptions = {}): Promise<Service> {
  const stages = new Set(options.stages ?? STAGES);
  const { config, secrets } = loaded;
  if (stages.has('notify')) checkAlertRoutes(loaded);
  const store = options.store ?? (await openStore(loaded));
  const bus = options.bus ?? (await openBus(loaded));
  const controller = new AbortController();
  const signal = controller.signal;
  const running: Array<{ name: string; promise: Promise<void> }> = [];
  let failure: ((err: Error) => void) | undefined;
  const failed = new Promise<void>((_, reject) => (failure = reject));
  /** Scraped gauges of this service (consumer lag, open storms), withdrawn when it stops. */
  const withdrawMetrics: Array<() => void> = [];

  function launch(name: string, work: () => Promise<void>): void {
    const promise = work().catch((err: Error) => {
      if (signal.aborted) return;
      log.fatal({ err, stage: name }, 'stage failed');
      failure?.(err);
    });
    running.push({ name, promise });
  }

  // On the in-process bus only this process's classify stage reads `mentions`: `worker serve` alone without Kafka
  // would answer pushes "accepted" and lose them (QA re-check). Refused instead, so the sender keeps them.
  const nobodyReadsPushes = bus.kind === 'memory' && !stages.has('classify');
  if (nobodyReadsPushes && stages.has('serve') && secrets.ingestToken) {
    log.warn('POST /api/ingest answers 503 here: serve alone on the embedded bus has no classify stage to take pushes (use `start`, or KAFKA_BROKERS for scaled mode)');
  }
  const ingest = async (mentions: Mention[]) => {
    if (nobodyReadsPushes) throw new Error('no stage in this process takes pushed posts: serve alone on the embedded bus (use `kundenradar start`, or set KAFKA_BROKERS)');
    await bus.publish('mentions', mentions.map((m) => ({ key: m.thread.rootId, value: m })));
  };
  // What POST /api/ingest refuses grows with the sources this process's ingestors write.
  const refusedByWebhook = sourcesRefusedByWebhook(config);
  const noteWritten = refuseWrittenSources(refusedByWebhook, config);
  const ingestFromSource = async (mentions: Mention[]) => {
    noteWritten(mentions);
    await ingest(mentions);
  };

  // Sources are built (and their options checked) before any stage starts: a bad source is a config error up front.
  const status = new SourceStatusBoard();
  const quarantine = async (source: string, reason: string, raw: unknown) => {
    status.quarantined(source, 1);
    await bus.publish('deadletter', [{ key: source, value: { stage: `ingest:${source}`, topic: 'mentions', key: source, reason, value: raw, at: new Date().toISOString() } }]);
  };
  // Ingestors exist for the serve stage too: push sources (the Facebook page webhook) are served over HTTP and
  // only emit to the bus, while polling and streaming run in the ingest stage.
  const runIngestors = options.ingestors ?? stages.has('ingest');
  const ingestors =
    runIngestors || stages.has('serve')
      ? createIngestors(config.sources, {
          config,
          brands: config.brands,
          secrets,
          state: store,
          status,
          quarantine,
          log: childLogger('ingest'),
          baseDir: loaded.baseDir,
          willRun: runIngestors,
        }, loaded.file)
      : [];

  if (stages.has('classify')) {
    const classify = buildClassifier(loaded);
    launch('classify', () => runClassifyStage({ bus, classify, signal }));
  }
  if (stages.has('index')) {
    launch('index', () => runIndexStage({ bus, store, signal }));
    launch('index-alerts', () => runAlertIndexStage({ bus, store, signal }));
    launch('index-quarantine', () => runQuarantineStage({ bus, store, signal }));
  }
  let detect: DetectStage | undefined;
  if (stages.has('detect')) {
    const detectors = buildDetectors(loaded, store);
    withdrawMetrics.push(exportOpenStorms(detectors, config.brands.map((b) => b.id)));
    detect = createDetectStage({ bus, detectors, clock: config.detect.clock, tickSeconds: config.detect.tickSeconds, state: store });
    launch('detect', () => detect!.run(signal));
  }
  if (stages.has('notify')) {
    launch('notify', () => runNotifyStage({ bus, store, config, secrets, signal }));
  }

  if (runIngestors) {
    for (const ingestor of ingestors) {
      launch(`ingest:${ingestor.name}`, () => ingestor.run(ingestFromSource, signal));
    }
    // Scaled mode: the dashboard runs in another process and reads the sources' health from the store.
    if (!stages.has('serve')) {
      launch('source-status', () => publishSourceStatus(store, () => status.list(), signal, (err) => log.warn({ err }, 'source status not written to the store; retrying')));
    }
  }

  let server: Server | undefined;
  let url: string | undefined;
  let probeUrl: string | undefined;
  // Posts pushed to /api/ingest count on the sources board like any polled source (listed once a token allows it).
  if (stages.has('serve') && secrets.ingestToken) status.register(WEBHOOK_SOURCE, 'webhook');
  const ingestPushed = async (mentions: Mention[]) => {
    await ingest(mentions);
    status.success(WEBHOOK_SOURCE, mentions.length);
  };
  // Scaled mode: the probe of `worker serve` is the one an operator has, so it reports every stage's group
  // and whether Kafka and the store answer at all (QA: "ready" with Kafka or Elasticsearch stopped).
  const consumers = watchConsumers(bus, CONSUMERS.filter((c) => bus.kind === 'kafka' || stages.has(c.stage)));
  withdrawMetrics.push(consumers.close);
  const readiness = readinessCheck({ bus, store, consumers, signal });

  if (stages.has('serve')) {
    const extraRouters = [
      createIngestRouter({
        emit: ingestPushed,
        token: secrets.ingestToken,
        quarantine: (reason, raw) => quarantine(WEBHOOK_SOURCE, reason, raw),
        refusedSources: refusedByWebhook,
        brandIds: new Set(config.brands.map((b) => b.id)),
        // Only Elasticsearch drops old months; the embedded store keeps what it is given.
        ...(store.kind === 'elasticsearch' ? { retentionDays: config.store.retentionDays } : {}),
      }),
      ...ingestorWebhookRouters(ingestors, ingestFromSource),
    ];
    const app = createApp({
      store,
      config,
      secrets,
      // Polling sources report here when they run in this process; otherwise the ingest process's board is read from
      // the store, with this process's own (webhook pushes) beside it (QA ops: the page was empty in scaled mode).
      sourceStatus: runIngestors ? () => status.list() : () => sharedStatuses(store, status.list().filter(activeHere)),
      readiness,
      alertActions: { acknowledge: (id, by) => acknowledgeAlert(store, id, by, { bus }), resolve: (id, by) => resolveAlert(store, id, by, { bus }) },
      extraRouters,
    });
    const port = options.port ?? config.server.port;
    server = await new Promise<Server>((resolve, reject) => {
      // Express 5 also calls this callback with the error when listening fails (a port in use): it is no success.
      const s = app.listen(port, config.server.host, (err?: Error) => (err ? reject(listenError(err, config.server.host, port)) : resolve(s)));
    });
    url = baseUrl(config.server.host, server, port);
    log.info({ url }, 'API and dashboard listening');
    // Serving is the stage's work until stop(): without it `done` settled at once for `worker serve`, and the CLI
    // logged "every stage has finished its work" a second after start (QA operations finding 6).
    const serving = server;
    launch('serve', () => once(serving, 'close').then(() => undefined));
  } else if (options.metricsPort !== undefined) {
    const probes = createProbeApp({ config, secrets, readiness });
    const port = options.metricsPort;
    server = await new Promise<Server>((resolve, reject) => {
      const s = probes.listen(port, config.server.host, (err?: Error) => (err ? reject(listenError(err, config.server.host, port)) : resolve(s)));
    });
    // Not `url`: that is the dashboard's, and a worker answers 404 there (QA: "Kundenradar dashboard: …" on every worker).
    probeUrl = baseUrl(config.server.host, server, port);
    log.info({ url: probeUrl }, 'probes and metrics listening');
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      controller.abort();
      for (const withdraw of withdrawMetrics) withdraw();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await Promise.all(running.map((r) => r.promise));
      if (!options.bus) await bus.close();
      if (!options.store) await store.close();
    })());

  return {
    bus,
    store,
    url,
    probeUrl,
    detect,
    ingest,
    sources: () => status.list(),
    async drained() {
      for (const c of CONSUMERS) {
        if (stages.has(c.stage) && (await bus.lag(c.topic, c.group)) > 0) return false;
      }
      return true;
    },
    stop,
    done: Promise.race([failed, Promise.all(running.map((r) => r.promise)).then(() => undefined)]),
  };
}

/**
 * An entry of this process's board that is about this process: webhook pushes, or a source that did something here
 * (a page webhook). Sources are registered here too, but run in the ingest process: idle here means nothing.
 */
function activeHere(s: SourceStatus): boolean {
  return s.type === 'webhook' || s.itemsTotal > 0 || s.quarantined > 0 || s.lastSuccessAt !== undefined || s.lastErrorAt !== undefined;
}

/**
 * The boards other processes wrote to the store, with this process's own entries in place of theirs (they are live
 * here); undefined when neither has anything, so the page says the status lives elsewhere instead of showing idle.
 */
async function sharedStatuses(store: Store, own: SourceStatus[]): Promise<SourceStatus[] | undefined> {
  const reported = await readSourceStatus(store, Date.now());
  if (reported.length === 0 && own.length === 0) return undefined;
  const ownNames = new Set(own.map((s) => s.name));
  return [...reported.filter((s) => !ownNames.has(s.name)), ...own].sort((a, b) => a.name.localeCompare(b.name));
}
