/** Search, single mentions, whole threads and the date histogram: read-only views of the store. */
import express, { type Router } from 'express';
import type { Store } from '../../src/store/port.ts';
import { HistogramParams, MentionSearchParams, histogramQueryFrom, parseQuery, pathParam, searchQueryFrom } from '../params.ts';

/** Largest thread we return in one response; longer conversations are cut with `truncated: true`. */
const THREAD_LIMIT = 200;

export function mentionsRouter(store: Store): Router {
  const router = express.Router();

  router.get('/mentions', async (req, res) => {
    const params = parseQuery(MentionSearchParams, req);
    res.json(await store.search(searchQueryFrom(params)));
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
