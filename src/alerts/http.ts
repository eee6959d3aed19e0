/**
 * One webhook POST and what its outcome means for the outbox: delivered, retry later (5xx, 408, 429, network
 * errors; Retry-After honoured) or dead at once (other 4xx, redirects, unsafe targets). Uses node:http(s)
 * rather than fetch so the SSRF guard can sit in the socket's own DNS lookup.
 */
import http from 'node:http';
import https from 'node:https';
import { checkWebhookUrl, guardedLookup, UnsafeTargetError, type Resolver, type TargetPolicy } from './address-guard.ts';
import { parseRetryAfter } from './backoff.ts';

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; reason: string; status?: number; retryAfterMs?: number }
  | { kind: 'dead'; reason: string; status?: number };

export interface PostOptions {
  policy: TargetPolicy;
  timeoutMs?: number;
  now?: () => number;
  /** DNS resolution (tests); default dns.lookup. */
  resolve?: Resolver;
}

const MAX_RESPONSE_BYTES = 4096;

export function postJson(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<DeliveryOutcome> {
  const problem = checkWebhookUrl(url, options.policy);
  if (problem) return Promise.resolve({ kind: 'dead', reason: `webhook URL ${problem}` });
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise<DeliveryOutcome>((settle) => {
    // `timeout` below is the socket's idle timeout: a receiver that trickles bytes never trips it. The deadline
    // bounds the whole exchange, so a send always ends (the dispatcher runs one send per route at a time).
    const deadline = setTimeout(() => req.destroy(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    const resolve = (outcome: DeliveryOutcome): void => {
      clearTimeout(deadline);
      settle(outcome);
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'user-agent': 'Kundenradar-Notifier/1', ...headers },
        lookup: guardedLookup(options.policy, options.resolve),
        timeout: timeoutMs,
        // A fresh connection per message: keep-alive sockets would skip the per-send address check.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('error', (err) => resolve({ kind: 'retry', reason: `response aborted: ${err.message}` }));
        res.on('end', () => resolve(classify(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES), now())));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof UnsafeTargetError) resolve({ kind: 'dead', reason: err.message });
      else resolve({ kind: 'retry', reason: `network error: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' ').trim() });
    });
    req.end(body);
  });
}

function classify(status: number, headers: http.IncomingHttpHeaders, text: string, nowMs: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  const reason = `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
  if (status === 429 || status === 408 || status >= 500) {
    const header = headers['retry-after'];
    let retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header, nowMs);
    // Discord states its wait in the JSON body (`retry_after`, seconds) as well as the header.
    if (retryAfterMs === undefined && status === 429) {
      const match = /"retry_after"\s*:\s*([\d.]+)/.exec(text);
      if (match) retryAfterMs = Math.round(Number(match[1]) * 1000);
    }
    return { kind: 'retry', reason, status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status >= 300 && status < 400) return { kind: 'dead', reason: `${reason} (redirects are not followed: update the webhook URL)`, status };
  return { kind: 'dead', reason, status };
}
