// Shared browser code for the dashboard pages. Every piece of post text reaches the DOM through
// document.createTextNode / textContent (see `el` and `highlightCues`): never innerHTML, so a post such as
// `<img src=x onerror=alert(1)>` is shown literally and stays inert.

const messagesNode = document.getElementById('messages');
/** @type {Record<string, string>} */
const messages = messagesNode ? JSON.parse(messagesNode.textContent || '{}') : {};
export const uiLang = document.documentElement.lang || 'de';

/** @param {string} key */
export function t(key) {
  return messages[key] ?? key;
}

/** "1 hit", "2 hits": the count with the singular or plural message. */
export function counted(n, singularKey, pluralKey) {
  return `${n} ${t(n === 1 ? singularKey : pluralKey)}`;
}

/** The message for `key`, or undefined when the table has none (unlike `t`, which falls back to the key). */
function known(key) {
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
}

/**
 * Builds an element. `attrs.text` sets textContent; `attrs.class`, `attrs.href` (checked by safeUrl),
 * `attrs.title`, `data-*`, `aria-*` and a few form attributes are set as attributes; children are nodes or
 * strings (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined>} [attrs]
 * @param {Array<Node | string | undefined | null | false>} children
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'href') {
      const url = safeUrl(String(value));
      if (url) node.setAttribute('href', url);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Only http(s) links and same-site paths: a post's url could be `javascript:…`. */
export function safeUrl(url) {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A failed API call. `message` is in the page's language; `status` is 0 when no answer came. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** @param {string} text @param {string | undefined} detail */
function withDetail(text, detail) {
  return detail ? `${text} (${detail})` : text;
}

/**
 * What went wrong, in the page's language, then the server's own words: the API speaks English, to scripts and
 * logs as much as to this page. The search text's issues are picked out of a 400, as typing is how an analyst
 * causes one; 429 and 502–504 come from a proxy in front of the service, usually with an HTML body.
 * @param {number} status
 * @param {{ error?: unknown, issues?: unknown }} body
 */
function apiErrorMessage(status, body) {
  const issues = Array.isArray(body.issues) ? body.issues.filter((issue) => typeof issue === 'string') : [];
  const searchText = issues.filter((issue) => issue.startsWith('q: ')).map((issue) => issue.slice(3).replace(/^search text: /, ''));
  if (status === 400 && searchText.length > 0) return withDetail(t('error.searchText'), searchText.join('; '));
  const key =
    status === 429 ? 'error.rateLimited'
    : status === 502 || status === 503 || status === 504 ? 'error.unavailable'
    : status >= 500 ? 'error.server'
    : status === 404 ? 'error.notFound'
    : status === 409 ? 'error.conflict'
    : 'error.badRequest';
  return withDetail(t(key), typeof body.error === 'string' ? body.error : undefined);
}

/**
 * Calls the API. A 401 means the session ended: go to the login form and come back here afterwards.
 * @param {string} path
 * @param {RequestInit} [init]
 */
export async function api(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers || {}) } });
  } catch {
    // No answer at all (server down, network gone); the browser's own text ("Failed to fetch") is English.
    throw new ApiError(t('error.unreachable'), 0);
  }
  if (response.status === 401) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(t('error.loggedOut'), 401);
  }
  if (response.status === 204) return undefined;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(apiErrorMessage(response.status, body), response.status);
  return body;
}

const dateFormat = new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium', timeStyle: 'short' });
/** @param {string | undefined} iso */
export function formatTime(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '–';
}

/** The time of day now, in the page's language (not the browser's: a German page said "9:03:21 PM"). */
export function clockTime() {
  return new Date().toLocaleTimeString(uiLang);
}

/** @param {number} minutes */
export function formatDuration(minutes) {
  const sign = minutes < 0 ? '−' : '';
  let m = Math.abs(Math.round(minutes));
  const days = Math.floor(m / 1440);
  m -= days * 1440;
  const hours = Math.floor(m / 60);
  m -= hours * 60;
  const parts = [];
  if (days) parts.push(`${days} ${t('unit.days')}`);
  if (hours) parts.push(`${hours} ${t('unit.hours')}`);
  if (m || parts.length === 0) parts.push(`${m} ${t('unit.minutes')}`);
  return sign + parts.slice(0, 2).join(' ');
}

const numberFormat = new Intl.NumberFormat(uiLang, { maximumFractionDigits: 2 });
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
/** Evidence values that are shares between 0 and 1, shown as percentages. */
const SHARE_KEYS = new Set(['negativityShare', 'baselineNegativityShare', 'topAuthorShare']);
/** Evidence values whose members have labels of their own (reply kinds, intents). */
const LISTED_LABELS = { brandReplies: 'reply', intents: 'intent' };

/**
 * The label of an evidence key: per alert kind where one key means different things (a complaint's score is
 * a probability, a shitstorm's a tail probability), else the key's own; an unknown key is shown as it is.
 */
function evidenceLabel(key, kind) {
  return known(`evidence.${kind}.${key}`) ?? known(`evidence.${key}`) ?? key;
}

/** One evidence value as analysts read it: numbers, times and durations in the page's language, enums translated. */
function evidenceValue(key, value, kind) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (SHARE_KEYS.has(key)) return `${numberFormat.format(Math.round(value * 1000) / 10)} %`;
    if (/Minutes$/.test(key)) return formatDuration(value);
    return numberFormat.format(value);
  }
  if (typeof value === 'string') {
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatTime(value);
    return known(`evidence.${key}.${value}`) ?? value;
  }
  if (Array.isArray(value)) {
    const prefix = LISTED_LABELS[key];
    return value.map((v) => (prefix && typeof v === 'string' ? known(`${prefix}.${v}`) ?? v : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  }
  // A group of figures (the quiet hour beside a storm's peak): the same labels and formats, on one line.
  return Object.entries(value).map(([k, v]) => `${evidenceLabel(k, kind)}: ${evidenceValue(k, v, kind)}`).join(' · ');
}

/**
 * An alert's evidence as a definition list, in the detector's order: known keys with their labels from the
 * message table, unknown ones (a newer detector, a hand-made alert) with their raw key.
 */
export function evidenceList(evidence, kind) {
  return el('dl', { class: 'evidence' }, ...Object.entries(evidence).flatMap(([k, v]) => [
    el('dt', { text: evidenceLabel(k, kind), title: k, 'data-key': k }),
    el('dd', { text: evidenceValue(k, v, kind) }),
  ]));
}

/** Shows a one-line status (loading, error, updated) in the page's #status element. */
export function setStatus(text, isError = false) {
  const node = document.getElementById('status');
  if (!node) return;
  node.textContent = text;
  node.classList.toggle('error', isError);
}

/**
 * Character ranges of the cues in `text`: the classifier's span when it gave one, else every
 * case-insensitive occurrence of the cue phrase. Overlaps are merged so marks never nest.
 */
export function cueRanges(text, cues) {
  const ranges = [];
  const lower = text.toLocaleLowerCase();
  for (const cue of cues || []) {
    if (Array.isArray(cue.span) && cue.span[1] > cue.span[0] && cue.span[1] <= text.length) {
      ranges.push({ start: cue.span[0], end: cue.span[1], cue });
      continue;
    }
    const needle = String(cue.cue).toLocaleLowerCase();
    if (needle.length < 2) continue;
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      ranges.push({ start: i, end: i + needle.length, cue });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.cues.push(r.cue);
    } else merged.push({ start: r.start, end: r.end, cues: [r.cue] });
  }
  return merged;
}

/** The post text as text nodes, with the cue passages wrapped in <mark> (tooltip: cue and weight). */
export function highlightCues(text, cues) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const range of cueRanges(text, cues)) {
    if (range.start > at) fragment.append(document.createTextNode(text.slice(at, range.start)));
    const title = range.cues.map((c) => `${c.cue} (${Number(c.weight).toFixed(2)})`).join(', ');
    fragment.append(el('mark', { title, class: 'cue' }, text.slice(range.start, range.end)));
    at = range.end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

export function threadLink(rootId) {
  return `/thread?root=${encodeURIComponent(rootId)}`;
}

function authorName(author) {
  return author.handle ? `@${author.handle.replace(/^@/, '')}` : author.name || author.id;
}

/**
 * One post as an <li>: meta line, text (with cues highlighted when asked), labels and links.
 * @param {any} m a Classified mention from the API
 * @param {{ cues?: boolean }} [options]
 */
export function renderPost(m, options = {}) {
  const meta = el(
    'div',
    { class: 'meta' },
    el('span', { class: 'author', text: authorName(m.author) }),
    el('span', { class: 'source', text: `${m.source} · ${m.channel}` }),
    el('time', { datetime: m.createdAt, text: formatTime(m.createdAt) }),
    ...m.brands.map((b) => el('span', { class: 'chip brand', text: b })),
    m.author.isBrand ? el('span', { class: 'chip brand-reply', text: m.replyKind ? t(`reply.${m.replyKind}`) : t('thread.brandReply') }) : undefined,
  );
  const text = el('p', { class: 'text' });
  if (m.title) text.append(el('strong', { class: 'title', text: m.title }), document.createTextNode(' '));
  text.append(options.cues ? highlightCues(m.text, m.complaint.cues) : document.createTextNode(m.text));
  const labels = el(
    'div',
    { class: 'labels' },
    el('span', { class: `chip sentiment-${m.sentiment.label}`, text: t(`sentiment.${m.sentiment.label}`) }),
    m.complaint.isComplaint ? el('span', { class: 'chip complaint', text: `${t('common.complaint')} ${Math.round(m.complaint.score * 100)} %` }) : undefined,
    ...m.intents.map((i) => el('span', { class: 'chip intent', text: t(`intent.${i}`) })),
  );
  const cueList = options.cues && m.complaint.cues.length > 0
    ? el('div', { class: 'cues' }, el('span', { class: 'label', text: `${t('complaints.cues')}:` }),
        ...m.complaint.cues.map((c) => el('span', { class: 'chip cue', text: `${c.cue} ${c.weight >= 0 ? '+' : ''}${Number(c.weight).toFixed(2)}` })))
    : undefined;
  const links = el(
    'div',
    { class: 'links' },
    el('a', { href: threadLink(m.thread.rootId), text: t('common.thread') }),
    m.url && safeUrl(m.url) ? el('a', { href: m.url, rel: 'noopener noreferrer', target: '_blank', text: t('common.original') }) : undefined,
  );
  return el('li', { class: 'post', 'data-id': m.id }, meta, text, labels, cueList, links);
}

/** Replaces a container's children; shows the "nothing found" line for an empty list. */
export function fill(container, nodes, emptyTag = 'li') {
  const empty = emptyTag === 'tr'
    ? el('tr', { class: 'empty' }, el('td', { colspan: 99, text: t('common.empty') }))
    : el(emptyTag, { class: 'empty', text: t('common.empty') });
  container.replaceChildren(...(nodes.length > 0 ? nodes : [empty]));
}

/** Reads the filter form's current values as query parameters (empty values left out). */
export function formParams(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '') params.append(key, value);
  }
  return params;
}

/** Sets form fields from the page URL, so a reload or a shared link shows the same filters. */
export function fillForm(form, params) {
  for (const element of form.elements) {
    if (element.name && params.has(element.name)) element.value = params.get(element.name);
  }
}

/** Keeps the URL in step with the filters without reloading (back button and sharing work). */
export function replaceQuery(params) {
  const query = params.toString();
  history.replaceState(null, '', query ? `${location.pathname}?${query}` : location.pathname);
}

/** Wires a page's filter form: restored from the URL, reloads on change, optionally refreshes while visible. */
export function bindFilterForm(form, load, refreshMs) {
  fillForm(form, new URLSearchParams(location.search));
  form.addEventListener('change', () => {
    replaceQuery(formParams(form));
    load();
  });
  setStatus(t('common.loading'));
  load();
  if (refreshMs) {
    setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, refreshMs);
  }
}
