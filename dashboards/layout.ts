/**
 * The server-rendered shell every page shares: navigation, language switch, logout, the page's message table
 * as a JSON data block, and the page's own script from /static. Page content is filled in by that script
 * from the API, so post text only ever reaches the DOM as textContent.
 */
import { CATALOGUE, t, type MessageKey, type UiLang } from './i18n.ts';
import { html, jsonDataBlock, type SafeHtml } from './html.ts';

export const PAGES = ['complaints', 'unanswered', 'shitstorm', 'search', 'alerts', 'sources'] as const;
export type PageName = (typeof PAGES)[number] | 'thread' | 'login';

export interface PageOptions {
  lang: UiLang;
  page: PageName;
  title: MessageKey;
  body: SafeHtml;
  /** Shows the logout button (auth is on). */
  loggedIn: boolean;
  /** Loads Chart.js before the page script. */
  charts?: boolean;
  /** Current path + query without `lang`, for the language switch links. */
  selfPath: string;
}

function langLink(selfPath: string, lang: UiLang): string {
  const [pathname = '/', query = ''] = selfPath.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${pathname}?${params.toString()}`;
}

export function renderPage(o: PageOptions): string {
  const nav = PAGES.map(
    (p) => html`<a href="/${p}" class="${p === o.page ? 'active' : ''}"${p === o.page ? html` aria-current="page"` : ''}>${t(o.lang, `nav.${p}`)}</a>`,
  );
  const other: UiLang = o.lang === 'de' ? 'en' : 'de';
  const page = html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(o.lang, o.title)} · Kundenradar</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/style.css">
</head>
<body data-page="${o.page}">
<header class="topbar">
  <a class="logo" href="/">Kundenradar</a>
  ${o.page === 'login' ? '' : html`<nav aria-label="main">${nav}</nav>`}
  <div class="tools">
    <a class="lang-switch" href="${langLink(o.selfPath, other)}" hreflang="${other}" title="${t(o.lang, 'nav.language')}">${other.toUpperCase()}</a>
    ${o.loggedIn ? html`<form method="post" action="/logout"><button type="submit" class="link">${t(o.lang, 'nav.logout')}</button></form>` : ''}
  </div>
</header>
<main>
<h1>${t(o.lang, o.title)}</h1>
${o.body}
</main>
<script type="application/json" id="messages">${jsonDataBlock(CATALOGUE[o.lang])}</script>
${o.charts ? html`<script src="/vendor/chart.umd.min.js" defer></script>` : ''}
${o.page === 'login' ? '' : html`<script type="module" src="/static/pages/${o.page}.js"></script>`}
</body>
</html>
`;
  return page.value;
}
