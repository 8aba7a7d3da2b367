// The studies list: one row per study with its state, progress, best value so far and timing.
import { getJson } from './api.js';
import { errorBox, escapeHtml, setCrumbs, stateBadge } from './dom.js';
import { formatDuration, formatInstant, formatMetric } from './model.js';
import { studySummary } from './adapt.js';

export async function showStudies(view, signal, live) {
  setCrumbs([{ text: 'studies' }]);
  document.title = 'hpo · studies';
  view.innerHTML = `
    <section class="card">
      <div class="card-head"><h1>Studies</h1><span class="muted" id="study-count"></span></div>
      <div id="studies-body"><p class="muted">Loading…</p></div>
    </section>`;
  const body = view.querySelector('#studies-body');
  const refresh = async () => {
    let studies;
    try {
      studies = (await getJson('/api/studies', { signal })).map(studySummary);
    } catch (e) {
      if (e.name !== 'AbortError') body.innerHTML = errorBox(`Could not load studies: ${e.message}`);
      return false;
    }
    view.querySelector('#study-count').textContent = `${studies.length} ${studies.length === 1 ? 'study' : 'studies'}`;
    body.innerHTML = studies.length === 0
      ? '<p class="empty">No studies yet. Create one with <code>hpo study create spec.json</code>.</p>'
      : renderTable(studies);
    // Keep polling even when nothing runs: a study created elsewhere should appear without a reload.
    return true;
  };
  // The list ranks every study's trials on the server, so it is asked for less often than a study page.
  await live(refresh, 10000);
}

/** Accuracy and MACs when the best configuration reports them, else whatever metrics it has. */
function bestText(best) {
  const names = ['accuracy', 'macs'].filter((m) => best.metrics[m] != null);
  const shown = names.length > 0 ? names : Object.keys(best.metrics).slice(0, 2);
  const parts = shown.map((m) => `<span class="num strong">${escapeHtml(formatMetric(m, best.metrics[m]))}</span> <span class="muted">${escapeHtml(m)}</span>`);
  return parts.join('<span class="muted"> · </span>') + (best.feasible === false ? ' <span class="tag constraint">infeasible</span>' : '');
}

function renderTable(studies) {
  const now = Date.now();
  const rows = studies.map((s) => {
    const pct = s.maxTrials ? Math.min(100, (100 * s.finished) / s.maxTrials) : null;
    const end = s.finishedAt ? Date.parse(s.finishedAt) : now;
    const elapsed = s.createdAt ? (end - Date.parse(s.createdAt)) / 1000 : null;
    const best = s.best ? bestText(s.best) : '<span class="muted">none yet</span>';
    return `<tr data-study="${escapeHtml(s.id)}">
      <td><a href="/studies/${encodeURIComponent(s.id)}" data-link class="study-link">${escapeHtml(s.name)}</a>
          <div class="muted small">#${escapeHtml(s.id)}</div></td>
      <td>${stateBadge(s.state)}</td>
      <td class="progress-cell">
        <div class="progress"><div class="bar" style="width:${pct ?? 0}%"></div></div>
        <div class="small muted">${escapeHtml(s.finished)}${s.maxTrials ? ` / ${escapeHtml(s.maxTrials)}` : ''} finished
          ${s.running ? ` · ${escapeHtml(s.running)} running` : ''}</div></td>
      <td>${best}</td>
      <td class="small">${escapeHtml(formatInstant(s.createdAt))}</td>
      <td class="num">${escapeHtml(formatDuration(elapsed))}</td>
    </tr>`;
  }).join('');
  return `<table class="grid studies">
    <thead><tr><th>Study</th><th>State</th><th>Progress</th><th>Best so far</th><th>Started</th><th>Elapsed</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}
