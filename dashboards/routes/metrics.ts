/** Prometheus metrics of this process (src/metrics.ts), behind the same login as the API: they name brands and volumes. */
import express, { type Router } from 'express';
import { registry } from '../../src/metrics.ts';

export function metricsRouter(): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
