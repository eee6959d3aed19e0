/**
 * Alert routes: validates each route's target-specific options (the shared config leaves them as passthrough
 * fields), resolves secrets from the environment, and decides which alerts a route receives.
 *
 * ```yaml
 * alerts:
 *   deliveryDeadlineMinutes: 1440
 *   routes:
 *     - { name: social-team, target: slack, urlEnv: SLACK_WEBHOOK_URL, kinds: [shitstorm, unanswered], minSeverity: warning }
 *     - { name: it-ops, target: teams, url: "https://prod-00.westeurope.logic.azure.com/workflows/...", language: en }
 *     - { name: siem, target: generic, url: "https://siem.example.com/hooks/kundenradar", secretEnv: SIEM_WEBHOOK_SECRET,
 *         brands: [db], groupWindowSeconds: 600, maxPerMinute: 30 }
 * ```
 */
import { z } from 'zod';
import { AlertRouteConfig, ConfigError, formatZodIssues, type AppConfig } from '../config.ts';
import { alertSeverityRank, type Alert, type AlertSeverity } from '../model.ts';
import { checkWebhookUrl, type TargetPolicy } from './address-guard.ts';

export const TARGETS = ['slack', 'teams', 'mattermost', 'discord', 'generic'] as const;
export type Target = (typeof TARGETS)[number];

export const DEFAULT_SECRET_ENV = 'KUNDENRADAR_WEBHOOK_SECRET';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as "SLACK_WEBHOOK_URL"');

/** Options every target has beyond the shared routing fields. */
const TargetOptions = {
  /** Webhook URL; or `urlEnv` naming the variable that holds it (Slack/Discord URLs embed a token). */
  url: z.string().max(2048).optional(),
  urlEnv: envName.optional(),
  /** Updates of one alert within this window after a message go out as one follow-up message. */
  groupWindowSeconds: z.number().int().min(0).max(86_400).default(300),
  /** Most messages per minute; when reached, the rest due go out together as one digest message. */
  maxPerMinute: z.number().int().min(1).max(600).default(10),
};

const base = AlertRouteConfig.omit({ target: true }).strict().shape;
const RouteOptions = z.discriminatedUnion('target', [
  z.object({ ...base, ...TargetOptions, target: z.enum(['slack', 'teams', 'mattermost', 'discord']) }).strict(),
  z.object({ ...base, ...TargetOptions, target: z.literal('generic'), secretEnv: envName.default(DEFAULT_SECRET_ENV) }).strict(),
]);

export interface Route {
  name: string;
  target: Target;
  kinds?: Alert['kind'][];
  brands?: string[];
  minSeverity: AlertSeverity;
  language: 'de' | 'en';
  url: string;
  groupWindowMs: number;
  maxPerMinute: number;
  /** Standard Webhooks signing key (raw bytes), generic targets only. */
  signingKey?: Buffer;
}

/** Standard Webhooks secrets are `whsec_` + base64 of 24..64 random bytes. */
export function decodeSigningSecret(secret: string): Buffer | string {
  const b64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return 'is not "whsec_" followed by base64';
  const key = Buffer.from(b64, 'base64');
  if (key.length < 24 || key.length > 64) return `decodes to ${key.length} bytes; use 24 to 64 random bytes`;
  return key;
}

/**
 * Validates `alerts.routes` against the target-specific schemas and the URL policy; throws one ConfigError
 * listing every problem by path (`alerts.routes[2].url: ...`).
 */
export function resolveRoutes(
  alerts: AppConfig['alerts'],
  environment: Readonly<Record<string, string | undefined>>,
  file = 'configuration',
): Route[] {
  const issues: string[] = [];
  const routes: Route[] = [];
  const names = new Set<string>();
  const policy: TargetPolicy = { allowHttp: alerts.allowHttp, allowPrivateTargets: alerts.allowPrivateTargets };
  alerts.routes.forEach((raw, i) => {
    const where = (field: string): string => `alerts.routes[${i}].${field}`;
    const parsed = RouteOptions.safeParse(raw);
    if (!parsed.success) {
      issues.push(...formatZodIssues(parsed.error, ['alerts', 'routes', i]));
      return;
    }
    const r = parsed.data;
    if (names.has(r.name)) issues.push(`${where('name')}: duplicate route name "${r.name}"`);
    names.add(r.name);
    let url: string | undefined;
    if ((r.url === undefined) === (r.urlEnv === undefined)) {
      issues.push(`${where('url')}: give exactly one of url or urlEnv`);
    } else if (r.url !== undefined) {
      url = r.url;
    } else if (r.urlEnv !== undefined) {
      url = environment[r.urlEnv];
      if (!url) issues.push(`${where('urlEnv')}: environment variable ${r.urlEnv} is not set`);
    }
    if (url !== undefined) {
      const problem = checkWebhookUrl(url, policy);
      if (problem) issues.push(`${where(r.url !== undefined ? 'url' : 'urlEnv')}: ${problem}`);
    }
    let signingKey: Buffer | undefined;
    if (r.target === 'generic') {
      const secret = environment[r.secretEnv];
      if (!secret) issues.push(`${where('secretEnv')}: environment variable ${r.secretEnv} is not set (a "whsec_..." Standard Webhooks secret)`);
      else {
        const key = decodeSigningSecret(secret);
        if (typeof key === 'string') issues.push(`${where('secretEnv')}: the secret in ${r.secretEnv} ${key}`);
        else signingKey = key;
      }
    }
    if (url === undefined) return;
    routes.push({
      name: r.name,
      target: r.target,
      kinds: r.kinds,
      brands: r.brands,
      minSeverity: r.minSeverity,
      language: r.language,
      url,
      groupWindowMs: r.groupWindowSeconds * 1000,
      maxPerMinute: r.maxPerMinute,
      signingKey,
    });
  });
  if (issues.length > 0) throw new ConfigError(file, issues);
  return routes;
}


/** Whether a route receives an alert: kind and brand lists (absent = all) and the minimum severity. */
export function routeMatches(route: Pick<Route, 'kinds' | 'brands' | 'minSeverity'>, alert: Pick<Alert, 'kind' | 'brand' | 'severity'>): boolean {
  if (route.kinds && !route.kinds.includes(alert.kind)) return false;
  if (route.brands && !route.brands.includes(alert.brand)) return false;
  return alertSeverityRank(alert.severity) >= alertSeverityRank(route.minSeverity);
}
