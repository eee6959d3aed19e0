/**
 * The dashboard process surface: REST API + analyst web UI over the Store port. `createApp` only assembles
 * routers; each area lives in its own file under routes/. Collaborators (readiness, source health, alert
 * lifecycle, the ingest webhook) are injected so this module knows no stage or ingestor.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppConfig, Secrets } from '../src/config.ts';
import { isJsonContentType } from '../src/http-content-type.ts';
import { childLogger } from '../src/log.ts';
import type { Store } from '../src/store/port.ts';
import { StoreQueryError } from '../src/store/errors.ts';
import type { SourceStatus } from '../ingestors/types.ts';
import { authRouter, requireAuth, resolveAuth } from './auth.ts';
import { failedAuthLimiter } from './auth-limit.ts';
import { knownBrandsInQuery } from './brand-ids.ts';
import { BadRequestError } from './params.ts';
import { loopbackHostOnly, sameOriginWrites } from './request-guard.ts';
import { alertsRouter, storeAlertActions, type AlertActions } from './routes/alerts.ts';
import { healthRouter, type Readiness } from './routes/health.ts';
import { mentionsRouter } from './routes/mentions.ts';
import { metricsRouter } from './routes/metrics.ts';
import { pagesRouter } from './routes/pages.ts';
import { quarantineRouter } from './routes/quarantine.ts';
import { savedSearchesRouter } from './routes/saved-searches.ts';
import { shitstormRouter } from './routes/shitstorm.ts';
import { sourcesRouter } from './routes/sources.ts';
import { unansweredRouter } from './routes/unanswered.ts';

export interface DashboardDeps {
  store: Store;
  config: AppConfig;
  secrets: Secrets;
  /** Health of the sources; undefined (or resolving to it) when this process cannot know it. */
  sourceStatus?: () => SourceStatus[] | undefined | Promise<SourceStatus[] | undefined>;
  readiness?: () => Promise<Readiness>;
  /** The alert lifecycle from src/alerts/ (so notifiers see the change); without it the store is updated directly. */
  alertActions?: AlertActions;
  /** Mounted after auth, e.g. the ingest webhook router, which checks its own token. */
  extraRouters?: express.Router[];
  /** Clock for waited times; replays on event time pass the data's clock. */
  now?: () => Date;
  /**
   * Most rows one `/api/mentions.csv` file holds (default EXPORT_LIMIT, the store's result window): a few rows let
   * a test see the cut and the X-Kundenradar-Truncated header without writing 10,000 posts into every store.
   */
  exportLimit?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = path.join(here, 'public');

/** Chart.js's self-contained UMD build, served from node_modules: the browser may have no internet (no CDN). */
function chartJsPath(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  const umd = path.join(path.dirname(main), 'chart.umd.min.js');
  if (!existsSync(umd)) throw new Error(`chart.js UMD build not found at ${umd}; run npm install`);
  return umd;
}

/** JSON is UTF-8 (RFC 8259): invalid bytes would otherwise be stored as U+FFFD in saved-search names unnoticed. */
function refuseInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw Object.assign(new Error('body is not valid UTF-8'), { status: 400, expose: true });
  }
}

export function createApp(deps: DashboardDeps): express.Express {
  const { store, config, secrets } = deps;
  const auth = resolveAuth(config.server.host, secrets.apiToken, config.server.publicUrl);
  const now = deps.now ?? (() => new Date());
  const alertActions: AlertActions = deps.alertActions ?? storeAlertActions(store, now);
  const log = childLogger('dashboard');
  const https = auth.secureCookie;

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // No inline script anywhere: page code lives in /static, post text is only ever set as textContent.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          // Upgrading only makes sense when the dashboard is published over https; on plain loopback it breaks.
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 15552000 } : false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  // Probes stay open: load balancers and process managers carry no token.
  app.use(healthRouter(deps.readiness));
  app.use('/static', express.static(PUBLIC_DIR, { index: false, maxAge: '5m' }));
  // Our own answer for a missing file: serve-static's error names the path on disk.
  app.use('/static', (_req, res) => void res.status(404).json({ error: 'no such file' }));
  const chartJs = chartJsPath();
  app.get('/vendor/chart.umd.min.js', (_req, res) => res.sendFile(chartJs, { maxAge: '1d' }));
  // Every token check below (ingest, login, API) counts its refusals here, per client address.
  app.use(failedAuthLimiter());
  // Extra routers (the ingest webhook) authenticate with their own token, not the analysts' one.
  for (const router of deps.extraRouters ?? []) app.use(router);
  // Without a token, Host and Origin checks keep other web pages out of what the token would protect.
  const guard = { token: auth.token, publicUrl: config.server.publicUrl };
  app.use(loopbackHostOnly(guard));
  app.use(sameOriginWrites(guard));
  app.use(authRouter(auth));
  app.use(pagesRouter({ config, auth }));
  app.use(requireAuth(auth));
  app.use(metricsRouter());

  app.use('/api', (_req, res, next) => {
    // Post text and alerts are customer data behind a login: no proxy or browser cache keeps a copy.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', (req, res, next) => {
    // Another type would reach the routes as no body at all and fail as "name: expected string, received undefined".
    // A form type is refused even with an empty body: an empty form POST is what another site's page can send (QA).
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    const type = req.get('content-type');
    const typedWrite = type !== undefined && req.method !== 'GET' && req.method !== 'HEAD';
    if ((hasBody || typedWrite) && !isJsonContentType(type)) return void res.status(415).json({ error: 'send Content-Type: application/json' });
    next();
  });
  app.use('/api', express.json({ limit: '32kb', verify: refuseInvalidUtf8 }));
  const brandIds = config.brands.map((b) => b.id);
  app.use('/api', knownBrandsInQuery(brandIds));
  app.use('/api', mentionsRouter(store, deps.exportLimit));
  app.use('/api', alertsRouter(store, alertActions));
  app.use('/api', unansweredRouter(store, config, now));
  app.use('/api', shitstormRouter(store, config, now));
  app.use('/api', sourcesRouter(config, deps.sourceStatus));
  app.use('/api', quarantineRouter(store));
  app.use('/api', savedSearchesRouter(store, brandIds, now));

  app.use('/api', (req, res) => {
    res.status(404).json({ error: `no such endpoint: ${req.method} ${req.baseUrl}${req.path}` });
  });
  // Our own answer for any other path: Express's "Cannot GET /x" page names the framework (QA round 6).
  app.use((req, res) => {
    res.status(404).type('text/plain').send(`not found: ${req.method} ${req.path} (the dashboard starts at /)`);
  });

  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof BadRequestError) return void res.status(400).json({ error: err.message, issues: err.issues });
    // The store refuses queries it cannot answer (paging too deep, too many buckets) with a fixable message.
    if (err instanceof StoreQueryError) return void res.status(400).json({ error: err.message, issues: [] });
    const status = httpStatusOf(err);
    if (status !== undefined && status >= 400 && status < 500) {
      // body-parser errors: malformed JSON (400), too large (413), wrong charset (415).
      return void res.status(status).json({ error: err instanceof Error ? err.message : 'bad request' });
    }
    log.error({ err, method: req.method, path: req.path }, 'dashboard request failed');
    // The store (Elasticsearch) unreachable or overloaded: a temporary state the dashboard explains as such.
    if (storeUnavailable(err)) return void res.status(503).set('Retry-After', '10').json({ error: 'the store is not available right now; try again shortly' });
    res.status(500).json({ error: 'internal error; see the server log' });
  });
  return app;
}

function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Elasticsearch client errors that mean "not reachable now" (connection refused, timeouts, no living node, 502–504, 429). */
function storeUnavailable(err: unknown): boolean {
  const name = err instanceof Error ? err.name : '';
  if (['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError'].includes(name)) return true;
  const status = (err as { meta?: { statusCode?: unknown } } | null)?.meta?.statusCode;
  return name === 'ResponseError' && (status === 429 || status === 502 || status === 503 || status === 504);
}
