// One conversation in order: the customer's posts and the brand's replies (with their reply kind), so an
// analyst sees at a glance whether "we answered" was an answer or an auto-reply.
import { api, el, fill, renderPost, setStatus, t, counted } from '../common.js';

const list = document.getElementById('thread-posts');
const root = new URLSearchParams(location.search).get('root');

async function load() {
  if (!root) {
    setStatus(t('common.empty'));
    return;
  }
  try {
    const thread = await api(`/api/threads/${encodeURIComponent(root)}`);
    fill(list, thread.posts.map((m) => {
      const item = renderPost(m, { cues: m.complaint.isComplaint });
      if (m.author.isBrand) item.classList.add('by-brand');
      return item;
    }));
    setStatus(counted(thread.total, 'thread.post', 'thread.posts'));
  } catch (err) {
    setStatus(`${t('common.error')}: ${err.message}`, true);
    list.replaceChildren(el('li', { class: 'empty', text: t('common.empty') }));
  }
}

setStatus(t('common.loading'));
load().finally(() => {
  document.body.dataset.loaded = 'true';
});
