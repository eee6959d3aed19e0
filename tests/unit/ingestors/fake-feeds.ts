/** A local feed server: per-path bodies with ETag/Last-Modified, 304 on a matching validator, scripted errors. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRoute {
  body: Buffer | string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Answers used before the body, one per request (e.g. a 429 with Retry-After). */
  failures?: Array<{ status: number; headers?: Record<string, string> }>;
}

export class FakeFeeds {
  routes = new Map<string, FeedRoute>();
  requests: Array<{ path: string; headers: IncomingHttpHeaders; at: number; status: number }> = [];
  private server: Server | undefined;
  base = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://feeds').pathname;
      const route = this.routes.get(path);
      const log = (status: number): void => void this.requests.push({ path, headers: req.headers, at: Date.now(), status });
      if (!route) {
        log(404);
        res.writeHead(404).end('not found');
        return;
      }
      const failure = route.failures?.shift();
      if (failure) {
        log(failure.status);
        res.writeHead(failure.status, failure.headers).end('try later');
        return;
      }
      const notModified = (route.etag && req.headers['if-none-match'] === route.etag) || (route.lastModified && req.headers['if-modified-since'] === route.lastModified);
      const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml' };
      if (route.etag) headers.etag = route.etag;
      if (route.lastModified) headers['last-modified'] = route.lastModified;
      if (notModified) {
        log(304);
        res.writeHead(304, headers).end();
        return;
      }
      log(200);
      res.writeHead(200, headers).end(route.body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    return this.base;
  }

  requestsTo(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
