/**
 * A local Graph API: `/{version}/{page}/posts` and `/{version}/{post}/comments` with `since`, `limit` and cursor
 * paging (`paging.next` as a full URL, as Graph sends it), plus scripted error answers. Like Graph, comments
 * default to `filter=toplevel` (replies to comments left out, also from a post's comment count); `stream` lists
 * and counts every level.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePost {
  id: string;
  message?: string;
  created_time: string;
  from: { id: string; name: string };
  permalink_url?: string;
}
export interface FakeComment {
  id: string;
  postId: string;
  message?: string;
  created_time: string;
  from?: { id: string; name: string };
  parent?: { id: string };
  permalink_url?: string;
}

export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export class FakeGraph {
  posts: FakePost[] = [];
  comments: FakeComment[] = [];
  requests: URL[] = [];
  failures: Array<{ status: number; body: unknown; headers?: Record<string, string> }> = [];
  /** When set, paging.next points here instead of this server (a hostile or broken answer). */
  nextOrigin: string | undefined;
  private server: Server | undefined;
  base = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.base);
      this.requests.push(url);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      const failure = this.failures.shift();
      if (failure) return json(failure.status, failure.body, failure.headers);
      const match = /^\/v\d+\.\d+\/([\w]+)\/(feed|posts|comments)$/.exec(url.pathname);
      if (!match) return json(404, { error: { message: 'Unknown path', code: 803 } });
      const [, node, edge] = match as unknown as [string, string, string];
      const since = Number(url.searchParams.get('since') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const after = Number(url.searchParams.get('after') ?? 0);
      // A time Graph should never send (a broken record) is listed anyway, as the record under test.
      const newer = (t: string): boolean => !(Date.parse(t.replace('+0000', 'Z')) / 1000 < since);
      const stream = (filter: string | null | undefined): boolean => filter === 'stream';
      const listed = (c: FakeComment, all: boolean): boolean => all || c.parent === undefined;
      let items: unknown[];
      if (edge === 'posts' || edge === 'feed') {
        // Field expansion: `comments.filter(stream).summary(true)` counts replies too; without it only top level.
        const countAll = stream(/comments\.filter\((\w+)\)/.exec(url.searchParams.get('fields') ?? '')?.[1]);
        items = this.posts
          .filter((p) => newer(p.created_time) && (edge === 'feed' || p.from.id === node))
          .sort((a, b) => b.created_time.localeCompare(a.created_time))
          .map((p) => ({ ...p, comments: { data: [], summary: { total_count: this.comments.filter((c) => c.postId === p.id && listed(c, countAll)).length } }, reactions: { data: [], summary: { total_count: 3 } } }));
      } else {
        const all = stream(url.searchParams.get('filter'));
        items = this.comments
          .filter((c) => c.postId === node && newer(c.created_time) && listed(c, all))
          .sort((a, b) => a.created_time.localeCompare(b.created_time))
          .map(({ postId: _post, ...c }) => ({ ...c, like_count: 1, comment_count: 0 }));
      }
      const page = items.slice(after, after + limit);
      const body: Record<string, unknown> = { data: page };
      if (after + limit < items.length) {
        const next = new URL(url.toString().replace(this.base, this.nextOrigin ?? this.base));
        next.searchParams.set('after', String(after + limit));
        body.paging = { cursors: { after: String(after + limit) }, next: next.toString() };
      }
      json(200, body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
