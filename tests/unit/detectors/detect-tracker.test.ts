/**
 * The unanswered tracker driven by the detect stage over the in-process bus, as replay and `worker detect` run it:
 * posts that name no brand but continue a tracked thread, and the event clock catching up over quiet stretches.
 */
import { describe, expect, it } from 'vitest';
import type { Bus } from '../../../src/bus/port.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { createUnansweredTracker, unansweredNamespace, type UnansweredTrackerOptions } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import { Alert, type Brand, type Classified } from '../../../src/model.ts';
import { classifiedMessages } from '../../../src/stages/classify.ts';
import { createDetectStage, DETECT_GROUP } from '../../../src/stages/detect.ts';
import { waitFor } from '../../helpers/wait.ts';
import { MemoryState, post, publishedAlerts, type PostSpec } from './helpers.ts';

const telvana: Brand = { id: 'telvana', name: 'Telvana', query: '@telvana_hilft', accounts: ['telvana_hilft'], language: 'de' };
const config = AppConfig.parse({ brands: [telvana], detect: { clock: 'event' } });
const H = 3_600_000;
const T0 = Date.parse('2026-03-02T13:00:00Z');
const at = (hours: number) => new Date(T0 + hours * H);

/** A customer tweet; `brands` as classify would assign them (by the @handle in the text). */
const tweet = (id: string, hours: number, text: string, extra: Partial<PostSpec> = {}): Classified =>
  post({ id, at: at(hours), author: 'kunde_kai', text, brands: text.includes('@telvana_hilft') ? ['telvana'] : [], ...extra });


/**
 * Runs one detect stage (event clock) over the posts, keyed as classify publishes them, then moves event time to
 * `end`; state persists in `state` across calls, like a restart of `worker detect`.
 */
async function detect(posts: Classified[], opts: { state?: MemoryState; end?: Date; dataEnd?: Date; options?: UnansweredTrackerOptions } = {}): Promise<Alert[]> {
  const state = opts.state ?? new MemoryState();
  const bus = createMemoryBus();
  const tracker = createUnansweredTracker({ brands: [telvana], config, state, ...(opts.options ? { options: opts.options } : {}) });
  const stage = createDetectStage({ bus, detectors: [tracker], clock: 'event', state });
  await bus.publish('classified', posts.flatMap(classifiedMessages));
  const stop = new AbortController();
  const running = stage.run(stop.signal);
  await waitFor(async () => (await bus.lag('classified', DETECT_GROUP)) === 0, { what: 'detect caught up' });
  if (opts.end) await stage.advanceTo(opts.end, opts.dataEnd);
  stop.abort();
  await running;
  const alerts = await publishedAlerts(bus);
  await bus.close();
  return alerts;
}

const lastOf = (alerts: Alert[]) => new Map(alerts.map((a) => [a.id, a]));

describe('detect stage: a follow-up that names no brand (QA telvana t11b)', () => {
  const t11 = tweet('t11', 0, '@telvana_hilft Seit heute morgen kein DSL in 04109 Leipzig. Störung?');
  const t11b = tweet('t11b', 1.5, 'Hallo??? Immer noch kein Internet und keine Reaktion. Ich kündige.', { rootId: 't11', parentId: 't11', complaint: true });

  it('reaches the customer\'s open thread, counts as a follow-up and raises its priority', async () => {
    expect(t11b.brands).toEqual([]);
    const alerts = await detect([t11, t11b], { end: at(3) });
    const [alert, ...others] = [...lastOf(alerts).values()];
    expect(others).toEqual([]);
    expect(alert?.mentions).toEqual(['twitter:t11', 'twitter:t11b']);
    expect(alert?.evidence).toMatchObject({ followUps: 1, complaint: true, priority: 'urgent', unansweredIds: ['twitter:t11', 'twitter:t11b'] });
    expect(alert?.brand).toBe('telvana');
  });

  it('is counted once when the batch is delivered again after a restart', async () => {
    const state = new MemoryState();
    const first = await detect([t11, t11b], { state });
    expect(first.at(-1)?.evidence).toMatchObject({ followUps: 1, priority: 'urgent' });
    // Fed again: nothing new to say, and the thread still holds one follow-up.
    expect(await detect([t11, t11b], { state, end: at(5) })).toEqual([]);
    const stored = await state.getState(unansweredNamespace('telvana'), 'twitter:t11');
    expect(stored).toMatchObject({ followUps: 1, ids: ['twitter:t11', 'twitter:t11b'] });
  });

  it('leaves posts about no brand in no tracked thread alone, and they do not move the event clock', async () => {
    const stranger = tweet('x1', 30, 'Kein Internet heute, nervig.', { author: 'jemand' });
    const alerts = await detect([t11, stranger]);
    // Had the stranger's post moved the clock 30 h on, t11 would be overdue and alerted.
    expect(alerts).toEqual([]);
  });
});

describe('detect stage: the event clock catches up over quiet stretches (QA 13)', () => {
  const t12 = tweet('t12', 1, '@telvana_hilft Jo mei, des Internet geht scho wieder ned. Wia lang soi des no dauern??', { author: 'kunde_sepp', complaint: true });
  const nextDay = tweet('n1', 26, '@telvana_hilft Wie kündige ich meinen Vertrag?', { author: 'kunde_nina' });

  it('raises an alert at its deadline, not when the next post comes a day later', async () => {
    const alerts = await detect([t12, nextDay]);
    const ofT12 = alerts.filter((a) => a.mentions.includes('twitter:t12'));
    // Due at 15:00 (1 h SLA) as a warning (a complaint), long overdue at 18:00 (4 × SLA): each as of its own time.
    expect(ofT12.map((a) => [a.revision, a.severity, a.updatedAt, a.evidence.waitedMinutes])).toEqual([
      [0, 'warning', at(2).toISOString(), 60],
      [1, 'critical', at(5).toISOString(), 240],
    ]);
    expect(ofT12[0]?.title).toMatch(/seit 1 h unbeantwortet/);
    expect(ofT12[1]?.title).toMatch(/seit 4 h unbeantwortet/);
    // In time order, before the next day's post is observed.
    expect(alerts.map((a) => a.updatedAt)).toEqual([...alerts.map((a) => a.updatedAt)].sort());
  });

  it('expires a thread idle past the retention at its expiry, before a later escalation', async () => {
    // A blog comment: SLA 24 h, long overdue only after 4 × 24 h; the thread expires after 3 idle days here.
    const blog = tweet('b1', 0, 'Seit Wochen kein Netz, @telvana_hilft, was ist da los?', { source: 'rss', channel: 'blog_comment', complaint: true });
    const months = tweet('m1', 24 * 60, '@telvana_hilft Frage zur Rechnung?', { author: 'kunde_max' });
    const alerts = await detect([blog, months], { options: { retentionDays: 3 } });
    const ofBlog = alerts.filter((a) => a.mentions.includes('rss:b1'));
    expect(ofBlog.map((a) => [a.revision, a.status, a.severity, a.updatedAt])).toEqual([
      [0, 'open', 'warning', at(24).toISOString()],
      [1, 'resolved', 'warning', at(72).toISOString()],
    ]);
    expect(ofBlog[1]?.evidence).toMatchObject({ resolution: 'expired: no brand answer within 3 days', waitedMinutes: 72 * 60 });
  });

  it('a question idle for 14 days is escalated at 4 × SLA and closed at its expiry, not "seit 20 Tagen"', async () => {
    const q = tweet('q1', 0, '@telvana_hilft Wann kommt der Techniker?', { author: 'kunde_ute' });
    const later = tweet('q2', 20 * 24, '@telvana_hilft Gibt es Glasfaser in Halle?', { author: 'kunde_max' });
    const alerts = await detect([q, later]);
    const ofQ = alerts.filter((a) => a.mentions.includes('twitter:q1'));
    expect(ofQ.map((a) => [a.status, a.severity, a.updatedAt])).toEqual([
      ['open', 'watch', at(1).toISOString()],
      ['open', 'warning', at(4).toISOString()],
      ['resolved', 'warning', at(14 * 24).toISOString()],
    ]);
  });

  it('neither forgets nor repeats across a restart between the posts', async () => {
    const posts = [
      t12,
      tweet('t13', 3, '@telvana_hilft Router blinkt rot, was tun?', { author: 'kunde_lea' }),
      tweet('t13b', 3.5, 'Immer noch keine Antwort?!', { author: 'kunde_lea', rootId: 't13', parentId: 't13' }),
      nextDay,
    ];
    const shape = (alerts: Alert[]) => alerts.map((a) => [a.id, a.revision, a.status, a.severity, a.updatedAt]);
    const straight = await detect(posts, { end: at(40) });
    const state = new MemoryState();
    const first = await detect(posts.slice(0, 2), { state });
    // The second run gets the first run's last post again (a batch whose offsets were not committed).
    const second = await detect(posts.slice(1), { state, end: at(40) });
    expect(shape([...first, ...second])).toEqual(shape(straight));
  });
});

describe('detect stage: the end of a replay\'s data (QA round 12 D1)', () => {
  const t1 = tweet('e1', 0, '@telvana_hilft Seit Tagen kein Internet, keiner meldet sich. Wann wird das behoben?', { complaint: true });
  const t2 = tweet('e2', 10 * 24, '@telvana_hilft Gibt es den Glasfasertarif auch in 04109?', { author: 'kunde_lea' });
  const end = at(17 * 24);

  it('moving the clock a week past the last record closes no thread for idleness; every waiting alert shows its wait as of the end', async () => {
    const last = [...lastOf(await detect([t1, t2], { end, dataEnd: at(10 * 24) })).values()];
    expect(last.map((a) => [a.status, a.updatedAt, a.evidence.resolution])).toEqual([
      ['open', end.toISOString(), undefined],
      ['open', end.toISOString(), undefined],
    ]);
  });

  it('without the data\'s end, as `start` runs, a thread idle for 14 days closes', async () => {
    const last = [...lastOf(await detect([t1, t2], { end })).values()];
    expect(last.map((a) => a.evidence.resolution).sort()).toEqual(['expired: no brand answer within 14 days', undefined]);
  });
});
