/**
 * Token auth for the API and the UI. One shared token (KUNDENRADAR_API_TOKEN) is accepted as a bearer token,
 * or exchanged on the login form for a session cookie. The cookie never holds the token itself: it holds an
 * expiry and an HMAC of it keyed by the token, so rotating the token ends every session and a leaked cookie
 * does not reveal the token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { ConfigError } from '../src/config.ts';
import { parseInput } from './params.ts';

export const SESSION_COOKIE = 'kundenradar_session';
/** A working day plus margin: analysts log in once per shift. */
const SESSION_SECONDS = 12 * 60 * 60;

export interface AuthSettings {
  /** Undefined when auth is off (localhost without a token). */
  token: string | undefined;
  /** Adds `Secure` to the cookie: the dashboard is served over https (behind a proxy or directly). */
  secureCookie: boolean;
}

/** Loopback only: anything else (0.0.0.0, a LAN address, a hostname) is reachable from other machines. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Auth is on whenever a token is configured, and required when the server listens beyond loopback: starting
 * an open dashboard on a network interface is refused with a message saying what to set.
 */
export function resolveAuth(host: string, token: string | undefined, publicUrl: string | undefined): AuthSettings {
  if (!token && !isLoopbackHost(host)) {
    throw new ConfigError('environment', [
      `KUNDENRADAR_API_TOKEN: required because the dashboard listens on ${host}, which is reachable from other machines; ` +
        'set a token of at least 16 characters, or bind server.host to 127.0.0.1',
    ]);
  }
  return { token: token || undefined, secureCookie: publicUrl?.startsWith('https:') ?? false };
}

function constantTimeEqual(a: string, b: string): boolean {
  // Compare digests so neither the length nor a prefix of the secret leaks through timing.
  const da = createHmac('sha256', 'kundenradar-compare').update(a).digest();
  const db = createHmac('sha256', 'kundenradar-compare').update(b).digest();
  return timingSafeEqual(da, db);
}

function sessionSignature(token: string, expires: number): string {
  return createHmac('sha256', token).update(`session:${expires}`).digest('base64url');
}

export function issueSession(token: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expires}.${sessionSignature(token, expires)}`;
}

export function verifySession(token: string, value: string, now = Date.now()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(value);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return false;
  return constantTimeEqual(match[2] ?? '', sessionSignature(token, expires));
}

/** Reads one cookie without a parser dependency; values we set are URL-safe so no decoding is needed. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function isAuthenticated(req: Request, token: string): boolean {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return constantTimeEqual(header.slice(7).trim(), token);
  const session = readCookie(req, SESSION_COOKIE);
  return session !== undefined && verifySession(token, session);
}

/** Only same-site paths: an open redirect after login would hand a fresh session to a phishing page. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}

/** API requests get 401 JSON; page requests are sent to the login form. */
export function requireAuth(settings: AuthSettings) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = settings.token;
    if (!token || isAuthenticated(req, token)) return next();
    if (req.path.startsWith('/api/')) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="kundenradar"');
      res.status(401).json({ error: 'authentication required: send "Authorization: Bearer <KUNDENRADAR_API_TOKEN>" or log in' });
      return;
    }
    res.redirect(303, `/login?next=${encodeURIComponent(safeNext(req.originalUrl))}`);
  };
}

const LoginBody = z.object({ token: z.string().min(1).max(1000), next: z.string().max(2000).optional() });

/**
 * POST /login and POST /logout. The login page itself is rendered by the pages router so it shares the
 * layout and message catalogue; on a wrong token it is shown again with an error flag.
 */
export function authRouter(settings: AuthSettings): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const cookieFlags = `Path=/; HttpOnly; SameSite=Strict${settings.secureCookie ? '; Secure' : ''}`;

  router.post('/login', form, (req, res) => {
    const body = parseInput(LoginBody, req.body, 'invalid login form');
    const next = safeNext(body.next);
    if (!settings.token) return void res.redirect(303, next);
    if (!constantTimeEqual(body.token, settings.token)) {
      return void res.redirect(303, `/login?failed=1&next=${encodeURIComponent(next)}`);
    }
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${issueSession(settings.token)}; Max-Age=${SESSION_SECONDS}; ${cookieFlags}`);
    res.redirect(303, next);
  });

  router.post('/logout', form, (_req, res) => {
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${cookieFlags}`);
    res.redirect(303, '/login');
  });
  return router;
}
