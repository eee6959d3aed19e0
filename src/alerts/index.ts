/** Alert routing, formats and delivery: the parts other modules (pipeline, API, UI) use. */
export { runNotifyStage, NOTIFY_GROUP, type NotifyStageOptions } from '../stages/notify.ts';
export { acknowledgeAlert, resolveAlert, AlertNotFoundError, AlertTransitionError, type LifecycleOptions } from './lifecycle.ts';
export { listOutbox, requeueOutboxEntry, OutboxEntry, OutboxEntryError, OutboxStatus, type OutboxQuery } from './outbox.ts';
export { resolveRoutes, routeMatches, type Route } from './routes.ts';
export { checkWebhookUrl, isForbiddenAddress } from './address-guard.ts';
