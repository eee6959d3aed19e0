/**
 * Alerts: list, detail, acknowledge, resolve. Transitions are checked here (open → acknowledged → resolved)
 * so the injected lifecycle functions only ever see valid requests and the API answers 404/409 consistently
 * whichever implementation is wired.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { acknowledgeAlert, resolveAlert } from '../../src/alerts/lifecycle.ts';
import { NO_CONTROL_OR_BIDI, type Alert } from '../../src/model.ts';
import type { Store } from '../../src/store/port.ts';
import { AlertParams, parseInput, parseQuery, pathParam } from '../params.ts';

export interface AlertActions {
  /** `by`: who acted, as the request names them; kept in the alert's evidence (acknowledgedBy / resolvedBy). */
  acknowledge(id: string, by?: string): Promise<Alert>;
  resolve(id: string, by?: string): Promise<Alert>;
}

/**
 * The optional body of ack/resolve. Without a token there is no login to tell analysts apart, so the client names the
 * actor (QA: resolved alerts said nobody); with one shared token the same holds. No body at all is fine.
 */
export const AlertActionBody = z
  .object({
    by: z
      .string()
      .trim()
      .min(1, 'a name')
      .max(100, 'at most 100 characters')
      .regex(NO_CONTROL_OR_BIDI, 'no control or bidi characters')
      .optional(),
  })
  .strict();

/**
 * Lifecycle straight on the store, for a dashboard running without the notify stage (tests, read-only
 * deployments): src/alerts' transitions without publishing on the bus. The revision bump lets a notifier that
 * starts later tell the update from the original.
 */
export function storeAlertActions(store: Store, now: () => Date): AlertActions {
  return {
    acknowledge: (id, by) => acknowledgeAlert(store, id, by, { now }),
    resolve: (id, by) => resolveAlert(store, id, by, { now }),
  };
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
    const by = actorOf(req.body);
    const alert = await store.getAlert(id);
    if (!alert) return void res.status(404).json({ error: `no alert with id ${id}` });
    // Acknowledging twice is harmless (two analysts clicking at once); acknowledging a resolved alert is not.
    if (alert.status === 'acknowledged') return void res.json(alert);
    if (alert.status === 'resolved') return void res.status(409).json({ error: `alert ${id} is already resolved` });
    res.json(await actions.acknowledge(id, by));
  });

  router.post('/alerts/:id/resolve', async (req, res) => {
    const id = pathParam(req, 'id');
    const by = actorOf(req.body);
    const alert = await store.getAlert(id);
    if (!alert) return void res.status(404).json({ error: `no alert with id ${id}` });
    if (alert.status === 'resolved') return void res.json(alert);
    res.json(await actions.resolve(id, by));
  });
  return router;
}

function actorOf(body: unknown): string | undefined {
  return parseInput(AlertActionBody, body ?? {}, 'invalid body').by;
}
