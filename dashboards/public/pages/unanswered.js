// Unanswered queue: open cases sorted by SLA breach (the API sorts), with waited time, the brand's reply
// kinds so far and links to the thread.
import { api, bindFilterForm, el, fill, formParams, formatDuration, formatTime, safeUrl, setStatus, t, threadLink } from '../common.js';

const REFRESH_MS = 60_000;
const form = document.getElementById('filters');
const body = document.querySelector('#queue tbody');

function row(item) {
  const overdue = item.overdueMinutes > 0 && !item.awaitingCustomer;
  const replies = item.brandReplies.length > 0
    ? item.brandReplies.map((r) => el('span', { class: `chip reply-${r.kind}`, title: formatTime(r.createdAt), text: t(`reply.${r.kind}`) }))
    : [el('span', { class: 'muted', text: t('unanswered.noReplies') })];
  const post = item.waiting
    ? el('div', {}, el('div', { class: 'meta' }, el('span', { class: 'author', text: item.waiting.author }), el('span', { class: 'source', text: item.waiting.source }),
        el('time', { datetime: item.waiting.createdAt, text: formatTime(item.waiting.createdAt) })),
        el('p', { class: 'text clamp', text: item.waiting.text }))
    : el('p', { class: 'text', text: item.title });
  return el(
    'tr',
    { class: overdue ? 'overdue' : 'within', 'data-alert-id': item.alertId, 'data-overdue': item.overdueMinutes, 'data-awaiting-customer': item.awaitingCustomer },
    el('td', { class: 'num strong', text: item.awaitingCustomer ? t('unanswered.awaitingCustomer') : overdue ? formatDuration(item.overdueMinutes) : t('unanswered.within') }),
    el('td', { class: 'num', text: formatDuration(item.waitedMinutes) }),
    el('td', { class: 'num', text: formatDuration(item.slaMinutes) }),
    el('td', { text: item.brand }),
    el('td', {}, post),
    el('td', {}, ...replies),
    el('td', {},
      item.rootId ? el('a', { href: threadLink(item.rootId), text: t('common.thread') }) : undefined,
      item.threadUrl && safeUrl(item.threadUrl) ? el('a', { class: 'external', href: item.threadUrl, rel: 'noopener noreferrer', target: '_blank', text: t('common.original') }) : undefined),
  );
}

async function load() {
  try {
    const data = await api(`/api/unanswered?${formParams(form)}`);
    fill(body, data.items.map(row), 'tr');
    setStatus(`${t('common.updated')}: ${formatTime(data.now)} · ${data.total}`);
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

bindFilterForm(form, load, REFRESH_MS);
