/**
 * Analysts' actions on an alert: acknowledge (someone is on it) and resolve (done). Each is a new revision,
 * so notifiers report it as an update and a replayed older revision can never undo it.
 */
import type { Bus } from '../bus/port.ts';
import type { Alert, AlertStatus } from '../model.ts';
import type { Store } from '../store/port.ts';

export class AlertNotFoundError extends Error {
  constructor(readonly alertId: string) {
    super(`alert "${alertId}" does not exist`);
    this.name = 'AlertNotFoundError';
  }
}

export class AlertTransitionError extends Error {
  constructor(
    readonly alertId: string,
    readonly from: AlertStatus,
    readonly to: AlertStatus,
  ) {
    super(`alert "${alertId}" is ${from} and cannot become ${to}${from === 'resolved' ? ' (a resolved alert stays resolved; the detector opens a new one if it recurs)' : ''}`);
    this.name = 'AlertTransitionError';
  }
}

/** Allowed moves: open → acknowledged → resolved, and open → resolved directly. */
const NEXT: Record<AlertStatus, AlertStatus[]> = { open: ['acknowledged', 'resolved'], acknowledged: ['resolved'], resolved: [] };

export interface LifecycleOptions {
  /** Also publish the new revision on the `alerts` topic, so notify routes announce it. */
  bus?: Pick<Bus, 'publish'>;
  now?: () => Date;
}

async function transition(store: Pick<Store, 'getAlert' | 'upsertAlert'>, id: string, to: 'acknowledged' | 'resolved', by: string | undefined, options: LifecycleOptions): Promise<Alert> {
  const alert = await store.getAlert(id);
  if (!alert) throw new AlertNotFoundError(id);
  if (!NEXT[alert.status].includes(to)) throw new AlertTransitionError(id, alert.status, to);
  const at = (options.now?.() ?? new Date()).toISOString();
  const byKey = to === 'acknowledged' ? 'acknowledgedBy' : 'resolvedBy';
  const next: Alert = {
    ...alert,
    status: to,
    updatedAt: at,
    revision: alert.revision + 1,
    ...(to === 'acknowledged' ? { acknowledgedAt: at } : { resolvedAt: at }),
    evidence: by ? { ...alert.evidence, [byKey]: by.slice(0, 200) } : alert.evidence,
  };
  await store.upsertAlert(next);
  if (options.bus) await options.bus.publish('alerts', [{ key: next.brand, value: next }]);
  return next;
}

export function acknowledgeAlert(store: Pick<Store, 'getAlert' | 'upsertAlert'>, id: string, by?: string, options: LifecycleOptions = {}): Promise<Alert> {
  return transition(store, id, 'acknowledged', by, options);
}

export function resolveAlert(store: Pick<Store, 'getAlert' | 'upsertAlert'>, id: string, by?: string, options: LifecycleOptions = {}): Promise<Alert> {
  return transition(store, id, 'resolved', by, options);
}
