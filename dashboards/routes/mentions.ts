/** Search, single mentions, whole threads and the date histogram: read-only views of the store. */
import express, { type Response, type Router } from 'express';
import { EXPORT_LIMIT, mentionsCsv } from '../../src/mentions-csv.ts';
import type { Store } from '../../src/store/port.ts';
import {
  HistogramParams,
  MentionExportParams,
  MentionSearchParams,
  exportQueryFrom,
  histogramQueryFrom,
  parseQuery,
  pathParam,
  searchQueryFrom,
} from '../params.ts';

/** Largest thread we return in one response; longer conversations are cut with `truncated: true`. */
const THREAD_LIMIT = 200;

/**
 * Writes and, while the client reads slower than the store answers, waits for it: 10,000 rows are not buffered in
 * memory. A client that went away ends the wait too (the caller then stops).
 */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function mentionsRouter(store: Store, exportLimit = EXPORT_LIMIT): Router {
  const router = express.Router();

  router.get('/mentions', async (req, res) => {
    const params = parseQuery(MentionSearchParams, req);
    res.json(await store.search(searchQueryFrom(params)));
  });

  router.get('/mentions.csv', async (req, res) => {
    const params = parseQuery(MentionExportParams, req);
    // Reads the first page before any header is sent: a refused query is still an ordinary 400.
    const csv = await mentionsCsv(store, exportQueryFrom(params), exportLimit);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="kundenradar-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('X-Kundenradar-Total', String(csv.total));
    if (csv.truncated) res.setHeader('X-Kundenradar-Truncated', 'true');
    for await (const chunk of csv.chunks) {
      if (res.destroyed) return;
      await write(res, chunk);
    }
    res.end();
  });

  router.get('/mentions/:id', async (req, res) => {
    const id = pathParam(req, 'id');
    const mention = await store.getMention(id);
    if (!mention) return void res.status(404).json({ error: `no mention with id ${id}` });
    res.json(mention);
  });

  router.get('/threads/:rootId', async (req, res) => {
    const rootId = pathParam(req, 'rootId');
    const page = await store.search({ threadRootId: rootId, sort: 'oldest', size: THREAD_LIMIT });
    if (page.total === 0) return void res.status(404).json({ error: `no thread with root id ${rootId}` });
    res.json({ rootId, total: page.total, truncated: page.total > page.hits.length, posts: page.hits.map((h) => h.mention) });
  });

  router.get('/stats/histogram', async (req, res) => {
    const params = parseQuery(HistogramParams, req);
    res.json({ interval: params.interval, buckets: await store.histogram(histogramQueryFrom(params)) });
  });
  return router;
}
