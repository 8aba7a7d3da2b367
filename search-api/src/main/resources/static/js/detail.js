// The trial detail drawer: parameters, final metrics, every measurement and why the trial ended.
import { getJson } from './api.js';
import { errorBox, escapeHtml, stateBadge } from './dom.js';
import { formatDuration, formatInstant, formatMetric, formatValue } from './model.js';
import { trialDetail } from './adapt.js';

export class TrialDrawer {
  constructor(root, { onClose }) {
    this.root = root;
    this.onClose = onClose;
    this.trialId = null;
    root.addEventListener('click', (e) => {
      if (e.target.closest('[data-close]')) this.close();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.trialId !== null) this.close();
    });
  }

  async open(trialId, signal) {
    this.trialId = trialId;
    this.root.hidden = false;
    this.root.classList.add('open');
    this.root.querySelector('.drawer-body').innerHTML = '<p class="muted">Loading…</p>';
    await this.refresh(signal);
  }

  async refresh(signal) {
    if (this.trialId === null) return;
    const id = this.trialId;
    let trial;
    try {
      trial = trialDetail(await getJson(`/api/trials/${encodeURIComponent(id)}`, { signal }));
    } catch (e) {
      if (e.name !== 'AbortError' && this.trialId === id) {
        this.root.querySelector('.drawer-body').innerHTML = errorBox(`Could not load trial: ${e.message}`);
      }
      return;
    }
    if (this.trialId === id) this.render(trial);
  }

  close() {
    this.trialId = null;
    this.root.classList.remove('open');
    this.root.hidden = true;
    this.onClose();
  }

  render(t) {
    const pairs = (entries, format) => (entries.length === 0
      ? '<p class="muted">none</p>'
      : `<dl class="kv">${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(format(k, v))}</dd>`).join('')}</dl>`);
    const metricNames = [...new Set(t.measurements.flatMap((m) => Object.keys(m.metrics)))].sort();
    const measurements = t.measurements.length === 0
      ? '<p class="muted">none reported</p>'
      : `<div class="table-scroll short"><table class="grid compact">
          <thead><tr><th class="num">step</th><th class="num">elapsed</th>${metricNames.map((m) => `<th class="num">${escapeHtml(m)}</th>`).join('')}</tr></thead>
          <tbody>${t.measurements.map((m) => `<tr><td class="num">${escapeHtml(m.step)}</td><td class="num">${escapeHtml(formatDuration(m.elapsedSeconds))}</td>
            ${metricNames.map((k) => `<td class="num">${escapeHtml(formatMetric(k, m.metrics[k]))}</td>`).join('')}</tr>`).join('')}</tbody>
        </table></div>`;
    this.root.querySelector('.drawer-title').innerHTML = `Trial #${escapeHtml(t.number)} ${stateBadge(t.state)}`;
    this.root.querySelector('.drawer-body').innerHTML = `
      ${t.reason ? `<div class="reason-box"><strong>Reason</strong> ${escapeHtml(t.reason)}</div>` : ''}
      <dl class="kv facts">
        <dt>id</dt><dd>${escapeHtml(t.id)}</dd>
        ${t.workerId ? `<dt>worker</dt><dd>${escapeHtml(t.workerId)}</dd>` : ''}
        <dt>started</dt><dd>${escapeHtml(formatInstant(t.startedAt))}</dd>
        <dt>finished</dt><dd>${escapeHtml(formatInstant(t.finishedAt))}</dd>
      </dl>
      <h3>Parameters</h3>${pairs(Object.entries(t.parameters), (_, v) => formatValue(v))}
      <h3>Metrics</h3>${pairs(Object.entries(t.metrics), (k, v) => formatMetric(k, v))}
      <h3>Measurements <span class="muted small">${t.measurements.length}</span></h3>${measurements}`;
  }
}
