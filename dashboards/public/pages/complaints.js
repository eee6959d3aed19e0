// Live complaints: the newest posts classified as complaints, with the cues that fired highlighted in the
// text. Refreshes every 30 s while the tab is visible, so the page can stay open on a wall screen.
import { api, clockTime, bindFilterForm, fill, formParams, renderPost, setStatus, t, counted } from '../common.js';

const REFRESH_MS = 30_000;
const form = document.getElementById('filters');
const list = document.getElementById('complaint-list');

async function load() {
  const filters = formParams(form);
  const params = new URLSearchParams({ complaint: 'true', sort: 'newest', size: '50' });
  for (const [k, v] of filters) params.append(k, v);
  try {
    const page = await api(`/api/mentions?${params}`);
    fill(list, page.hits.map((h) => renderPost(h.mention, { cues: true })));
    setStatus(`${t('common.updated')}: ${clockTime()} · ${counted(page.total, 'search.hit', 'search.hits')}`);
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

bindFilterForm(form, load, REFRESH_MS);
