/**
 * Who acknowledged or resolved an alert: without a login (no token, or one shared token) the client names the actor
 * in an optional JSON body `{"by": "…"}`, and the alert keeps it as evidence (QA: resolved alerts named nobody).
 */
import { describe, expect, it } from 'vitest';
import { storeAlertActions } from '../../../dashboards/routes/alerts.ts';
import type { Store } from '../../../src/store/port.ts';
import type { Served } from './fixtures.ts';
import { dashboardHarness } from './harness.ts';

const harness = dashboardHarness('kundenradar-actor-', { freshStorePerTest: true });
const OPEN = encodeURIComponent('unanswered:flinkpost:twitter:100');

async function post(served: Served, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(served.url + path, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

describe('ack and resolve name who acted', () => {
  it('records acknowledgedBy and resolvedBy from {"by": …}, trimmed, in German and English names alike', async () => {
    const served = await harness.start();
    const acked = await post(served, `/api/alerts/${OPEN}/ack`, { by: '  Jürgen Müller ' });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', evidence: { acknowledgedBy: 'Jürgen Müller' } });
    const resolved = await post(served, `/api/alerts/${OPEN}/resolve`, { by: 'Sarah (care team)' });
    expect(resolved.body).toMatchObject({ status: 'resolved', evidence: { acknowledgedBy: 'Jürgen Müller', resolvedBy: 'Sarah (care team)' } });
    expect((await harness.store.getAlert('unanswered:flinkpost:twitter:100'))?.evidence).toMatchObject({ resolvedBy: 'Sarah (care team)' });
  });

  it('still works without a body or with an empty one, recording no actor', async () => {
    const served = await harness.start();
    const acked = await post(served, `/api/alerts/${OPEN}/ack`);
    expect(acked.status).toBe(200);
    expect(acked.body.evidence.acknowledgedBy).toBeUndefined();
    expect((await post(served, `/api/alerts/${OPEN}/resolve`, {})).body.status).toBe('resolved');
  });

  it('refuses an actor that is not a short name, and unknown fields, with 400 before changing anything', async () => {
    const served = await harness.start();
    for (const body of [{ by: '' }, { by: 'x'.repeat(101) }, { by: 'a\nb' }, { by: 'Mallory\u202eevil' }, { by: 42 }, { who: 'lena' }]) {
      const reply = await post(served, `/api/alerts/${OPEN}/ack`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error).toMatch(/^invalid body: /);
    }
    expect((await harness.store.getAlert('unanswered:flinkpost:twitter:100'))?.status).toBe('open');
  });

  it('hands the actor to the injected lifecycle (src/alerts, which also tells the notifiers)', async () => {
    const calls: Array<[string, string, string | undefined]> = [];
    const base = () => storeAlertActions(harness.store as Store, () => new Date());
    const served = await harness.start({
      alertActions: {
        acknowledge: (id, by) => (calls.push(['ack', id, by]), base().acknowledge(id, by)),
        resolve: (id, by) => (calls.push(['resolve', id, by]), base().resolve(id, by)),
      },
    });
    await post(served, `/api/alerts/${OPEN}/ack`, { by: 'lena' });
    await post(served, `/api/alerts/${OPEN}/resolve`);
    expect(calls).toEqual([['ack', 'unanswered:flinkpost:twitter:100', 'lena'], ['resolve', 'unanswered:flinkpost:twitter:100', undefined]]);
  });
});
