/**
 * The analyst UI pages. Each is a server-rendered shell (layout.ts + page-bodies.ts) whose script loads the
 * data from the API; the login page is the one page open without a session.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { AppConfig } from '../../src/config.ts';
import { readCookie, requireAuth, safeNext, type AuthSettings } from '../auth.ts';
import { LANG_COOKIE, requestLang, type MessageKey, type UiLang } from '../i18n.ts';
import { renderPage, type PageName } from '../layout.ts';
import type { SafeHtml } from '../html.ts';
import * as bodies from '../page-bodies.ts';

function uiLang(req: Request, res: Response, secureCookie: boolean): UiLang {
  const lang = requestLang(req, readCookie(req, LANG_COOKIE));
  if (req.query['lang'] === lang) {
    // Remember an explicit choice so plain navigation links keep the language.
    res.setHeader('Set-Cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secureCookie ? '; Secure' : ''}`);
  }
  return lang;
}

function selfPathWithoutLang(req: Request): string {
  const url = new URL(req.originalUrl, 'http://localhost');
  url.searchParams.delete('lang');
  return url.pathname + url.search;
}

export function pagesRouter(deps: { config: AppConfig; auth: AuthSettings }): Router {
  const { config, auth } = deps;
  const router = express.Router();

  function send(req: Request, res: Response, page: PageName, title: MessageKey, body: (lang: UiLang) => SafeHtml, charts = false): void {
    const lang = uiLang(req, res, auth.secureCookie);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      renderPage({ lang, page, title, body: body(lang), loggedIn: auth.token !== undefined, charts, selfPath: selfPathWithoutLang(req) }),
    );
  }

  router.get('/login', (req, res) => {
    const next = safeNext(req.query['next']);
    if (!auth.token) return void res.redirect(303, next);
    const lang = uiLang(req, res, auth.secureCookie);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      renderPage({ lang, page: 'login', title: 'login.title', body: bodies.loginBody(lang, next, req.query['failed'] === '1'), loggedIn: false, selfPath: selfPathWithoutLang(req) }),
    );
  });

  const protect = requireAuth(auth);
  router.get('/', protect, (_req, res) => res.redirect(303, '/complaints'));
  router.get('/complaints', protect, (req, res) => send(req, res, 'complaints', 'complaints.title', (l) => bodies.complaintsBody(config, l)));
  router.get('/unanswered', protect, (req, res) => send(req, res, 'unanswered', 'unanswered.title', (l) => bodies.unansweredBody(config, l)));
  router.get('/shitstorm', protect, (req, res) => send(req, res, 'shitstorm', 'shitstorm.title', (l) => bodies.shitstormBody(config, l), true));
  router.get('/search', protect, (req, res) => send(req, res, 'search', 'search.title', (l) => bodies.searchBody(config, l), true));
  router.get('/alerts', protect, (req, res) => send(req, res, 'alerts', 'alerts.title', (l) => bodies.alertsBody(config, l)));
  // One alert: the link alert messages in team chat point to (src/alerts/wording.ts dashboardUrlFor).
  router.get('/alerts/:id', protect, (req, res) => send(req, res, 'alerts', 'alerts.title', (l) => bodies.alertsBody(config, l)));
  router.get('/sources', protect, (req, res) => send(req, res, 'sources', 'sources.title', (l) => bodies.sourcesBody(l)));
  router.get('/thread', protect, (req, res) => send(req, res, 'thread', 'thread.title', () => bodies.threadBody()));
  return router;
}
