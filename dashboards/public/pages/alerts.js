// Alerts with acknowledge / resolve. The buttons call the API and re-render the alert from its answer, so
// what the page shows is what the server stored.
import { api, clockTime, bindFilterForm, el, evidenceList, fill, formParams, formatDuration, formatTime, safeUrl, setStatus, t, threadLink } from '../common.js';

const form = document.getElementById('filters');
const list = document.getElementById('alert-list');
/** /alerts/<id> shows that one alert: the link chat messages carry. */
const singleId = /^\/alerts\/(.+)$/.exec(location.pathname)?.[1];

/** " (3 h 30 min)": the wait until now, when the start is a readable instant in the past. */
function waitedSoFar(since) {
  const minutes = (Date.now() - Date.parse(since)) / 60_000;
  return Number.isFinite(minutes) && minutes >= 1 ? ` (${formatDuration(minutes)})` : '';
}

function example(x) {
  return el('li', {},
    el('div', { class: 'meta' }, x.author ? el('span', { class: 'author', text: x.author }) : undefined, el('time', { datetime: x.createdAt, text: formatTime(x.createdAt) }),
      x.url && safeUrl(x.url) ? el('a', { href: x.url, rel: 'noopener noreferrer', target: '_blank', text: t('common.original') }) : undefined),
    el('p', { class: 'text', text: x.text }));
}

function render(a) {
  const actions = el('div', { class: 'actions' },
    a.status === 'open' ? el('button', { type: 'button', 'data-action': 'ack', text: t('alerts.acknowledge') }) : undefined,
    a.status !== 'resolved' ? el('button', { type: 'button', class: 'secondary', 'data-action': 'resolve', text: t('alerts.resolve') }) : undefined);
  return el('li', { class: `alert severity-${a.severity} status-${a.status}`, 'data-id': a.id, 'data-status': a.status },
    el('div', { class: 'meta' },
      el('span', { class: `chip severity-${a.severity}`, text: t(`severity.${a.severity}`) }),
      el('span', { class: 'chip', text: t(`kind.${a.kind}`) }),
      el('span', { class: 'chip brand', text: a.brand }),
      el('span', { class: `chip status status-${a.status}`, text: t(`status.${a.status}`) }),
      el('span', { text: `${t('alerts.opened')}: ${formatTime(a.openedAt)}` }),
      // The title gives the wait when the alert was last updated ("seit 4 h"); this stays true while it waits on,
      // with the wait until now beside it (QA: a title said "seit 1 h" of a customer waiting 3 h 30 min).
      a.kind === 'unanswered' && a.status !== 'resolved' && typeof a.evidence.waitingSince === 'string'
        ? el('span', { class: 'chip', text: `${t('alerts.waitingSince')}: ${formatTime(a.evidence.waitingSince)}${waitedSoFar(a.evidence.waitingSince)}` })
        : undefined,
      a.acknowledgedAt ? el('span', { class: 'muted', text: `${t('status.acknowledged')}: ${formatTime(a.acknowledgedAt)}` }) : undefined,
      a.resolvedAt ? el('span', { class: 'muted', text: `${t('status.resolved')}: ${formatTime(a.resolvedAt)}` }) : undefined),
    el('h2', { class: 'title' }, singleId ? a.title : el('a', { href: `/alerts/${encodeURIComponent(a.id)}`, text: a.title })),
    typeof a.evidence.threadRootId === 'string' ? el('div', { class: 'links' }, el('a', { href: threadLink(a.evidence.threadRootId), text: t('common.thread') })) : undefined,
    el('details', {}, el('summary', { text: t('alerts.evidence') }), evidenceList(a.evidence, a.kind)),
    a.examples.length > 0 ? el('details', { open: true }, el('summary', { text: t('alerts.examples') }), el('ol', { class: 'examples' }, ...a.examples.map(example))) : undefined,
    actions);
}

list.addEventListener('click', async (event) => {
  const button = event.target instanceof HTMLButtonElement ? event.target : undefined;
  const item = button?.closest('li[data-id]');
  if (!button || !item || !button.dataset.action) return;
  button.disabled = true;
  try {
    const updated = await api(`/api/alerts/${encodeURIComponent(item.dataset.id)}/${button.dataset.action}`, { method: 'POST' });
    item.replaceWith(render(updated));
  } catch (err) {
    button.disabled = false;
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
});

const PAGE = 100;
const more = document.getElementById('alerts-more');
let shown = [];

function showStatus() {
  // A full page says there may be more (QA: "· 100" read as the total of 426); the button loads the next page.
  const full = !singleId && shown.length % PAGE === 0 && shown.length > 0;
  if (more) more.hidden = !full;
  setStatus(`${t('common.updated')}: ${clockTime()} · ${shown.length}${full ? ` (${t('alerts.truncated').replace('{n}', String(shown.length))})` : ''}`);
}

async function load() {
  try {
    const { alerts } = singleId
      ? { alerts: [await api(`/api/alerts/${encodeURIComponent(decodeURIComponent(singleId))}`)] }
      : await api(`/api/alerts?${formParams(form)}&limit=${PAGE}`);
    shown = alerts;
    fill(list, alerts.map(render));
    showStatus();
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

more?.addEventListener('click', async () => {
  const last = shown.at(-1);
  if (!last) return;
  more.disabled = true;
  try {
    const { alerts } = await api(`/api/alerts?${formParams(form)}&limit=${PAGE}&after=${encodeURIComponent(`${last.updatedAt}|${last.id}`)}`);
    shown = shown.concat(alerts);
    for (const a of alerts) list.append(render(a));
    showStatus();
    if (alerts.length < PAGE && more) more.hidden = true;
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  } finally {
    more.disabled = false;
  }
});

if (singleId) form.hidden = true;
bindFilterForm(form, load);
