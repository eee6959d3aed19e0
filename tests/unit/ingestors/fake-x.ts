/**
 * A local server speaking the parts of the X API v2 the ingestor uses: stream rules (GET/POST), the filtered
 * stream (chunked, `\r\n`-delimited JSON, scripted per connection), and recent search with since_id paging.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id?: string;
  lang?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
  in_reply_to_user_id?: string;
}
export interface FakeUser {
  id: string;
  username: string;
  name: string;
}

/** A snowflake id created `msAgo` milliseconds ago (X ids carry their creation time). */
export function snowflake(msAgo: number, seq: number): string {
  return (((BigInt(Date.now() - msAgo) - 1288834974657n) << 22n) + BigInt(seq)).toString();
}

export type StreamScript = (res: ServerResponse, x: FakeX) => void | Promise<void>;

export class FakeX {
  rules: Array<{ id: string; value: string; tag: string }> = [];
  ruleWrites: unknown[] = [];
  archive: FakeTweet[] = [];
  users: FakeUser[] = [];
  searches: URLSearchParams[] = [];
  connections: number[] = [];
  /** One script per stream connection, in order; further connections get a silent open stream. */
  streamScripts: StreamScript[] = [];
  authHeaders: string[] = [];
  /** When set, recent search answers this body verbatim instead of paging the archive (malformed pages). */
  searchAnswer: unknown;
  private server: Server | undefined;
  private nextRuleId = 100;
  private readonly open = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/2/`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  message(tweet: FakeTweet): string {
    return JSON.stringify({ data: tweet, includes: { users: this.users.filter((u) => u.id === tweet.author_id) }, matching_rules: [{ id: '1', tag: 'kundenradar:acme' }] });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    this.authHeaders.push(req.headers.authorization ?? '');
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => resolve(data));
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/2/tweets/search/stream/rules' && req.method === 'GET') {
      return json(200, { data: this.rules, meta: { result_count: this.rules.length } });
    }
    if (url.pathname === '/2/tweets/search/stream/rules' && req.method === 'POST') {
      const parsed = JSON.parse(body) as { add?: Array<{ value: string; tag: string }>; delete?: { ids: string[] } };
      this.ruleWrites.push(parsed);
      if (parsed.delete) this.rules = this.rules.filter((r) => !parsed.delete?.ids.includes(r.id));
      const added = (parsed.add ?? []).map((r) => ({ ...r, id: String(this.nextRuleId++) }));
      this.rules.push(...added);
      return json(200, { data: added, meta: { summary: { created: added.length } } });
    }
    if (url.pathname === '/2/tweets/search/recent') {
      this.searches.push(url.searchParams);
      if (this.searchAnswer !== undefined) return json(200, this.searchAnswer);
      const since = url.searchParams.get('since_id');
      const start = url.searchParams.get('start_time');
      const matching = this.archive
        .filter((t) => (since ? BigInt(t.id) > BigInt(since) : true))
        .filter((t) => (start ? t.created_at >= start : true))
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
      // Two per page, so paging via next_token is exercised.
      const offset = Number(url.searchParams.get('next_token') ?? 0);
      const page = matching.slice(offset, offset + 2);
      const meta: Record<string, unknown> = { result_count: page.length };
      if (offset + 2 < matching.length) meta.next_token = String(offset + 2);
      return json(200, { ...(page.length ? { data: page } : {}), includes: { users: this.users }, meta });
    }
    if (url.pathname === '/2/tweets/search/stream') {
      this.connections.push(Date.now());
      const script = this.streamScripts.shift();
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      if (script && (await script(res, this)) === undefined && res.headersSent) return;
      if (!res.headersSent) {
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        res.write('\r\n');
      }
      return;
    }
    json(404, { title: 'Not Found', detail: url.pathname });
  }
}

export function openStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
}
