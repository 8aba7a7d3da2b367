// Entry point: a tiny router over the two pages (the studies list and /studies/{id}) and the polling loop that
// keeps the shown page current without reloading it.
import { showStudies } from './studies.js';
import { showStudy } from './study.js';
import { errorBox, setLive } from './dom.js';

const POLL_MILLIS = 3000;
let current = null;

function route() {
  if (current) current.abort();
  const controller = new AbortController();
  current = controller;
  const view = document.getElementById('view');
  const { signal } = controller;
  const live = (refresh, everyMillis = POLL_MILLIS) => poll(refresh, signal, everyMillis);
  const match = location.pathname.match(/^\/studies\/([^/]+)\/?$/);
  const shown = match ? showStudy(view, decodeURIComponent(match[1]), signal, live) : showStudies(view, signal, live);
  shown.catch((e) => {
    if (e.name === 'AbortError') return;
    view.innerHTML = errorBox(e.message);
    view.removeAttribute('aria-busy');
  });
}

/** Calls refresh now and then every few seconds for as long as it answers true (something is still running). */
async function poll(refresh, signal, everyMillis) {
  let updated = Date.now();
  const ticker = setInterval(() => {
    if (!signal.aborted && document.getElementById('live').classList.contains('active')) {
      setLive(`live · updated ${Math.round((Date.now() - updated) / 1000)}s ago`, true);
    }
  }, 1000);
  signal.addEventListener('abort', () => { clearInterval(ticker); setLive(null); });
  for (;;) {
    const running = await refresh();
    if (signal.aborted) return;
    updated = Date.now();
    if (!running) {
      clearInterval(ticker);
      setLive('not running', false);
      return;
    }
    setLive('live · updated 0s ago', true);
    await new Promise((resolve) => setTimeout(resolve, everyMillis));
    if (signal.aborted) return;
  }
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (!link || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  route();
});
window.addEventListener('popstate', route);
route();
