import { afterEach, describe, expect, it } from 'vitest';
import { createUnansweredTracker, unansweredNamespace } from '../../../classifiers/unanswered.ts';
import { createShitstormDetector } from '../../../classifiers/shitstorm.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { partitionForKey } from '../../../src/bus/partitioner.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Brand, Classified } from '../../../src/model.ts';
import { createDetectStage, DETECT_GROUP } from '../../../src/stages/detect.ts';
import { observeBus } from '../../helpers/observed-bus.ts';
import { waitFor } from '../../helpers/wait.ts';
import { MemoryState, post } from './helpers.ts';

const bahn: Brand = { id: 'bahn', name: 'Deutsche Bahn', query: '@DB_Bahn', accounts: ['DB_Bahn'], language: 'de' };
const acme: Brand = { id: 'acme', name: 'Acme', query: '@AcmeHelp', accounts: ['AcmeHelp'], language: 'en' };
const config = AppConfig.parse({ brands: [bahn, acme] });
const PARTITIONS = 6;

const T0 = Date.parse('2026-06-16T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const classified = (m: Classified) => m.brands.map((key) => ({ key, value: m }));

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

describe('detect stage in a consumer group: only the owner of a brand acts on it', () => {
  it('a member that lost a brand raises no stale unanswered alert and does not write the answered thread back (en)', async () => {
    // Two members split the partitions by parity: bahn stays with the first member, acme moves to the second.
    expect(partitionForKey('bahn', PARTITIONS) % 2).toBe(0);
    expect(partitionForKey('acme', PARTITIONS) % 2).toBe(1);

    const state = new MemoryState();
    const { bus, alerts, joins } = observeBus(createMemoryBus({ partitions: { classified: PARTITIONS } }));
    const detectors = () => [createUnansweredTracker({ brands: [bahn, acme], config, state }), createShitstormDetector({ brands: [bahn, acme], state })];
    const start = () => {
      const controller = new AbortController();
      controllers.push(controller);
      void createDetectStage({ bus, detectors: detectors(), clock: 'event', state }).run(controller.signal);
    };
    const caughtUp = () => waitFor(async () => (await bus.lag('classified', DETECT_GROUP)) === 0, { what: 'detect to catch up' });

    start();
    await waitFor(() => joins() === 1, { what: 'the first member to join' });
    // The first member owns both brands: an acme customer waits for an answer, so does a bahn customer.
    await bus.publish('classified', [
      ...classified(post({ id: 'a1', at: at(0), author: 'customer1', text: '@AcmeHelp my parcel never arrived, where is it?', brandContext: ['acme'], lang: 'en', complaint: true })),
      ...classified(post({ id: 'b1', at: at(1), author: 'kundin42', text: '@DB_Bahn Wo ist mein Koffer geblieben?', brandContext: ['bahn'], complaint: true })),
    ]);
    await caughtUp();
    expect((await state.getState(unansweredNamespace('acme'), 'twitter:a1')) as { state: string }).toMatchObject({ state: 'awaiting_brand' });

    // A second member joins: acme's partition moves to it. Acme answers within the SLA; the new owner records it.
    start();
    await waitFor(() => joins() === 2, { what: 'the second member to join' });
    await bus.publish('classified', classified(post({ id: 'a2', at: at(30), author: 'AcmeHelp', isBrand: true, text: 'Sorry about that! We have sent a replacement, it arrives tomorrow.', rootId: 'a1', parentId: 'a1', brands: ['acme'], lang: 'en' })));
    await caughtUp();
    expect((await state.getState(unansweredNamespace('acme'), 'twitter:a1')) as { state: string }).toMatchObject({ state: 'answered' });

    // Two hours later only bahn posts arrive, at the first member: its clock passes acme's SLA.
    await bus.publish('classified', classified(post({ id: 'b2', at: at(120), author: 'kunde7', text: '@DB_Bahn Danke, alles gut.', brandContext: ['bahn'] })));
    await caughtUp();

    // No alert for the answered acme thread, and the store still says answered; bahn's own overdue thread alerts.
    expect(alerts.filter((a) => a.kind === 'unanswered' && a.brand === 'acme')).toEqual([]);
    expect((await state.getState(unansweredNamespace('acme'), 'twitter:a1')) as { state: string }).toMatchObject({ state: 'answered' });
    expect(alerts.filter((a) => a.kind === 'unanswered' && a.brand === 'bahn').length).toBeGreaterThan(0);
  });
});
