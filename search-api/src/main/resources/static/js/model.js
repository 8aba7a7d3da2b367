// Presentation helpers over a study's document: picking, sorting and formatting what the API computed. Which
// trials are feasible, how they rank, the best so far and the Pareto front all come from the API's ranking.
// Trials arrive column by column (one array per field) because 10,000 trial objects would cost more to parse
// and keep than a handful of flat arrays.

export const FINISHED_STATES = ['COMPLETE', 'FAILED', 'PRUNED', 'STOPPED'];
export const ALL_STATES = ['WAITING', 'RUNNING', ...FINISHED_STATES];

/** The study's first objective: the metric its ranking, and so the header and the best-so-far chart, are about. */
export function firstObjective(study) {
  return study.objectives[0];
}

/** Rows of complete trials the study's ranking judged feasible. */
export function feasibleRows(trials) {
  const out = [];
  for (let i = 0; i < trials.state.length; i++) {
    if (trials.state[i] === 'COMPLETE' && trials.feasible[i] === true) out.push(i);
  }
  return out;
}

/** The given rows in rank order, best first; rows without a rank last, in their given order. */
export function byRank(rows, rank) {
  const missing = (i) => rank[i] === null || rank[i] === undefined;
  return rows.slice().sort((a, b) => (missing(a) || missing(b) ? missing(a) - missing(b) : rank[a] - rank[b]));
}

/**
 * At most `limit` rows for a chart: the `keepBest` best ranked always, the rest spread evenly over the remaining
 * ones, so the picture keeps its shape and its best lines.
 */
export function downsample(rows, rank, limit, keepBest) {
  if (rows.length <= limit) return rows.slice();
  const ranked = byRank(rows, rank);
  const kept = ranked.slice(0, keepBest);
  const rest = ranked.slice(keepBest).sort((a, b) => a - b);
  const wanted = limit - kept.length;
  const stride = rest.length / wanted;
  for (let k = 0; k < wanted; k++) kept.push(rest[Math.floor(k * stride)]);
  return kept;
}

/** Indexes filtered by state (null for all) and sorted by a column; stable, missing values last. */
export function sortedIndexes(trials, stateFilter, column, descending) {
  const out = [];
  for (let i = 0; i < trials.state.length; i++) {
    if (!stateFilter || trials.state[i] === stateFilter) out.push(i);
  }
  const values = column ? columnValues(trials, column) : null;
  if (!values) return out;
  const sign = descending ? -1 : 1;
  out.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    const xMissing = x === null || x === undefined;
    const yMissing = y === null || y === undefined;
    if (xMissing || yMissing) return xMissing === yMissing ? a - b : (xMissing ? 1 : -1);
    if (x < y) return -sign;
    if (x > y) return sign;
    return a - b;
  });
  return out;
}

/** A column by its table key: 'number', 'state', 'metric:accuracy', 'param:width', ... */
export function columnValues(trials, key) {
  if (key.startsWith('metric:')) return trials.metrics[key.slice(7)] || null;
  if (key.startsWith('param:')) return trials.parameters[key.slice(6)] || null;
  return trials[key] || null;
}

// ---- formatting -------------------------------------------------------------------------------------------------

/** A metric's name as a title shows it. */
export function metricLabel(metric) {
  return { accuracy: 'Accuracy', macs: 'MACs', params: 'Params', loss: 'Loss', wallSeconds: 'Wall time' }[metric] || metric;
}

/**
 * A constraint as a person reads it, its baseline bound named: `accuracy ≥ 91.20% (baseline)`, or
 * `accuracy ≥ baseline (not known yet)` before the baseline has completed.
 */
export function constraintText(c) {
  const bound = (sign, value, isBaseline) => {
    if (value !== null && value !== undefined) return `${sign} ${formatMetric(c.metric, value)}${isBaseline ? ' (baseline)' : ''}`;
    return isBaseline ? `${sign} baseline (not known yet)` : null;
  };
  const parts = [bound('≥', c.min, c.baseline === 'min'), bound('≤', c.max, c.baseline === 'max')].filter(Boolean);
  return `${c.metric} ${parts.join(', ')}`;
}

export function formatCount(value) {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

export function formatMetric(metric, value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (metric === 'accuracy') return `${(value * 100).toFixed(2)}%`;
  if (metric === 'macs' || metric === 'params') return formatCount(value);
  if (metric === 'wallSeconds') return formatDuration(value);
  return trim(value);
}

export function formatValue(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return trim(value);
  return String(value);
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(s / 3600);
  if (h < 48) return `${h}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** How far a trial got against its budget, in the study's fidelity unit: "26 / 52 steps" or "4m 10s / 10m 00s". */
export function formatProgress(position, fidelity) {
  const done = (v) => (fidelity && fidelity.unit === 'STEPS' ? formatValue(v) : formatDuration(v));
  if (!fidelity) return done(position);
  const budget = fidelity.unit === 'STEPS' ? `${formatValue(fidelity.max)} steps` : formatDuration(fidelity.max);
  return `${position === null || position === undefined ? '–' : done(position)} / ${budget}`;
}

export function formatInstant(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '–';
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function trim(value) {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
