/**
 * The notify stage reads detector updates straight off the `alerts` topic, not from the store, so without memory
 * an alert an analyst acknowledged would be announced as "open" again at the detector's next update (QA: an
 * acknowledged storm escalating to critical read "offen" in the chat). This remembers, per alert, the
 * acknowledgement the notify stage saw, and lays it over later detector updates until the alert is resolved,
 * as the alert index does in the store (src/stages/index.ts mergeAlert).
 */
import { z } from 'zod';
import type { StateStore } from '../../classifiers/types.ts';
import type { Alert } from '../model.ts';

export const ANALYST_MARK_NAMESPACE = 'notify-acknowledged';

const AcknowledgementMark = z.object({ at: z.string().optional(), by: z.string().optional() });
type AcknowledgementMark = z.infer<typeof AcknowledgementMark>;

export class AnalystMarks {
  constructor(private readonly state: StateStore) {}

  /** The alert as the chat should see it: acknowledged stays acknowledged while the detector keeps updating it. */
  async apply(alert: Alert): Promise<Alert> {
    if (alert.status === 'acknowledged') {
      const by = alert.evidence.acknowledgedBy;
      const mark: AcknowledgementMark = { ...(alert.acknowledgedAt ? { at: alert.acknowledgedAt } : {}), ...(typeof by === 'string' ? { by } : {}) };
      await this.state.putState(ANALYST_MARK_NAMESPACE, alert.id, mark);
      return alert;
    }
    if (alert.status === 'resolved') {
      await this.state.deleteState(ANALYST_MARK_NAMESPACE, alert.id);
      return alert;
    }
    const raw = await this.state.getState(ANALYST_MARK_NAMESPACE, alert.id);
    if (raw === undefined || raw === null) return alert;
    const parsed = AcknowledgementMark.safeParse(raw);
    return parsed.success ? acknowledged(alert, parsed.data) : alert;
  }
}

export function acknowledged(alert: Alert, mark: AcknowledgementMark): Alert {
  return {
    ...alert,
    status: 'acknowledged',
    ...(mark.at ? { acknowledgedAt: mark.at } : {}),
    evidence: mark.by !== undefined && alert.evidence.acknowledgedBy === undefined ? { ...alert.evidence, acknowledgedBy: mark.by } : alert.evidence,
  };
}
