// Shitstorm radar: one card per brand with volume vs what the detector expects and the negative share over time,
// plus the brand's shitstorm alerts with the numbers behind them.
import { api, bindFilterForm, el, evidenceList, formParams, formatTime, setStatus, t } from '../common.js';
import { bucketLabel, drawChart } from './charts.js';

const form = document.getElementById('filters');
const radar = document.getElementById('radar');

function alertItem(a) {
  return el('li', { class: `alert severity-${a.severity}` },
    el('div', { class: 'meta' },
      el('span', { class: `chip severity-${a.severity}`, text: t(`severity.${a.severity}`) }),
      el('span', { class: 'chip', text: t(`status.${a.status}`) }),
      el('time', { datetime: a.openedAt, text: formatTime(a.openedAt) })),
    el('p', { class: 'title', text: a.title }),
    evidenceList(a.evidence, 'shitstorm'));
}

function card(brand, interval) {
  const volume = el('canvas', { 'aria-label': `${brand.name}: ${t('shitstorm.volume')}` });
  const negativity = el('canvas', { 'aria-label': `${brand.name}: ${t('shitstorm.negativeShare')}` });
  const node = el('section', { class: 'card', 'data-brand': brand.brand },
    el('h2', { text: brand.name }),
    el('p', { class: 'muted', text: `${t('shitstorm.total')}: ${brand.total} · ${t('sentiment.negative')}: ${brand.negative}` }),
    el('div', { class: 'chart-box' }, volume),
    el('div', { class: 'chart-box small' }, negativity),
    el('h3', { text: t('shitstorm.alerts') }),
    brand.alerts.length > 0 ? el('ol', { class: 'alerts compact' }, ...brand.alerts.map(alertItem)) : el('p', { class: 'muted', text: t('shitstorm.noAlerts') }));
  radar.append(node);
  const labels = brand.points.map((p) => bucketLabel(p.start, interval));
  drawChart(volume, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: t('shitstorm.volume'), data: brand.points.map((p) => p.count), backgroundColor: '#3b6ea8' },
        // The detector's baseline where it has one: the trailing mean includes a storm's own hours and stays high
        // for a day after it, so it is drawn only for a brand the detector knows nothing about yet, named as what it is.
        brand.expectation === 'detector'
          ? { type: 'line', label: t('shitstorm.expected'), data: brand.points.map((p) => p.baseline), borderColor: '#e09b1a', backgroundColor: '#e09b1a', pointRadius: 0, borderWidth: 2 }
          : { type: 'line', label: t(`shitstorm.trailingMean.${interval}`), data: brand.points.map((p) => p.expected), borderColor: '#e09b1a', backgroundColor: '#e09b1a', pointRadius: 0, borderWidth: 2, borderDash: [6, 4] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  // Bars, not a line: an hour without posts has no share, and a line drawn across such hours turned one negative
  // post on Monday and one neutral post on Wednesday into a two-day slope through 100 %.
  drawChart(negativity, {
    type: 'bar',
    data: {
      labels,
      datasets: [{
        label: t('shitstorm.negativeShare'),
        data: brand.points.map((p) => (p.negativeShare === null ? null : Math.round(p.negativeShare * 100))),
        backgroundColor: 'rgba(192,57,43,0.7)', borderWidth: 0, barPercentage: 1, categoryPercentage: 1,
      }],
    },
    options: { scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } } },
  });
}

async function load() {
  try {
    const data = await api(`/api/shitstorm?${formParams(form)}`);
    radar.replaceChildren();
    for (const brand of data.brands) card(brand, data.interval);
    if (data.brands.length === 0) radar.append(el('p', { class: 'empty', text: t('common.empty') }));
    setStatus(`${formatTime(data.from)} – ${formatTime(data.to)}`);
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

bindFilterForm(form, load);
