// Sources: configured and reporting sources with their health (last success/error, throughput, quarantine).
import { api, clockTime, el, fill, formatTime, setStatus, t } from '../common.js';

const body = document.querySelector('#sources tbody');

function row(s) {
  const st = s.status;
  return el('tr', { class: st?.lastErrorAt && (!st.lastSuccessAt || st.lastErrorAt > st.lastSuccessAt) ? 'failing' : undefined, 'data-source': s.name },
    el('td', {}, el('strong', { text: s.name }), s.configured ? undefined : el('span', { class: 'muted', text: ` (${t('sources.notConfigured')})` })),
    el('td', { text: s.type }),
    el('td', { text: s.enabled ? t('common.yes') : t('common.no') }),
    el('td', { text: formatTime(st?.lastSuccessAt) }),
    el('td', {}, st?.lastErrorAt ? el('div', {}, el('time', { text: formatTime(st.lastErrorAt) }), el('div', { class: 'error-text', text: st.lastError ?? '' })) : '–'),
    el('td', { class: 'num', text: st ? String(st.itemsTotal) : '–' }),
    el('td', { class: 'num', text: st ? String(st.itemsPerMinute) : '–' }),
    el('td', { class: 'num', text: st ? String(st.quarantined) : '–' }));
}

async function load() {
  try {
    const data = await api('/api/sources');
    fill(body, data.sources.map(row), 'tr');
    setStatus(data.statusAvailable ? `${t('common.updated')}: ${clockTime()}` : t('sources.noStatus'));
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

setStatus(t('common.loading'));
load();
setInterval(() => {
  if (document.visibilityState === 'visible') load();
}, 15_000);
