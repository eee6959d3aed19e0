/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): `webhook-signature` is
 * `v1,<base64 HMAC-SHA256 over "${id}.${timestamp}.${body}">` keyed with the bytes behind `whsec_`.
 */
import { createHmac } from 'node:crypto';

export function signatureHeaders(key: Buffer, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const ts = String(Math.floor(timestampSeconds));
  const signature = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${signature}` };
}
