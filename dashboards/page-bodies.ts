/**
 * Static skeleton of each page: headings, filter forms and empty containers with ids the page scripts fill.
 * Only configuration (brand names) and catalogue labels are rendered here, always through the escaping `html`.
 */
import type { AppConfig } from '../src/config.ts';
import { AlertKind, AlertStatus, Channel, Intent, SentimentLabel } from '../src/model.ts';
import { SEVERITY_LEVELS } from '../src/store/query.ts';
import { html, type SafeHtml } from './html.ts';
import { t, type UiLang } from './i18n.ts';

function brandOptions(config: AppConfig, lang: UiLang): SafeHtml {
  return html`<option value="">${t(lang, 'common.all')}</option>${config.brands.map((b) => html`<option value="${b.id}">${b.name}</option>`)}`;
}

function select(name: string, label: string, options: SafeHtml): SafeHtml {
  return html`<label>${label} <select name="${name}">${options}</select></label>`;
}

function enumOptions(lang: UiLang, values: readonly string[], label: (v: string) => string): SafeHtml {
  return html`<option value="">${t(lang, 'common.all')}</option>${values.map((v) => html`<option value="${v}">${label(v)}</option>`)}`;
}

const status = html`<p class="status" id="status" role="status"></p>`;

export function complaintsBody(config: AppConfig, lang: UiLang): SafeHtml {
  return html`<p class="intro">${t(lang, 'complaints.intro')}</p>
<form class="filters" id="filters">${select('brand', t(lang, 'common.brand'), brandOptions(config, lang))}</form>
${status}
<ol class="posts" id="complaint-list"></ol>`;
}

export function unansweredBody(config: AppConfig, lang: UiLang): SafeHtml {
  return html`<p class="intro">${t(lang, 'unanswered.intro')}</p>
<form class="filters" id="filters">${select('brand', t(lang, 'common.brand'), brandOptions(config, lang))}</form>
${status}
<table class="grid" id="queue">
<thead><tr><th>${t(lang, 'unanswered.overdue')}</th><th>${t(lang, 'unanswered.waited')}</th><th>${t(lang, 'unanswered.sla')}</th>
<th>${t(lang, 'common.brand')}</th><th>${t(lang, 'unanswered.post')}</th><th>${t(lang, 'unanswered.replies')}</th><th>${t(lang, 'common.thread')}</th></tr></thead>
<tbody></tbody>
</table>`;
}

export function shitstormBody(config: AppConfig, lang: UiLang): SafeHtml {
  const intervals = html`${['5m', '1h', '1d'].map((i) => html`<option value="${i}"${i === '1h' ? html` selected` : ''}>${i}</option>`)}`;
  return html`<p class="intro">${t(lang, 'shitstorm.intro')}</p>
<form class="filters" id="filters">${select('brand', t(lang, 'common.brand'), brandOptions(config, lang))}
${select('interval', t(lang, 'shitstorm.interval'), intervals)}</form>
${status}
<div class="cards" id="radar"></div>`;
}

export function searchBody(config: AppConfig, lang: UiLang): SafeHtml {
  const sorts = html`${(['newest', 'oldest', 'relevance'] as const).map((s) => html`<option value="${s}">${t(lang, `search.sort.${s}`)}</option>`)}`;
  const yesNo = html`<option value="">${t(lang, 'common.all')}</option><option value="true">${t(lang, 'common.yes')}</option><option value="false">${t(lang, 'common.no')}</option>`;
  return html`<form class="filters search-form" id="search-form" method="get" action="/search">
<label class="wide">${t(lang, 'search.query')} <input type="search" name="q" maxlength="500" placeholder="${t(lang, 'search.placeholder')}"></label>
${select('brand', t(lang, 'common.brand'), brandOptions(config, lang))}
${select('postLang', t(lang, 'common.language'), html`<option value="">${t(lang, 'common.all')}</option><option value="de">de</option><option value="en">en</option><option value="other">other</option>`)}
${select('complaint', t(lang, 'common.complaint'), yesNo)}
${select('sentiment', t(lang, 'common.sentiment'), enumOptions(lang, SentimentLabel.options, (v) => t(lang, `sentiment.${v as SentimentLabel}`)))}
${select('intent', t(lang, 'common.intents'), enumOptions(lang, Intent.options, (v) => t(lang, `intent.${v as Intent}`)))}
${select('severity', t(lang, 'search.severity'), enumOptions(lang, SEVERITY_LEVELS.map(String), (v) => t(lang, `complaintSeverity.${v as '0'}`)))}
${select('channel', t(lang, 'search.channel'), enumOptions(lang, Channel.options, (v) => t(lang, `channel.${v as Channel}`)))}
<label>${t(lang, 'search.from')} <input type="date" name="from"></label>
<label>${t(lang, 'search.to')} <input type="date" name="to"></label>
${select('sort', t(lang, 'search.sort'), sorts)}
<input type="hidden" name="source">
<button type="submit">${t(lang, 'search.submit')}</button>
</form>
${status}
<div class="search-layout">
<aside class="facets"><h2>${t(lang, 'search.facets')}</h2><div id="facets"></div></aside>
<section class="results">
<h2>${t(lang, 'search.histogram')}</h2>
<div class="chart-box"><canvas id="histogram" aria-label="${t(lang, 'search.histogram')}"></canvas></div>
<p class="hit-count"><span id="hit-count"></span> <a id="csv-link" class="csv-link" href="/api/mentions.csv" download title="${t(lang, 'search.csvTitle')}">${t(lang, 'search.csv')}</a></p>
<ol class="posts" id="results"></ol>
<nav class="pager" id="pager"></nav>
</section>
<aside class="saved"><h2>${t(lang, 'search.saved')}</h2>
<ul id="saved-list"></ul>
<form id="save-form"><label>${t(lang, 'search.saveName')} <input name="name" required maxlength="100"></label>
<button type="submit">${t(lang, 'search.save')}</button></form>
</aside>
</div>`;
}

export function alertsBody(config: AppConfig, lang: UiLang): SafeHtml {
  return html`<form class="filters" id="filters">
${select('status', t(lang, 'common.status'), enumOptions(lang, AlertStatus.options, (v) => t(lang, `status.${v as AlertStatus}`)))}
${select('kind', t(lang, 'common.kind'), enumOptions(lang, AlertKind.options, (v) => t(lang, `kind.${v as AlertKind}`)))}
${select('brand', t(lang, 'common.brand'), brandOptions(config, lang))}
</form>
${status}
<ol class="alerts" id="alert-list"></ol>
<p><button type="button" class="secondary" id="alerts-more" hidden>${t(lang, 'alerts.more')}</button></p>`;
}

export function sourcesBody(lang: UiLang): SafeHtml {
  return html`${status}
<table class="grid" id="sources">
<thead><tr><th>${t(lang, 'sources.name')}</th><th>${t(lang, 'sources.type')}</th><th>${t(lang, 'sources.enabled')}</th>
<th>${t(lang, 'sources.lastSuccess')}</th><th>${t(lang, 'sources.lastError')}</th><th>${t(lang, 'sources.itemsTotal')}</th>
<th>${t(lang, 'sources.perMinute')}</th><th>${t(lang, 'sources.quarantined')}</th></tr></thead>
<tbody></tbody>
</table>`;
}

export function threadBody(): SafeHtml {
  return html`${status}<ol class="posts thread" id="thread-posts"></ol>`;
}

export function loginBody(lang: UiLang, next: string, failed: boolean): SafeHtml {
  return html`<form class="login" method="post" action="/login">
${failed ? html`<p class="error" role="alert">${t(lang, 'login.failed')}</p>` : ''}
<label>${t(lang, 'login.token')} <input type="password" name="token" required autocomplete="current-password" autofocus></label>
<input type="hidden" name="next" value="${next}">
<button type="submit">${t(lang, 'login.submit')}</button>
<p class="hint">${t(lang, 'login.hint')}</p>
</form>`;
}
