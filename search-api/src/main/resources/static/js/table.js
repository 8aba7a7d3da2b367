// The trials table: sorted and filtered in memory over the column arrays, one page of rows in the DOM at a time,
// so 10,000 trials cost no more to show than 50.
import { escapeHtml, stateBadge } from './dom.js';
import { ALL_STATES, columnValues, formatMetric, formatProgress, formatValue, sortedIndexes } from './model.js';

const PAGE_SIZES = [25, 50, 100, 200];

/** The API's judgement of a finished trial; none for a trial without a result. */
function formatFeasible(value) {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return '–';
}
export const MAX_SELECTED = 8;

export class TrialsTable {
  constructor(root, { onOpen, onSelectionChange }) {
    this.root = root;
    this.onOpen = onOpen;
    this.onSelectionChange = onSelectionChange;
    this.filter = null;
    this.sortKey = 'number';
    this.descending = true;
    this.page = 0;
    this.pageSize = 50;
    this.selected = new Set();
    this.root.addEventListener('click', (e) => this.handleClick(e));
    this.root.addEventListener('change', (e) => this.handleChange(e));
  }

  update(study, trials) {
    this.study = study;
    this.trials = trials;
    const present = new Set(trials.id);
    for (const id of this.selected) if (!present.has(id)) this.selected.delete(id);
    this.render();
  }

  columns() {
    const parameterColumns = this.study.parameters
      .filter((p) => this.trials.parameters[p.name])
      .map((p) => ({ key: `param:${p.name}`, label: p.name, cls: 'num param', format: formatValue }));
    const metric = (name, label) => ({ key: `metric:${name}`, label, cls: 'num', format: (v) => formatMetric(name, v) });
    return [
      { key: 'number', label: '#', cls: 'num', format: formatValue },
      { key: 'state', label: 'State', cls: '', format: stateBadge, html: true },
      ...parameterColumns,
      metric('accuracy', 'Accuracy'),
      metric('macs', 'MACs'),
      metric('params', 'Params'),
      { key: 'progress', label: 'Progress', cls: 'num', format: (v) => formatProgress(v, this.study.fidelity) },
      { key: 'rank', label: 'Rank', cls: 'num', format: formatValue },
      { key: 'confirmation', label: 'Run', cls: '', format: (v) => (v ? 'confirmation' : 'search') },
      { key: 'feasible', label: 'Feasible', cls: 'feasible', format: formatFeasible },
      { key: 'wallSeconds', label: 'Wall time', cls: 'num', format: (v) => formatMetric('wallSeconds', v) },
      { key: 'reason', label: 'Reason', cls: 'reason', format: formatValue },
      ...this.fileColumn(),
    ];
  }

  /** Download links of the files the study kept of each trial (its trained network); no column when it kept none. */
  fileColumn() {
    const files = this.trials.artifacts;
    if (!files || !files.some((names) => names)) return [];
    const study = encodeURIComponent(this.study.id);
    const link = (i, name) => `<a href="/api/studies/${study}/trials/${encodeURIComponent(this.trials.id[i])}/artifacts/${encodeURIComponent(name)}" download>${escapeHtml(name)}</a>`;
    return [{ key: 'artifacts', label: 'Network', cls: 'files', html: true,
      format: (names, i) => (names ? names.map((name) => link(i, name)).join(' ') : '') }];
  }

  render() {
    const { trials } = this;
    const columns = this.columns();
    const order = sortedIndexes(trials, this.filter, this.sortKey, this.descending);
    const pages = Math.max(1, Math.ceil(order.length / this.pageSize));
    this.page = Math.min(this.page, pages - 1);
    const start = this.page * this.pageSize;
    const slice = order.slice(start, start + this.pageSize);
    const counts = {};
    for (const s of trials.state) counts[s] = (counts[s] || 0) + 1;
    const chips = [[null, 'all', trials.state.length], ...ALL_STATES.filter((s) => counts[s]).map((s) => [s, s.toLowerCase(), counts[s]])]
      .map(([state, label, n]) => `<button type="button" class="chip${this.filter === state ? ' on' : ''}${state ? ` state-${label}` : ''}"
          data-filter="${state ?? ''}">${escapeHtml(label)} <span class="n">${n.toLocaleString()}</span></button>`).join('');
    const head = columns.map((c) => {
      const sorted = this.sortKey === c.key;
      const arrow = sorted ? (this.descending ? '▼' : '▲') : '';
      return `<th class="${c.cls}${sorted ? ' sorted' : ''}" data-sort="${escapeHtml(c.key)}" aria-sort="${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}">
        ${escapeHtml(c.label)}<span class="arrow">${arrow}</span></th>`;
    }).join('');
    const values = columns.map((c) => columnValues(trials, c.key));
    const body = slice.map((i) => {
      const id = trials.id[i];
      const checked = this.selected.has(id) ? ' checked' : '';
      const cells = columns.map((c, k) => {
        const v = values[k] ? values[k][i] : null;
        const text = c.html ? c.format(v, i) : escapeHtml(c.format(v));
        return `<td class="${c.cls}"${c.key === 'reason' && v ? ` title="${escapeHtml(v)}"` : ''}>${text}</td>`;
      }).join('');
      return `<tr data-index="${i}" data-trial="${id}"><td class="pick"><input type="checkbox" aria-label="show learning curve of trial ${trials.number[i]}" data-select="${id}"${checked}></td>${cells}</tr>`;
    }).join('');
    const sizeOptions = PAGE_SIZES.map((n) => `<option value="${n}"${n === this.pageSize ? ' selected' : ''}>${n}</option>`).join('');
    this.root.innerHTML = `
      <div class="table-tools">
        <div class="chips" role="group" aria-label="filter by state">${chips}</div>
        <div class="pager">
          <span class="muted">${order.length === 0 ? 'no trials' : `${(start + 1).toLocaleString()}–${(start + slice.length).toLocaleString()} of ${order.length.toLocaleString()}`}</span>
          <button type="button" data-page="prev"${this.page === 0 ? ' disabled' : ''} aria-label="previous page">‹</button>
          <span class="muted">page ${this.page + 1} / ${pages}</span>
          <button type="button" data-page="next"${this.page >= pages - 1 ? ' disabled' : ''} aria-label="next page">›</button>
          <select data-page-size aria-label="rows per page">${sizeOptions}</select>
        </div>
      </div>
      <div class="table-scroll">
        <table class="grid trials" id="trials-table">
          <thead><tr><th class="pick" title="learning curves">≋</th>${head}</tr></thead>
          <tbody>${body || `<tr><td class="empty" colspan="${columns.length + 1}">No trials in this state.</td></tr>`}</tbody>
        </table>
      </div>`;
  }

  handleClick(e) {
    const filter = e.target.closest('[data-filter]');
    if (filter) {
      this.filter = filter.dataset.filter || null;
      this.page = 0;
      this.render();
      return;
    }
    const sort = e.target.closest('th[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      if (this.sortKey === key) this.descending = !this.descending;
      else { this.sortKey = key; this.descending = key.startsWith('metric:') || key === 'number'; }
      this.page = 0;
      this.render();
      return;
    }
    const pager = e.target.closest('[data-page]');
    if (pager) {
      this.page += pager.dataset.page === 'next' ? 1 : -1;
      this.render();
      return;
    }
    if (e.target.closest('input, select, label, a')) return;
    const row = e.target.closest('tr[data-trial]');
    if (row) this.onOpen(Number(row.dataset.trial));
  }

  handleChange(e) {
    if (e.target.matches('[data-page-size]')) {
      this.pageSize = Number(e.target.value);
      this.page = 0;
      this.render();
      return;
    }
    const id = e.target.dataset.select;
    if (id === undefined) return;
    const trialId = Number(id);
    if (e.target.checked) {
      if (this.selected.size >= MAX_SELECTED) {
        e.target.checked = false;
        return;
      }
      this.selected.add(trialId);
    } else {
      this.selected.delete(trialId);
    }
    this.onSelectionChange([...this.selected]);
  }

  /** Replaces the selection, e.g. with the default picks when the page opens; shown on the next update. */
  select(ids) {
    this.selected = new Set(ids.slice(0, MAX_SELECTED));
  }
}
