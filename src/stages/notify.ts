/**
 * The notify stage: consumes `alerts` (group `notify`), puts a message for every matching route into the
 * durable outbox, and runs the delivery loop that sends them. Offsets are committed only after the outbox
 * holds the messages, and a full outbox (a slow or dead webhook) pauses consumption instead of buffering.
 */
import type { StateStore } from '../../classifiers/types.ts';
import type { Bus, BusMessage } from '../bus/port.ts';
import type { AppConfig, LoadedConfig, Secrets } from '../config.ts';
import { childLogger } from '../log.ts';
import { stageMetrics } from '../metrics.ts';
import { Alert } from '../model.ts';
import type { BackoffPolicy } from '../alerts/backoff.ts';
import { systemClock, type Clock } from '../alerts/clock.ts';
import { AnalystMarks } from '../alerts/analyst-marks.ts';
import { Dispatcher } from '../alerts/dispatcher.ts';
import { Outbox } from '../alerts/outbox.ts';
import { DEFAULT_SECRET_ENV, resolveRoutes, routeMatches } from '../alerts/routes.ts';
import { viewAlert } from '../alerts/wording.ts';
import { validBatch } from './deadletter.ts';

const log = childLogger('stage.notify');

export const NOTIFY_GROUP = 'notify';
const metrics = stageMetrics('notify');

export interface NotifyStageOptions {
  bus: Bus;
  store: StateStore;
  config: AppConfig;
  secrets: Secrets;
  signal: AbortSignal;
  clock?: Clock;
  /** Where `urlEnv`/`secretEnv` are looked up (default process.env; secrets.webhookSigningSecret wins for the default). */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Pending outbox entries at which consumption pauses (memory and outbox stay bounded by this + a batch). */
  maxPending?: number;
  /** Alerts read from the bus at once. */
  maxBatch?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  concurrency?: number;
  timeoutMs?: number;
  /** Called with the dispatcher once running (tests, metrics). */
  onStart?: (dispatcher: Dispatcher, outbox: Outbox) => void;
}

/** The environment routes read their URLs and signing secrets from, with the configured signing secret in it. */
function routeEnvironment(secrets: Secrets, environment: Readonly<Record<string, string | undefined>> = process.env): Record<string, string | undefined> {
  const out = { ...environment };
  if (secrets.webhookSigningSecret) out[DEFAULT_SECRET_ENV] = secrets.webhookSigningSecret;
  return out;
}

/**
 * Checks the alert routes as the notify stage will read them, so a bad route is a configuration error naming the
 * file before anything starts, not a crash of the stage after the dashboard is already up.
 */
export function checkAlertRoutes(loaded: LoadedConfig, environment?: Readonly<Record<string, string | undefined>>): void {
  resolveRoutes(loaded.config.alerts, routeEnvironment(loaded.secrets, environment), loaded.file);
}

export async function runNotifyStage(options: NotifyStageOptions): Promise<void> {
  const { bus, store, config, secrets, signal } = options;
  const clock = options.clock ?? systemClock;
  const routes = resolveRoutes(config.alerts, routeEnvironment(secrets, options.environment)); // a ConfigError here stops the stage loudly
  const brandNames = new Map(config.brands.map((b) => [b.id, b.name]));
  const brandTimeZones = new Map(config.brands.flatMap((b) => (b.businessHours ? [[b.id, b.businessHours.timeZone] as const] : [])));
  const outbox = new Outbox(store, clock);
  const analystMarks = new AnalystMarks(store);
  const dispatcher = new Dispatcher({
    outbox,
    routes,
    policy: { allowHttp: config.alerts.allowHttp, allowPrivateTargets: config.alerts.allowPrivateTargets },
    clock,
    deadlineMs: config.alerts.deliveryDeadlineMinutes * 60_000,
    deadLetters: bus,
    view: (route, alerts) =>
      alerts.map((a) => viewAlert(a, { lang: route.language, publicUrl: config.server.publicUrl, brandName: brandNames.get(a.brand), timeZone: brandTimeZones.get(a.brand), maxExamples: 3 })),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (routes.length === 0) log.info('no alert routes configured: alerts are consumed but not sent anywhere');
  if (!config.server.publicUrl) log.warn('server.publicUrl is not set: alert messages carry no dashboard link');
  const maxPending = options.maxPending ?? 1000;

  // The delivery loop stops with the stage, also when consumption fails.
  const delivery = new AbortController();
  const stopDelivery = (): void => delivery.abort();
  signal.addEventListener('abort', stopDelivery, { once: true });
  // Sends nothing until the consumer group says which brands' alerts this instance reads (see setOwnership).
  dispatcher.setOwnership(() => false);
  const deliveryLoop = dispatcher.run(delivery.signal);
  options.onStart?.(dispatcher, outbox);

  async function handle(batch: BusMessage[]): Promise<void> {
    // Backpressure: wait while the outbox is full. On shutdown the batch is still written (bounded overshoot).
    while (!signal.aborted && (await dispatcher.pendingCount()) >= maxPending) {
      const pause = new AbortController();
      const stop = (): void => pause.abort();
      signal.addEventListener('abort', stop, { once: true });
      await Promise.race([dispatcher.progress(pause.signal), clock.sleep(5_000, pause.signal)]);
      pause.abort();
      signal.removeEventListener('abort', stop);
    }
    let stale = 0;
    for (const { value: update } of await validBatch(bus, 'notify', batch, Alert)) {
      const alert = await analystMarks.apply(update);
      if (isStale(alert)) {
        stale += 1;
        continue;
      }
      for (const route of routes) {
        // Once a route got an alert it also hears how it ends, even below its minimum severity.
        if (routeMatches(route, alert) || (await outbox.wasRouted(route.name, alert.id))) {
          const result = await outbox.enqueue(route, alert);
          log.debug({ route: route.name, alert: alert.id, revision: alert.revision, result }, 'alert enqueued');
        }
      }
    }
    if (stale > 0 && routes.length > 0) {
      log.info({ stale, maxAgeMinutes: config.alerts.maxAgeMinutes }, 'alert revisions older than alerts.maxAgeMinutes not sent (the dashboard has them)');
    }
    metrics.processed(batch.length);
    dispatcher.wake();
  }

  function isStale(alert: Alert): boolean {
    const maxAgeMs = config.alerts.maxAgeMinutes * 60_000;
    return maxAgeMs > 0 && clock.now() - Date.parse(alert.updatedAt) > maxAgeMs;
  }

  try {
    await bus.consume('alerts', NOTIFY_GROUP, handle, signal, {
      maxBatch: options.maxBatch ?? 100,
      onAssignment: async (assignment) => {
        const partitions = new Set(assignment.partitions);
        dispatcher.setOwnership(partitions.size === 0 ? () => false : (brand) => assignment.ownsKey(brand));
        log.info({ partitions: assignment.partitions }, 'alert partitions assigned: sending the messages of their brands');
      },
    });
  } finally {
    delivery.abort();
    signal.removeEventListener('abort', stopDelivery);
    await deliveryLoop;
  }
}

// The API's alert actions live with the lifecycle rules; re-exported here for callers that wire stages.
export { acknowledgeAlert, resolveAlert, AlertNotFoundError, AlertTransitionError } from '../alerts/lifecycle.ts';
