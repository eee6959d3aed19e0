/**
 * The HTTP face of a worker that does not serve the dashboard (`worker classify --metrics-port 9464`): liveness and
 * readiness probes, and Prometheus metrics of that process. Stage counters live in the process that runs the stage,
 * so without this nothing could scrape a classify or notify worker (QA scaled run). /metrics sits behind the API
 * token like the dashboard's (it names brands and volumes); the probes stay open.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig, Secrets } from '../src/config.ts';
import { isAuthenticated, resolveAuth } from './auth.ts';
import { loopbackHostOnly } from './request-guard.ts';
import { healthRouter, type Readiness } from './routes/health.ts';
import { metricsRouter } from './routes/metrics.ts';

export function createProbeApp(deps: { config: AppConfig; secrets: Secrets; readiness?: () => Promise<Readiness> }): express.Express {
  const auth = resolveAuth(deps.config.server.host, deps.secrets.apiToken, deps.config.server.publicUrl);
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(deps.readiness));
  // As on the dashboard: without a token, a DNS-rebinding page must not read the metrics.
  app.use(loopbackHostOnly({ token: auth.token, publicUrl: deps.config.server.publicUrl }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!auth.token || isAuthenticated(req, auth.token)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="kundenradar"');
    res.status(401).json({ error: 'authentication required: send "Authorization: Bearer <KUNDENRADAR_API_TOKEN>"' });
  });
  app.use(metricsRouter());
  app.use((_req, res) => void res.status(404).json({ error: 'a worker serves only /healthz, /readyz and /metrics' }));
  return app;
}
