// Search: full text plus filters, facet counts, a date histogram and saved searches. The page URL holds the
// form's values (so links and reloads reproduce a search); `toApi`/`fromApi` translate between the form's
// names and the API's (the UI's own ?lang= is the interface language, so the post-language field is postLang).
import { api, el, fill, fillForm, formatTime, renderPost, setStatus, t, counted } from '../common.js';
import { bucketLabel, drawChart } from './charts.js';

const PAGE_SIZE = 20;
const FACETS = ['brands', 'sources', 'langs', 'sentiments', 'intents', 'complaint', 'severities', 'channels'];
/** Facet field → form field that filters on it. */
const FACET_PARAM = {
  brands: 'brand', sources: 'source', langs: 'postLang', sentiments: 'sentiment', intents: 'intent', complaint: 'complaint',
  severities: 'severity', channels: 'channel',
};
const FILTER_FIELDS = ['q', 'brand', 'source', 'postLang', 'complaint', 'sentiment', 'intent', 'severity', 'channel', 'from', 'to', 'sort'];

const form = document.getElementById('search-form');
const results = document.getElementById('results');
const facets = document.getElementById('facets');
const pager = document.getElementById('pager');
const hitCount = document.getElementById('hit-count');
const csvLink = document.getElementById('csv-link');
const histogram = document.getElementById('histogram');
const savedList = document.getElementById('saved-list');
const saveForm = document.getElementById('save-form');

const pageParams = new URLSearchParams(location.search);

function shiftDay(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Form/URL parameters → API filter parameters. The form's "to" day is inclusive; the API's bound is exclusive. */
function toApi(params) {
  const out = new URLSearchParams();
  for (const key of FILTER_FIELDS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'postLang') out.set('lang', value);
    else if (key === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.set('to', shiftDay(value, 1));
    else out.set(key, value);
  }
  // Days and the chart's day and week bars in the analyst's own zone, as the times the page shows.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) out.set('tz', zone);
  return out;
}

function fromApi(params) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value.join(',') : value;
    if (key === 'lang') out.set('postLang', v);
    else if (key === 'to') out.set('to', /^\d{4}-\d{2}-\d{2}$/.test(v) ? shiftDay(v, -1) : v.slice(0, 10));
    else out.set(key, v);
  }
  return out;
}

function withParam(key, value) {
  const next = new URLSearchParams(pageParams);
  next.delete('page');
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return `/search?${next}`;
}

function facetLabel(field, value) {
  if (field === 'sentiments') return t(`sentiment.${value}`);
  if (field === 'intents') return t(`intent.${value}`);
  if (field === 'complaint') return value === 'true' ? t('common.yes') : t('common.no');
  if (field === 'severities') return t(`complaintSeverity.${value}`);
  if (field === 'channels') return t(`channel.${value}`);
  return value;
}

function renderFacets(counts) {
  const groups = FACETS.filter((f) => counts[f] && counts[f].length > 0).map((field) => {
    const param = FACET_PARAM[field];
    const active = pageParams.get(param);
    return el('section', { class: 'facet' },
      el('h3', { text: t(`facet.${field}`) }),
      el('ul', {}, ...counts[field].map((c) => el('li', { class: active === c.value ? 'active' : undefined },
        active === c.value
          ? el('a', { href: withParam(param, undefined), title: t('search.removeFilter'), text: `✕ ${facetLabel(field, c.value)}` })
          : el('a', { href: withParam(param, c.value), text: facetLabel(field, c.value) }),
        el('span', { class: 'count', text: String(c.count) })))));
  });
  facets.replaceChildren(...groups);
}

function renderPager(page, total) {
  const current = page.page;
  const last = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  const link = (n, label) => {
    const next = new URLSearchParams(pageParams);
    next.set('page', String(n));
    return el('a', { href: `/search?${next}`, text: label });
  };
  pager.replaceChildren(
    current > 0 ? link(current - 1, `← ${t('common.previous')}`) : el('span'),
    el('span', { class: 'muted', text: `${current + 1} / ${last + 1}` }),
    current < last ? link(current + 1, `${t('common.next')} →`) : el('span'),
  );
}

/** Day buckets, unless that gives too few (a short demo) or too many (years of history) bars. */
async function loadHistogram(searchFilters) {
  const filters = new URLSearchParams(searchFilters);
  filters.delete('sort');
  let interval = '1d';
  let data = await api(`/api/stats/histogram?${filters}&interval=${interval}`).catch(() => undefined);
  if (data === undefined) {
    // Days over a very long span (years of history, one misdated post) are refused as too many bars: weeks then.
    interval = '1w';
    data = await api(`/api/stats/histogram?${filters}&interval=${interval}`);
  } else if (data.buckets.length <= 2 || data.buckets.length > 180) {
    interval = data.buckets.length <= 2 ? '1h' : '1w';
    data = await api(`/api/stats/histogram?${filters}&interval=${interval}`);
  }
  drawChart(histogram, {
    type: 'bar',
    data: {
      labels: data.buckets.map((b) => bucketLabel(b.start, interval)),
      datasets: [
        { label: t('shitstorm.volume'), data: data.buckets.map((b) => b.count), backgroundColor: '#3b6ea8' },
        { label: t('common.complaint'), data: data.buckets.map((b) => b.complaints), backgroundColor: '#c0392b' },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

async function search() {
  const filters = toApi(pageParams);
  // The file holds what the page shows, every hit of the same filters, text and order.
  csvLink.href = `/api/mentions.csv?${filters}`;
  const page = Number(pageParams.get('page') || 0);
  const query = new URLSearchParams(filters);
  query.set('page', String(Number.isInteger(page) && page >= 0 ? page : 0));
  query.set('size', String(PAGE_SIZE));
  query.set('facets', FACETS.join(','));
  // The chart is a side view: when it cannot be drawn, the hits are still shown, with the reason.
  const chart = loadHistogram(filters).then(() => undefined, (err) => err);
  try {
    const result = await api(`/api/mentions?${query}`);
    hitCount.textContent = counted(result.total, 'search.hit', 'search.hits');
    fill(results, result.hits.map((h) => renderPost(h.mention, { cues: h.mention.complaint.isComplaint })));
    renderFacets(result.facets);
    renderPager(result, result.total);
    const chartError = await chart;
    setStatus(chartError ? `${t('common.error')}: ${chartError.message}` : '', chartError !== undefined);
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
}

async function loadSaved() {
  try {
    const { savedSearches } = await api('/api/saved-searches');
    fill(savedList, savedSearches.map((s) => el('li', { 'data-id': s.id },
      el('a', { href: `/search?${fromApi(s.params)}`, title: formatTime(s.createdAt), text: s.name }),
      el('button', { type: 'button', class: 'link danger', 'data-delete': s.id, text: t('search.delete') }))));
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
}

savedList.addEventListener('click', async (event) => {
  const id = event.target instanceof HTMLElement ? event.target.dataset.delete : undefined;
  if (!id) return;
  await api(`/api/saved-searches/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch((err) => setStatus(err.message, true));
  await loadSaved();
});

saveForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = new FormData(saveForm).get('name');
  const params = Object.fromEntries(toApi(pageParams));
  try {
    await api('/api/saved-searches', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, params }) });
    saveForm.reset();
    await loadSaved();
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
});

fillForm(form, pageParams);
setStatus(t('common.loading'));
Promise.all([search(), loadSaved()]).finally(() => {
  document.body.dataset.loaded = 'true';
});
