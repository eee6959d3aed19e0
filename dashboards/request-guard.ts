/**
 * What stands in for the token when the dashboard runs on loopback without KUNDENRADAR_API_TOKEN. Loopback alone
 * does not keep other web pages out: any site the analyst opens can make the browser send a form POST to
 * 127.0.0.1 (QA: a cross-site form resolved alerts), and a DNS-rebinding name that resolves to 127.0.0.1 reads the
 * API as its own origin. So, with no token:
 * - only loopback Host names (and the host of server.publicUrl) are answered: a rebound name arrives with its own Host;
 * - a state-changing request whose Origin is another origin, or that the browser marks as not same-origin
 *   (Sec-Fetch-Site), is refused. Browsers send Origin on every POST/PUT/DELETE, so the dashboard's own fetches
 *   carry the server's origin and pass; curl and scripts send neither header and pass.
 * With a token the session cookie (SameSite=Strict) and the bearer token do this job, and the dashboard may sit
 * behind a proxy under any name, so both guards are off.
 */
import type { NextFunction, Request, Response } from 'express';
import { isLoopbackHost } from './auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `none` is a navigation the user started (typed URL, bookmark); anything else is another page's doing. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** `host[:port]` of a Host header or an origin, normalised by the URL parser; undefined when it is not one. */
function hostOf(value: string, withScheme: boolean): URL | undefined {
  try {
    const url = new URL(withScheme ? value : `http://${value}`);
    return url.username || url.password || url.pathname !== '/' || url.search || url.hash ? undefined : url;
  } catch {
    return undefined;
  }
}

export interface RequestGuardSettings {
  /** Undefined: auth is off, the guards apply. */
  token: string | undefined;
  publicUrl: string | undefined;
}

/** 421 Misdirected Request for a Host name this server does not answer to while it has no token. */
export function loopbackHostOnly(settings: RequestGuardSettings) {
  const publicHost = settings.publicUrl ? new URL(settings.publicUrl).hostname : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (settings.token) return next();
    const raw = req.get('host') ?? '';
    const host = hostOf(raw, false)?.hostname;
    if (host !== undefined && (isLoopbackHost(host) || host === publicHost)) return next();
    res.status(421).json({
      error:
        `Host "${raw.slice(0, 100)}" is not answered: without KUNDENRADAR_API_TOKEN only localhost, 127.0.0.1 and [::1]` +
        `${publicHost ? ` and ${publicHost} (server.publicUrl)` : ''} are, so that a DNS-rebinding page cannot read the API; ` +
        'set KUNDENRADAR_API_TOKEN or server.publicUrl to serve the dashboard under another name',
    });
  };
}

/** 403 for a POST/PUT/PATCH/DELETE sent by another site's page while the server has no token. */
export function sameOriginWrites(settings: RequestGuardSettings) {
  const publicOrigin = settings.publicUrl ? new URL(settings.publicUrl).origin : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (settings.token || SAFE_METHODS.has(req.method)) return next();
    const refused = crossSiteReason(req, publicOrigin);
    if (refused === undefined) return next();
    res.status(403).json({ error: `cross-site request refused: ${refused}; the dashboard's API accepts changes only from its own pages (or from clients that send no Origin, such as curl)` });
  };
}

function crossSiteReason(req: Request, publicOrigin: string | undefined): string | undefined {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && !OWN_FETCH_SITES.has(site.toLowerCase())) return `Sec-Fetch-Site is "${site.slice(0, 40)}"`;
  const origin = req.get('origin');
  if (origin === undefined) return undefined;
  if (publicOrigin !== undefined && origin === publicOrigin) return undefined;
  // The port matters (another local app on :3000 is another origin); the scheme cannot differ on one host:port.
  const from = hostOf(origin, true)?.host;
  const own = hostOf(req.get('host') ?? '', false)?.host;
  if (from !== undefined && own !== undefined && from === own) return undefined;
  return `Origin "${origin.slice(0, 100)}" is not this server's origin`;
}
