/**
 * Alerts: list, detail, acknowledge, resolve. Transitions are checked here (open → acknowledged → resolved)
 * so the injected lifecycle functions only ever see valid requests and the API answers 404/409 consistently
 * whichever implementation is wired.
 */
import express, { type Router } from 'express';
import type { Alert } from '../../src/model.ts';
import type { Store } from '../../src/store/port.ts';
import { AlertParams, parseQuery, pathParam } from '../params.ts';

export interface AlertActions {
  acknowledge(id: string): Promise<Alert>;
  resolve(id: string): Promise<Alert>;
}

/**
 * Lifecycle straight on the store, for a dashboard running without the notify stage (tests, read-only
 * deployments). The revision bump lets a notifier that starts later tell the update from the original.
 */
export function storeAlertActions(store: Store, now: () => Date): AlertActions {
  async function transition(id: string, status: 'acknowledged' | 'resolved'): Promise<Alert> {
    const alert = await store.getAlert(id);
    if (!alert) throw new Error(`alert ${id} disappeared during ${status}`);
    const at = now().toISOString();
    const updated: Alert = {
      ...alert,
      status,
      updatedAt: at,
      revision: alert.revision + 1,
      ...(status === 'acknowledged' ? { acknowledgedAt: at } : { resolvedAt: at }),
    };
    await store.upsertAlert(updated);
    return updated;
  }
  return { acknowledge: (id) => transition(id, 'acknowledged'), resolve: (id) => transition(id, 'resolved') };
}

export function alertsRouter(store: Store, actions: AlertActions): Router {
  const router = express.Router();

  router.get('/alerts', async (req, res) => {
    const p = parseQuery(AlertParams, req);
    res.json({ alerts: await store.alerts({ kinds: p.kind, brands: p.brand, statuses: p.status, since: p.since, limit: p.limit, ...(p.after ? { after: p.after } : {}) }) });
  });

  router.get('/alerts/:id', async (req, res) => {
    const id = pathParam(req, 'id');
    const alert = await store.getAlert(id);
    if (!alert) return void res.status(404).json({ error: `no alert with id ${id}` });
    res.json(alert);
  });

  router.post('/alerts/:id/ack', async (req, res) => {
    const id = pathParam(req, 'id');
    const alert = await store.getAlert(id);
    if (!alert) return void res.status(404).json({ error: `no alert with id ${id}` });
    // Acknowledging twice is harmless (two analysts clicking at once); acknowledging a resolved alert is not.
    if (alert.status === 'acknowledged') return void res.json(alert);
    if (alert.status === 'resolved') return void res.status(409).json({ error: `alert ${id} is already resolved` });
    res.json(await actions.acknowledge(id));
  });

  router.post('/alerts/:id/resolve', async (req, res) => {
    const id = pathParam(req, 'id');
    const alert = await store.getAlert(id);
    if (!alert) return void res.status(404).json({ error: `no alert with id ${id}` });
    if (alert.status === 'resolved') return void res.json(alert);
    res.json(await actions.resolve(id));
  });
  return router;
}
