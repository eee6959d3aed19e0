/**
 * Saved searches, shared by all analysts, kept in the store's durable state (namespace `saved-search`) so
 * they survive restarts and work with either store adapter. A saved search is the query string of the
 * search page: it is validated as GET /api/mentions validates it (schema and known brand ids) before it is kept, so
 * it cannot fail on every later run. Names are unique (ignoring case): the list is picked from by name.
 */
import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import { NO_CONTROL_OR_BIDI } from '../../src/model.ts';
import type { Store } from '../../src/store/port.ts';
import { unknownBrandIssues } from '../brand-ids.ts';
import { BadRequestError, MentionSearchParams, parseInput, pathParam } from '../params.ts';

export const SAVED_SEARCH_NAMESPACE = 'saved-search';
/** Enough for a team's working set; the list is loaded whole on every search page view. */
const MAX_SAVED = 200;

/**
 * The values a search URL carries: strings. A JSON true or 50 is taken as "true" / "50", as the query string would
 * say it (QA: `"complaint": true` was refused with a bare "Invalid input").
 */
const Scalar = z.union([z.string().max(500), z.boolean().transform(String), z.number().finite().transform(String)]);
const ParamValue = z.union([Scalar, z.array(Scalar).max(50)]);

export const SavedSearchBody = z
  .object({
    name: z.string().trim().min(1, 'a name').max(100, 'at most 100 characters').regex(NO_CONTROL_OR_BIDI, 'no control or bidi characters'),
    params: z.record(z.string().max(32), ParamValue),
  })
  .strict();

export const SavedSearch = z.object({
  id: z.string(),
  name: z.string(),
  params: z.record(z.string(), ParamValue),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export function savedSearchesRouter(store: Store, brandIds: readonly string[], now: () => Date): Router {
  const router = express.Router();

  async function list(): Promise<SavedSearch[]> {
    const rows = await store.listState(SAVED_SEARCH_NAMESPACE);
    // State is JSON written by us, but a row damaged by hand must not break the page: skip what does not parse.
    const searches = rows.flatMap((r) => {
      const parsed = SavedSearch.safeParse(r.value);
      return parsed.success ? [parsed.data] : [];
    });
    return searches.sort((a, b) => a.name.localeCompare(b.name));
  }

  router.get('/saved-searches', async (_req, res) => {
    res.json({ savedSearches: await list() });
  });

  router.post('/saved-searches', async (req, res) => {
    const body = parseInput(SavedSearchBody, req.body ?? {}, 'invalid saved search');
    const { page: _page, ...params } = body.params;
    const checked = parseInput(MentionSearchParams, params, 'invalid saved search parameters');
    const brandIssues = unknownBrandIssues(checked.brand, brandIds);
    if (brandIssues.length > 0) throw new BadRequestError('invalid saved search parameters', brandIssues);
    const existing = await list();
    if (existing.length >= MAX_SAVED) {
      return void res.status(409).json({ error: `at most ${MAX_SAVED} saved searches; delete one first` });
    }
    const taken = existing.find((s) => s.name.localeCompare(body.name, undefined, { sensitivity: 'accent' }) === 0);
    if (taken) return void res.status(409).json({ error: `a saved search named "${taken.name}" exists; choose another name or delete that one first` });
    const saved: SavedSearch = { id: randomUUID(), name: body.name, params, createdAt: now().toISOString() };
    await store.putState(SAVED_SEARCH_NAMESPACE, saved.id, saved);
    res.status(201).json(saved);
  });

  router.delete('/saved-searches/:id', async (req, res) => {
    const id = pathParam(req, 'id');
    if ((await store.getState(SAVED_SEARCH_NAMESPACE, id)) == null) {
      return void res.status(404).json({ error: `no saved search with id ${id}` });
    }
    await store.deleteState(SAVED_SEARCH_NAMESPACE, id);
    res.status(204).end();
  });
  return router;
}
