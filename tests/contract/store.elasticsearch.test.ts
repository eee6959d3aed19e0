/**
 * The Store contract on a real Elasticsearch 8 node (ELASTICSEARCH_URL, e.g. from `scripts/services/elasticsearch
 * start`), plus what only this adapter has: monthly indices, retention, per-item bulk failures.
 * Without ELASTICSEARCH_URL the suite is skipped locally with the reason, and fails in CI (services.ts).
 */
import { randomUUID } from 'node:crypto';
import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { BulkWriteError } from '../../src/store/errors.ts';
import type { ElasticsearchStore } from '../../src/store/elasticsearch.ts';
import { storeContract } from './store.contract.ts';
import { alert, mention } from './store.fixtures.ts';
import { Classified } from '../../src/model.ts';
import { describeWithElasticsearch } from '../integration/services.ts';
import { dispose, makeTestStore, openTestStore } from '../helpers/elasticsearch-store.ts';

describeWithElasticsearch('elasticsearch store', () => {
  storeContract('elasticsearch', makeTestStore);

  describe('monthly indices, retention, bulk item failures', () => {
    it('writes each mention to the monthly index of its createdAt; an update goes to the same index', async () => {
      const store = await openTestStore();
      try {
        const march = mention({ id: 'twitter:m1', text: 'Verspätung im März', createdAt: '2026-03-31T23:59:59Z' });
        const april = mention({ id: 'twitter:m2', text: 'Verspätung im April', createdAt: '2026-04-01T00:00:00Z' });
        await store.upsertMentions([march, april]);
        await store.upsertMentions([{ ...march, text: 'Verspätung im März, korrigiert' }]);
        await store.refresh();
        const prefix = store.options.indexPrefix;
        const counts = await store.client.cat.indices({ index: `${prefix}-mentions-*`, format: 'json', h: ['index', 'docs.count'] });
        expect(counts.map((c) => [c.index, c['docs.count']]).sort()).toEqual([
          [`${prefix}-mentions-2026.03`, '1'],
          [`${prefix}-mentions-2026.04`, '1'],
        ]);
        const alias = await store.client.indices.getAlias({ name: `${prefix}-mentions` });
        expect(Object.keys(alias).sort()).toEqual([`${prefix}-mentions-2026.03`, `${prefix}-mentions-2026.04`]);
        expect((await store.getMention('twitter:m1'))?.text).toBe('Verspätung im März, korrigiert');
      } finally {
        await dispose(store);
      }
    });

    it('finds prefixes, as written, in a monthly index created before the folded fields existed', async () => {
      const prefix = `krtest-${randomUUID().slice(0, 8)}`;
      const old = `${prefix}-mentions-2026.01`;
      const plainText: estypes.MappingProperty = { type: 'text' };
      // Created before this version's template: only the plain (standard-analysed) text field among the text ones.
      const writer = await openTestStore({ indexPrefix: `${prefix}-bootstrap` });
      await writer.client.indices.create({
        index: old,
        aliases: { [`${prefix}-mentions`]: {} },
        mappings: { dynamic: false, properties: { id: { type: 'keyword' }, createdAt: { type: 'date' }, text: plainText, title: plainText } },
      });
      await dispose(writer);
      const store = await openTestStore({ indexPrefix: prefix });
      try {
        await store.upsertMentions([mention({ id: 'twitter:alt', text: 'Verspätung im Januar', createdAt: '2026-01-15T00:00:00Z' })]);
        await store.refresh();
        expect((await store.search({ text: 'Verspät*' })).hits.map((h) => h.mention.id)).toEqual(['twitter:alt']);
        expect((await store.search({ text: '-Verspät*' })).total).toBe(0);
      } finally {
        await dispose(store);
      }
    });

    it('retention deletes only months that ended before now − retentionDays', async () => {
      const writer = await openTestStore({ retentionDays: 3650 });
      const store = await openTestStore({ indexPrefix: writer.options.indexPrefix, retentionDays: 30 });
      try {
        await writer.upsertMentions([
          mention({ id: 'twitter:old', text: 'alt', createdAt: '2026-01-15T00:00:00Z' }),
          mention({ id: 'twitter:edge', text: 'Grenze', createdAt: '2026-02-10T00:00:00Z' }),
          mention({ id: 'twitter:new', text: 'neu', createdAt: '2026-03-20T00:00:00Z' }),
        ]);
        const prefix = store.options.indexPrefix;
        // Cutoff 2026-03-01T00:00Z: January and February have ended by then, March has not.
        expect(await store.applyRetention(new Date('2026-03-31T00:00:00Z'))).toEqual([`${prefix}-mentions-2026.01`, `${prefix}-mentions-2026.02`]);
        await store.refresh();
        expect((await store.search({})).hits.map((h) => h.mention.id)).toEqual(['twitter:new']);
        expect(await store.applyRetention(new Date('2026-03-31T00:00:00Z'))).toEqual([]);
      } finally {
        await store.close();
        await dispose(writer);
      }
    });

    it('refuses posts from a month retention deletes, naming the setting, and stores the rest', async () => {
      const store = await openTestStore({ retentionDays: 90 });
      try {
        const old = mention({ id: 'twitter:2017', text: 'alt', createdAt: '2017-10-31T10:00:00Z' });
        const recent = mention({ id: 'twitter:today', text: 'neu', createdAt: new Date().toISOString() });
        const err = await store.upsertMentions([old, recent]).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BulkWriteError);
        expect((err as BulkWriteError).exhausted).toEqual([]);
        expect((err as BulkWriteError).rejected.map((r) => [r.id, r.reason])).toEqual([['twitter:2017', expect.stringContaining('store.retentionDays (90)')]]);
        await store.refresh();
        expect((await store.search({})).hits.map((h) => h.mention.id)).toEqual(['twitter:today']);
      } finally {
        await dispose(store);
      }
    });

    it('applies retention when a store opens, before it writes anything', async () => {
      const writer = await openTestStore({ retentionDays: 3650 });
      const prefix = writer.options.indexPrefix;
      let reopened: ElasticsearchStore | undefined;
      try {
        const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
        await writer.upsertMentions([mention({ id: 'twitter:ancient', text: 'uralt', createdAt: longAgo })]);
        reopened = await openTestStore({ indexPrefix: prefix, retentionDays: 90, retentionEveryMs: 3_600_000 });
        await reopened.refresh();
        expect((await reopened.search({})).total).toBe(0);
        expect(await reopened.client.indices.exists({ index: `${prefix}-mentions-*`, allow_no_indices: false })).toBe(false);
      } finally {
        await reopened?.close();
        await dispose(writer);
      }
    });

    it('retries items refused with 429 until they are stored (a real flood-stage block, lifted between attempts)', async () => {
      let lifted = 0;
      const store: ElasticsearchStore = await openTestStore({
        retry: {
          retries: 3,
          minTimeoutMs: 10,
          maxTimeoutMs: 50,
          onRetryableFailures: async (failures) => {
            expect(failures.map((f) => [f.id, f.status])).toEqual([['twitter:blocked', 429]]);
            lifted += 1;
            await store.client.indices.putSettings({ index: `${store.options.indexPrefix}-mentions-2026.02`, settings: { 'index.blocks.read_only_allow_delete': null } });
          },
        },
      });
      try {
        const blockedMonth = `${store.options.indexPrefix}-mentions-2026.02`;
        await store.upsertMentions([mention({ id: 'twitter:seed', text: 'Februar', createdAt: '2026-02-01T00:00:00Z' })]);
        await store.client.indices.putSettings({ index: blockedMonth, settings: { 'index.blocks.read_only_allow_delete': true } });
        await store.upsertMentions([
          mention({ id: 'twitter:blocked', text: 'Mahnung im Februar', createdAt: '2026-02-10T00:00:00Z' }),
          mention({ id: 'twitter:free', text: 'Mahnung im März', createdAt: '2026-03-10T00:00:00Z' }),
        ]);
        expect(lifted).toBe(1);
        await store.refresh();
        expect((await store.search({ text: 'Mahnung' })).total).toBe(2);
      } finally {
        await dispose(store);
      }
    });

    it('gives up on 429 items after the retries and names them, keeping the rest', async () => {
      const store = await openTestStore({ retry: { retries: 2, minTimeoutMs: 10, maxTimeoutMs: 20 } });
      const blockedMonth = `${store.options.indexPrefix}-mentions-2026.02`;
      try {
        await store.upsertMentions([mention({ id: 'twitter:seed', text: 'Februar', createdAt: '2026-02-01T00:00:00Z' })]);
        await store.client.indices.putSettings({ index: blockedMonth, settings: { 'index.blocks.read_only_allow_delete': true } });
        const error = await store
          .upsertMentions([
            mention({ id: 'twitter:blocked', text: 'Mahnung im Februar', createdAt: '2026-02-10T00:00:00Z' }),
            mention({ id: 'twitter:free', text: 'Mahnung im März', createdAt: '2026-03-10T00:00:00Z' }),
          ])
          .catch((err: unknown) => err);
        expect(error).toBeInstanceOf(BulkWriteError);
        const bulk = error as BulkWriteError;
        expect(bulk.rejected).toEqual([]);
        expect(bulk.exhausted.map((r) => [r.id, r.index, r.status])).toEqual([['twitter:blocked', blockedMonth, 429]]);
        expect(bulk.exhausted[0]?.reason).toContain('cluster_block_exception');
        await store.refresh();
        expect((await store.search({ text: 'Mahnung' })).hits.map((h) => h.mention.id)).toEqual(['twitter:free']);
      } finally {
        await store.client.indices.putSettings({ index: blockedMonth, settings: { 'index.blocks.read_only_allow_delete': null } });
        await dispose(store);
      }
    });

    it('reports documents the mapping refuses by id, and still writes the rest of the batch', async () => {
      const store = await openTestStore();
      try {
        const good = mention({ id: 'twitter:good', text: 'Rechnung falsch', createdAt: '2026-03-02T08:00:00Z' });
        const bad = mention({ id: 'twitter:bad', text: 'Mahnung', createdAt: '2026-03-02T08:00:00Z' });
        // A value the mapping cannot take (a number field given text) stands in for a malformed document; the
        // type system would stop this in real code, so it is forced here on purpose.
        const corrupted = { ...bad, complaint: { ...bad.complaint, score: 'hoch' as unknown as number } };
        const error = await store.upsertMentions([good, corrupted]).catch((err: unknown) => err);
        expect(error).toBeInstanceOf(BulkWriteError);
        const bulk = error as BulkWriteError;
        expect(bulk.rejected.map((r) => [r.id, r.status])).toEqual([['twitter:bad', 400]]);
        expect(bulk.exhausted).toEqual([]);
        expect(bulk.message).toContain('twitter:bad');
        expect(bulk.rejected[0]?.reason).toMatch(/parsing_exception|illegal_argument/);
        await store.refresh();
        expect((await store.search({})).hits.map((h) => h.mention.id)).toEqual(['twitter:good']);
      } finally {
        await dispose(store);
      }
    });

    it('stores an alert whose id is within the model\'s 256 characters but over Elasticsearch\'s 512 bytes', async () => {
      // An unanswered alert's id holds the thread root id; three-byte characters (CJK, many symbols) make 200
      // characters 600 bytes. A refused write would fail the alert index stage for ever on that alert.
      const store = await openTestStore();
      try {
        const id = `unanswered:bahn:webhook:${'東'.repeat(200)}:0`;
        const long = alert({ id, dedupeKey: 'dedupe-long' });
        await store.upsertAlert(long);
        await store.upsertAlert({ ...long, status: 'acknowledged', acknowledgedAt: '2026-03-02T09:30:00Z' });
        expect((await store.getAlert(id))?.status).toBe('acknowledged');
        await store.refresh();
        expect((await store.alerts({})).map((a) => a.id)).toEqual([id]);
      } finally {
        await dispose(store);
      }
    });

    it('refuses an id longer than Elasticsearch\'s 512 bytes by id, instead of failing the whole batch for ever', async () => {
      // The model allows 512 characters; umlauts take two bytes each in UTF-8, and Elasticsearch rejects the whole
      // bulk request (400 action_request_validation_exception) for one such _id: the index stage would redeliver
      // the batch for ever and no post behind it would be stored.
      const store = await openTestStore();
      try {
        const longId = `webhook:${'ä'.repeat(300)}`;
        const good = mention({ id: 'twitter:kurz', text: 'Rechnung falsch', createdAt: '2026-03-02T08:00:00Z' });
        // A valid Classified (the model accepts it), e.g. a webhook-pushed post with a long native id.
        const tooLong = Classified.parse({ ...mention({ id: 'webhook:x', text: 'Mahnung', createdAt: '2026-03-02T08:00:00Z' }), id: longId });
        const error = await store.upsertMentions([good, tooLong]).catch((err: unknown) => err);
        expect(error).toBeInstanceOf(BulkWriteError);
        const bulk = error as BulkWriteError;
        expect(bulk.rejected.map((r) => [r.id, r.status])).toEqual([[longId, 400]]);
        expect(bulk.rejected[0]?.reason).toContain('512 bytes');
        expect(bulk.exhausted).toEqual([]);
        await store.refresh();
        expect((await store.search({})).hits.map((h) => h.mention.id)).toEqual(['twitter:kurz']);
      } finally {
        await dispose(store);
      }
    });
  });
});
