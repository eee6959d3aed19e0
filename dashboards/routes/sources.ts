/** Configured sources with their live health, and the tracked brands (for filters and labels in the UI). */
import express, { type Router } from 'express';
import type { AppConfig } from '../../src/config.ts';
import { DEFAULT_SLA_MINUTES } from '../../src/config.ts';
import type { SourceStatus } from '../../ingestors/types.ts';

export function sourcesRouter(config: AppConfig, sourceStatus?: () => SourceStatus[] | undefined | Promise<SourceStatus[] | undefined>): Router {
  const router = express.Router();

  router.get('/sources', async (_req, res) => {
    const statuses = await sourceStatus?.();
    const live = new Map((statuses ?? []).map((s) => [s.name, s]));
    // Configured sources come first, in config order; sources that report without a config entry (replay,
    // webhook pushes) are listed too, so nothing that feeds the store is invisible.
    const sources = config.sources.map((s) => ({
      name: s.name,
      type: s.type,
      enabled: s.enabled,
      configured: true,
      status: live.get(s.name),
    }));
    for (const [name, status] of live) {
      if (!config.sources.some((s) => s.name === name)) {
        sources.push({ name, type: status.type, enabled: true, configured: false, status });
      }
    }
    res.json({ sources, statusAvailable: statuses !== undefined });
  });

  router.get('/brands', (_req, res) => {
    res.json({
      brands: config.brands.map((b) => ({
        id: b.id,
        name: b.name,
        query: b.query,
        accounts: b.accounts,
        language: b.language,
        // Effective SLAs by source/channel, most specific layer last (brand over config over defaults).
        slaMinutes: { ...DEFAULT_SLA_MINUTES, ...config.sla, ...(b.sla ?? {}) },
      })),
    });
  });
  return router;
}
