/**
 * The unanswered queue: open `unanswered` alerts, worst SLA breach first. The detector's evidence says when
 * the clock started and which SLA applies (it knows business hours and "awaiting customer" states); the
 * waited time is recomputed for the current moment, and the brand's replies are read from the thread in the
 * store so a reply indexed after the alert was rendered shows up at once. Alerts without that evidence (other
 * detectors, older data) fall back to deriving both from the thread.
 */
import express, { type Router } from 'express';
import type { AppConfig } from '../../src/config.ts';
import { slaMinutesFor } from '../../src/config.ts';
import type { Alert, Classified, ReplyKind } from '../../src/model.ts';
import type { Store } from '../../src/store/port.ts';
import { businessMinutesBetween } from '../../classifiers/business-hours.ts';
import { titleWaitingNow } from '../../classifiers/unanswered-alert.ts';
import { UnansweredParams, parseQuery } from '../params.ts';
import { dataClock } from './clock.ts';

const THREAD_LIMIT = 200;
/**
 * Open unanswered alerts read per request, in pages. The queue matters most when it is long (a storm, the morning
 * after an outage): it once read only the 500 most recently updated, which left out exactly the longest waits, the
 * alerts no revision had touched for hours (QA). Past this many the response says it is cut.
 */
const ALERT_SCAN_MAX = 20_000;
const ALERT_PAGE = 1_000;

export interface BrandReply {
  id: string;
  kind: ReplyKind | 'unclassified';
  createdAt: string;
}

export interface QueueItem {
  alertId: string;
  brand: string;
  severity: Alert['severity'];
  title: string;
  rootId: string | undefined;
  /** The customer post the brand owes an answer to: the first one after the brand's last real answer. */
  waiting: Pick<Classified, 'id' | 'text' | 'url' | 'source' | 'channel' | 'createdAt'> & { author: string } | undefined;
  waitingSince: string;
  waitedMinutes: number;
  slaMinutes: number;
  /** Minutes past the SLA (negative: still within it). The queue is sorted by this, largest first. */
  overdueMinutes: number;
  brandReplies: BrandReply[];
  /** The brand asked for details and the customer has not replied yet: the brand owes nothing for now. */
  awaitingCustomer: boolean;
  threadUrl: string | undefined;
}

async function threadOf(store: Store, alert: Alert): Promise<{ rootId: string | undefined; posts: Classified[] }> {
  const evidenceRoot = alert.evidence['threadRootId'];
  let rootId = typeof evidenceRoot === 'string' ? evidenceRoot : undefined;
  if (!rootId && alert.mentions[0]) rootId = (await store.getMention(alert.mentions[0]))?.thread.rootId;
  if (!rootId) return { rootId: undefined, posts: [] };
  const page = await store.search({ threadRootId: rootId, sort: 'oldest', size: THREAD_LIMIT });
  return { rootId, posts: page.hits.map((h) => h.mention) };
}

/**
 * When the wait began, the SLA and the minutes waited as of `now`, from the detector's evidence; without it, from the
 * customer post still owed an answer (`waiting`, read from the thread) or the alert itself.
 */
function waitFigures(
  alert: Alert,
  config: AppConfig,
  now: Date,
  waiting: Pick<Classified, 'createdAt' | 'source' | 'channel'> | undefined,
): { waitingSince: string; slaMinutes: number; awaitingCustomer: boolean; waitedMinutes: number } {
  const evidenceSince = alert.evidence['waitingSince'];
  const waitingSince =
    (typeof evidenceSince === 'string' && !Number.isNaN(Date.parse(evidenceSince)) ? evidenceSince : undefined) ??
    waiting?.createdAt ??
    alert.examples[0]?.createdAt ??
    alert.openedAt;
  const brand = config.brands.find((b) => b.id === alert.brand);
  const evidenceSla = alert.evidence['slaMinutes'];
  const slaMinutes =
    typeof evidenceSla === 'number' && evidenceSla > 0
      ? evidenceSla
      : slaMinutesFor(config, brand, waiting?.source ?? 'default', waiting?.channel ?? 'default');
  const awaitingCustomer = alert.evidence['state'] === 'awaiting_customer';
  const frozenWait = alert.evidence['waitedMinutes'];
  // Business minutes, as the detector counts them: a post on Friday evening is not overdue on Saturday. While
  // the customer owes the answer the brand's clock is stopped at the detector's figure.
  const waitedMinutes =
    awaitingCustomer && typeof frozenWait === 'number'
      ? frozenWait
      : Math.max(0, Math.round(businessMinutesBetween(new Date(waitingSince), now, brand?.businessHours)));
  return { waitingSince, slaMinutes, awaitingCustomer, waitedMinutes };
}

export async function queueItem(store: Store, config: AppConfig, alert: Alert, now: Date): Promise<QueueItem> {
  const { rootId, posts } = await threadOf(store, alert);
  const byTime = [...posts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const brandPosts = byTime.filter((p) => p.author.isBrand);
  const lastAnswer = brandPosts.filter((p) => p.replyKind === 'answer').at(-1);
  // Auto-replies, requests for details and "please DM us" do not stop the clock: only a real answer does.
  const waiting = byTime.find((p) => !p.author.isBrand && (!lastAnswer || p.createdAt > lastAnswer.createdAt));
  const brand = config.brands.find((b) => b.id === alert.brand);
  const { waitingSince, slaMinutes, awaitingCustomer, waitedMinutes } = waitFigures(alert, config, now, waiting);
  const root = byTime.find((p) => p.id === rootId);
  const calendarMinutes = Math.max(0, (now.getTime() - Date.parse(waitingSince)) / 60_000);
  return {
    alertId: alert.id,
    brand: alert.brand,
    severity: alert.severity,
    // While the brand owes the answer the wait grows between revisions; the title says it as of now.
    title: awaitingCustomer ? alert.title : titleWaitingNow(alert.title, waitedMinutes, calendarMinutes, brand),
    rootId,
    waiting: waiting && {
      id: waiting.id,
      text: waiting.text,
      url: waiting.url,
      source: waiting.source,
      channel: waiting.channel,
      createdAt: waiting.createdAt,
      author: waiting.author.handle ?? waiting.author.name ?? waiting.author.id,
    },
    waitingSince,
    waitedMinutes,
    slaMinutes,
    overdueMinutes: waitedMinutes - slaMinutes,
    brandReplies: brandPosts.map((p) => ({ id: p.id, kind: p.replyKind ?? 'unclassified', createdAt: p.createdAt })),
    awaitingCustomer,
    threadUrl: root?.url ?? waiting?.url,
  };
}

/** Every open unanswered alert (of the brands asked for), up to ALERT_SCAN_MAX. */
async function openUnanswered(store: Store, brands: string[] | undefined): Promise<{ alerts: Alert[]; truncated: boolean }> {
  const alerts: Alert[] = [];
  let after: { updatedAt: string; id: string } | undefined;
  while (alerts.length < ALERT_SCAN_MAX) {
    const page = await store.alerts({ kinds: ['unanswered'], statuses: ['open'], ...(brands ? { brands } : {}), limit: ALERT_PAGE, ...(after ? { after } : {}) });
    alerts.push(...page);
    const last = page.at(-1);
    if (page.length < ALERT_PAGE || last === undefined) return { alerts, truncated: false };
    after = { updatedAt: last.updatedAt, id: last.id };
  }
  return { alerts, truncated: true };
}

type QueueOrder = Pick<QueueItem, 'awaitingCustomer' | 'overdueMinutes' | 'waitingSince'>;

const queueOrder = (a: QueueOrder, b: QueueOrder): number =>
  Number(a.awaitingCustomer) - Number(b.awaitingCustomer) || b.overdueMinutes - a.overdueMinutes || a.waitingSince.localeCompare(b.waitingSince);

/**
 * The queue position of an alert from its own evidence, without reading its thread: enough to pick the page to
 * show. `queueItem` then computes the shown figures (and may correct an alert without that evidence).
 */
function roughOrder(alert: Alert, config: AppConfig, now: Date): QueueOrder {
  const { awaitingCustomer, waitedMinutes, slaMinutes, waitingSince } = waitFigures(alert, config, now, undefined);
  return { awaitingCustomer, overdueMinutes: waitedMinutes - slaMinutes, waitingSince };
}

/** Candidates read in full per shown item: alerts whose evidence misleads the rough order still find their place. */
const SLACK = 2;

export function unansweredRouter(store: Store, config: AppConfig, now: () => Date): Router {
  const router = express.Router();
  const clock = dataClock(store, config, now);

  router.get('/unanswered', async (req, res) => {
    const p = parseQuery(UnansweredParams, req);
    const { alerts, truncated } = await openUnanswered(store, p.brand);
    const at = await clock();
    const candidates = alerts
      .map((alert) => ({ alert, order: roughOrder(alert, config, at) }))
      .sort((a, b) => queueOrder(a.order, b.order))
      .slice(0, p.limit * SLACK);
    const items = await Promise.all(candidates.map(({ alert }) => queueItem(store, config, alert, at)));
    items.sort(queueOrder);
    res.json({ now: at.toISOString(), total: alerts.length, ...(truncated ? { truncated: true } : {}), items: items.slice(0, p.limit) });
  });
  return router;
}
