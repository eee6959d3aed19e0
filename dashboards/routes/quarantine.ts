/** What was refused and why: the newest quarantined records (src/stages/quarantine.ts), newest first. */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../src/store/port.ts';
import { listQuarantined, QUARANTINE_KEEP } from '../../src/stages/quarantine.ts';
import { decimalInt, parseQuery } from '../params.ts';

const QuarantineParams = z.object({ limit: decimalInt(1, QUARANTINE_KEEP).default(50) }).strict();

export function quarantineRouter(store: Store): Router {
  const router = express.Router();
  router.get('/quarantine', async (req, res) => {
    const { limit } = parseQuery(QuarantineParams, req);
    res.json(await listQuarantined(store, limit));
  });
  return router;
}
