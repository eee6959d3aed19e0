/**
 * Generic JSON for any receiver, in the Standard Webhooks payload shape (`type`, `timestamp`, `data`); the
 * signature headers are added at send time (see signing.ts) because the timestamp belongs to each attempt.
 */
import type { Alert } from '../../model.ts';
import type { AlertView } from '../wording.ts';

export interface GenericPayload {
  type: 'alert.opened' | 'alert.updated' | 'alert.acknowledged' | 'alert.resolved' | 'alert.digest';
  timestamp: string;
  data: {
    route: string;
    language: 'de' | 'en';
    alerts: Array<{ alert: Alert; headline: string; summary: string; dashboardUrl?: string }>;
  };
}

function eventType(alert: Alert): GenericPayload['type'] {
  if (alert.status === 'resolved') return 'alert.resolved';
  if (alert.status === 'acknowledged') return 'alert.acknowledged';
  return alert.revision === 0 ? 'alert.opened' : 'alert.updated';
}

/** `createdAt` is the outbox entry's time, so retries send byte-identical bodies. */
export function formatGeneric(views: AlertView[], route: string, createdAt: string): GenericPayload {
  const first = views[0];
  if (!first) throw new Error('formatGeneric needs at least one alert');
  return {
    type: views.length === 1 ? eventType(first.alert) : 'alert.digest',
    timestamp: createdAt,
    data: {
      route,
      language: first.lang,
      alerts: views.map((v) => ({
        alert: v.alert,
        headline: v.headline,
        summary: v.summary,
        ...(v.dashboardUrl ? { dashboardUrl: v.dashboardUrl } : {}),
      })),
    },
  };
}
