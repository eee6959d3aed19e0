// Chart.js helpers shared by the shitstorm radar and the search histogram. Chart.js is loaded as its UMD
// build from /vendor (no CDN: analysts' browsers may have no internet access).

const shortTime = new Intl.DateTimeFormat(document.documentElement.lang || 'de', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const shortDay = new Intl.DateTimeFormat(document.documentElement.lang || 'de', { year: 'numeric', month: 'short', day: 'numeric' });

/** Axis label for a bucket start: day buckets show the date only. */
export function bucketLabel(iso, interval) {
  const date = new Date(iso);
  return interval === '1d' || interval === '1w' ? shortDay.format(date) : shortTime.format(date);
}

/** @returns {any} the Chart constructor */
function chartClass() {
  const Chart = /** @type {any} */ (window).Chart;
  if (!Chart) throw new Error('Chart.js did not load');
  return Chart;
}

const charts = new WeakMap();

/** Draws (or redraws) a chart on `canvas`, destroying the previous one so resizes and reloads do not leak. */
export function drawChart(canvas, config) {
  charts.get(canvas)?.destroy();
  const Chart = chartClass();
  const chart = new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Animations make screenshots and quick reloads show half-drawn charts; the data is what matters.
      animation: false,
      interaction: { mode: 'index', intersect: false },
      ...config.options,
      scales: {
        // A week of hourly buckets has 168 labels: show a readable handful, unrotated.
        x: { ticks: { maxTicksLimit: 8, maxRotation: 0, autoSkip: true } },
        ...config.options?.scales,
      },
    },
  });
  charts.set(canvas, chart);
  canvas.dataset.drawn = 'true';
  return chart;
}
