/**
 * Probes for process managers and load balancers: /healthz says the process serves requests, /readyz says
 * the pipeline behind it is caught up enough to be useful (the injected check reports consumer lag).
 */
import express, { type Router } from 'express';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

export function healthRouter(readiness?: () => Promise<Readiness>): Router {
  const router = express.Router();
  const startedAt = Date.now();

  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!readiness) return void res.json({ ready: true, details: {} });
    try {
      const result = await readiness();
      res.status(result.ready ? 200 : 503).json(result);
    } catch (err) {
      // A failing check is "not ready", never a crash: the probe must answer either way.
      res.status(503).json({ ready: false, details: { error: err instanceof Error ? err.message : String(err) } });
    }
  });
  return router;
}
