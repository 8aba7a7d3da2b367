// The study page: header, charts, trials table and trial drawer, kept current by polling one compact document
// whose entity tag changes only when a trial does.
import { getJson, getJsonIfChanged } from './api.js';
import { errorBox, escapeHtml, setCrumbs, stateBadge } from './dom.js';
import {
  byRank, constraintText, feasibleRows, firstObjective, formatCount, formatDuration, formatInstant, formatMetric,
  metricLabel,
} from './model.js';
import { TrialsTable } from './table.js';
import { TrialDrawer } from './detail.js';

export async function showStudy(view, studyId, signal, live) {
  setCrumbs([{ text: 'studies', href: '/' }, { text: `study ${studyId}` }]);
  view.innerHTML = layout();
  // Busy until the first render has drawn the charts and the table: assistive technologies wait for it before
  // reading the page, and whoever drives the page (tests, the dashboard benchmark) knows when it is usable.
  view.setAttribute('aria-busy', 'true');
  signal.addEventListener('abort', () => view.removeAttribute('aria-busy'));
  // The charting library is the largest thing the page loads: fetch it while the study's data is on its way.
  const charts = import('./charts.js');
  const page = new StudyPage(view, studyId, signal, charts);
  signal.addEventListener('abort', () => charts.then((c) => c.disposeCharts()));
  await live(() => page.refresh());
}

function layout() {
  return `
    <section class="card study-head" id="study-head"><p class="muted">Loading…</p></section>
    <div class="charts">
      <section class="card chart-card"><div class="card-head"><h2 id="scatter-title">Accuracy vs MACs</h2><span class="muted small" id="scatter-note"></span></div>
        <div class="chart" id="chart-scatter" data-chart="scatter"></div></section>
      <section class="card chart-card"><div class="card-head"><h2>Best so far</h2>
        <div class="toggle" role="group" aria-label="x axis"><button type="button" data-axis="number" class="on">by trial</button><button type="button" data-axis="time">by time</button></div></div>
        <div class="chart" id="chart-best" data-chart="best"></div></section>
    </div>
    <div class="charts uneven">
      <section class="card chart-card"><div class="card-head"><h2>Learning curves</h2><span class="muted small">tick trials in the table to compare</span></div>
        <div class="chart" id="chart-curves" data-chart="curves"></div></section>
      <section class="card chart-card"><div class="card-head"><h2>Parameters</h2><span class="muted small" id="parallel-note"></span></div>
        <div class="chart" id="chart-parallel" data-chart="parallel"></div></section>
    </div>
    <section class="card"><div class="card-head"><h2>Trials</h2><span class="muted small">click a row for details</span></div>
      <div id="trials"></div></section>
    <aside class="drawer" id="drawer" hidden aria-label="trial detail">
      <div class="drawer-head"><h2 class="drawer-title"></h2><button type="button" class="close" data-close aria-label="close">×</button></div>
      <div class="drawer-body"></div>
    </aside>`;
}

class StudyPage {
  constructor(view, studyId, signal, charts) {
    this.view = view;
    this.chartsLoading = charts;
    this.studyId = studyId;
    this.signal = signal;
    this.etag = null;
    this.axis = 'number';
    this.userPicked = false;
    this.curveCache = new Map();
    this.rendered = false;
    this.el = (id) => view.querySelector(`#${id}`);
    this.table = new TrialsTable(this.el('trials'), {
      onOpen: (id) => this.openTrial(id),
      onSelectionChange: (ids) => { this.userPicked = true; this.drawCurves(ids); },
    });
    this.drawer = new TrialDrawer(this.el('drawer'), { onClose: () => this.setTrialInUrl(null) });
    view.querySelector('.toggle').addEventListener('click', (e) => {
      const button = e.target.closest('[data-axis]');
      if (!button || !this.charts) return;
      this.axis = button.dataset.axis;
      view.querySelectorAll('.toggle button').forEach((b) => b.classList.toggle('on', b === button));
      const { study, trials, ranking } = this.data;
      this.charts.drawBestSoFar(this.el('chart-best'), study, trials, ranking, this.axis, (i) => this.openIndex(i));
    });
    const wanted = new URLSearchParams(location.search).get('trial');
    if (wanted) this.openTrial(Number(wanted));
  }

  /** Fetches the study if it changed and redraws; answers whether the study is still running. */
  async refresh() {
    let answer;
    try {
      answer = await getJsonIfChanged(`/api/dashboard/studies/${encodeURIComponent(this.studyId)}`, this.etag, { signal: this.signal });
    } catch (e) {
      if (e.name === 'AbortError') return false;
      if (!this.data) {
        this.el('study-head').innerHTML = errorBox(e.status === 404 ? `There is no study ${this.studyId}.` : `Could not load the study: ${e.message}`);
        this.view.removeAttribute('aria-busy');
      }
      return !this.data ? false : this.data.study.state === 'RUNNING';
    }
    if (answer.changed) {
      this.etag = answer.etag;
      this.data = answer.body;
      this.charts = await this.chartsLoading;
      await this.render();
    } else {
      this.renderHead();
    }
    return this.data.study.state === 'RUNNING';
  }

  async render() {
    const { study, trials, ranking } = this.data;
    document.title = `hpo · ${study.name}`;
    setCrumbs([{ text: 'studies', href: '/' }, { text: study.name }]);
    this.renderHead();
    const pick = (i) => this.openIndex(i);
    const { drawScatter, drawBestSoFar, drawParallel } = this.charts;
    const axes = this.charts.scatterAxes(study);
    this.el('scatter-title').textContent = `${metricLabel(axes.y)} vs ${metricLabel(axes.x)}`;
    drawScatter(this.el('chart-scatter'), study, trials, ranking, pick);
    drawBestSoFar(this.el('chart-best'), study, trials, ranking, this.axis, pick);
    const parallel = drawParallel(this.el('chart-parallel'), study, trials);
    this.el('parallel-note').textContent = parallel.shown < parallel.total
      ? `${parallel.shown.toLocaleString()} of ${parallel.total.toLocaleString()} complete trials, best kept`
      : `${parallel.total.toLocaleString()} complete trials`;
    const feasible = feasibleRows(trials).length;
    this.el('scatter-note').textContent = `${feasible.toLocaleString()} feasible`;
    if (!this.userPicked) this.table.select(this.defaultPicks());
    this.table.update(study, trials);
    await this.drawCurves([...this.table.selected]);
    // A trial opened from the address is already loading; later changes refresh it.
    if (this.rendered && this.drawer.trialId !== null) this.drawer.refresh(this.signal);
    if (!this.rendered) {
      this.rendered = true;
      this.view.removeAttribute('aria-busy');
    }
  }

  renderHead() {
    const { study, trials, ranking } = this.data;
    const c = study.counts || {};
    const finished = ['COMPLETE', 'FAILED', 'PRUNED', 'STOPPED'].reduce((n, k) => n + (c[k] || 0), 0);
    const pct = study.maxTrials ? Math.min(100, (100 * finished) / study.maxTrials) : 0;
    const end = study.finishedAt ? Date.parse(study.finishedAt) : Date.now();
    const elapsed = study.createdAt ? (end - Date.parse(study.createdAt)) / 1000 : null;
    const { metric } = firstObjective(study);
    const objectives = study.objectives.map((o) => `<span class="tag">${escapeHtml(o.goal.toLowerCase())} ${escapeHtml(o.metric)}</span>`).join('');
    const constraints = (study.constraints || []).map((k) => `<span class="tag constraint">${escapeHtml(constraintText(k))}</span>`).join('');
    const countChips = ['RUNNING', 'WAITING', 'COMPLETE', 'PRUNED', 'FAILED', 'STOPPED'].filter((s) => c[s])
      .map((s) => `<span class="count state-${s.toLowerCase()}"><b>${c[s].toLocaleString()}</b> ${s.toLowerCase()}</span>`).join('');
    this.el('study-head').innerHTML = `
      <div class="head-row">
        <div>
          <h1>${escapeHtml(study.name)} <span id="study-state">${stateBadge(study.state)}</span></h1>
          ${study.description ? `<p class="muted">${escapeHtml(study.description)}</p>` : ''}
          <div class="tags">${objectives}${constraints}</div>
        </div>
        <div class="best-box">${bestBox(metric, ranking.best)}</div>
      </div>
      <div class="stats">
        <div class="stat wide"><div class="label">progress</div>
          <div class="progress"><div class="bar" style="width:${pct}%"></div></div>
          <div class="small muted">${finished.toLocaleString()}${study.maxTrials ? ` / ${study.maxTrials.toLocaleString()}` : ''} trials finished · ${trials.state.length.toLocaleString()} created</div></div>
        <div class="stat"><div class="label">started</div><div>${escapeHtml(formatInstant(study.createdAt))}</div></div>
        <div class="stat"><div class="label">elapsed</div><div>${escapeHtml(formatDuration(elapsed))}</div></div>
        <div class="stat counts">${countChips}</div>
      </div>`;
  }

  /** The best-ranked trials and the latest pruned ones, whose learning curves are shown until the user picks. */
  defaultPicks() {
    const { trials } = this.data;
    const best = byRank(feasibleRows(trials), trials.rank).slice(0, 4);
    const pruned = [];
    for (let i = trials.state.length - 1; i >= 0 && pruned.length < 2; i--) if (trials.state[i] === 'PRUNED') pruned.push(i);
    return [...best, ...pruned].map((i) => trials.id[i]);
  }

  async drawCurves(ids) {
    const { trials } = this.data;
    const indexById = new Map(trials.id.map((id, i) => [id, i]));
    // A curve only changes while its trial reports epochs, so it is keyed by its state and epoch count.
    const keyOf = (id) => `${id}:${trials.state[indexById.get(id)]}:${trials.epochs[indexById.get(id)]}`;
    const missing = ids.filter((id) => indexById.has(id) && !this.curveCache.has(keyOf(id)));
    if (missing.length > 0) {
      const query = missing.map((id) => `trial=${encodeURIComponent(id)}`).join('&');
      try {
        for (const curve of await getJson(`/api/dashboard/curves?${query}`, { signal: this.signal })) {
          this.curveCache.set(keyOf(curve.trialId), curve);
        }
      } catch (e) {
        if (e.name === 'AbortError') return;
      }
    }
    if (this.signal.aborted) return;
    const curves = ids.map((id) => indexById.has(id) && this.curveCache.get(keyOf(id))).filter(Boolean);
    this.charts.drawLearningCurves(this.el('chart-curves'), curves, this.data.study.fidelity);
  }

  openIndex(i) {
    this.openTrial(this.data.trials.id[i]);
  }

  openTrial(id) {
    this.setTrialInUrl(id);
    this.drawer.open(id, this.signal);
  }

  setTrialInUrl(id) {
    const url = new URL(location.href);
    if (id === null) url.searchParams.delete('trial');
    else url.searchParams.set('trial', id);
    history.replaceState(history.state, '', url);
  }
}

/** The study's best configuration as its ranking names it: the same one as GET /api/studies/{id}/best. */
function bestBox(metric, best) {
  if (!best) return `<div class="label">best ${escapeHtml(metric)} so far</div><div class="value">–</div><div class="muted small">no completed trial reports it yet</div>`;
  const m = best.metrics;
  const also = [
    m.accuracy != null && metric !== 'accuracy' ? `accuracy ${formatMetric('accuracy', m.accuracy)}` : null,
    m.macs != null && metric !== 'macs' ? `${formatCount(m.macs)} MACs` : null,
  ].filter(Boolean).map((t) => ` · ${escapeHtml(t)}`).join('');
  return `<div class="label">best ${escapeHtml(metric)} so far</div>
    <div class="value">${escapeHtml(formatMetric(metric, m[metric]))}</div>
    <div class="muted small">trial #${escapeHtml(best.number)}${also}</div>
    ${best.feasible ? '' : '<div class="small"><span class="tag constraint">infeasible</span> no trial meets the constraints yet; this one is closest</div>'}`;
}
