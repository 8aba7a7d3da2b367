// Pure functions over a study and its trials: no DOM, no fetching, so they can be checked on their own.
// Trials arrive column by column (one array per field) because 10,000 trial objects would cost more to parse
// and keep than a handful of flat arrays.

export const FINISHED_STATES = ['COMPLETE', 'FAILED', 'PRUNED', 'STOPPED'];
export const ALL_STATES = ['WAITING', 'RUNNING', ...FINISHED_STATES];

/** The objective the dashboard ranks by: the study's first objective, or accuracy maximised when it has none. */
export function primaryObjective(study) {
  const first = (study.objectives || [])[0];
  return first ? { metric: first.metric, goal: first.goal } : { metric: 'accuracy', goal: 'MAXIMIZE' };
}

/** True when the value is strictly better than the incumbent under the goal. */
export function improves(goal, value, incumbent) {
  if (incumbent === null || incumbent === undefined) return true;
  return goal === 'MINIMIZE' ? value < incumbent : value > incumbent;
}

/** Indexes of trials that are COMPLETE and meet every constraint whose metric they report. */
export function feasibleIndexes(trials, constraints) {
  const out = [];
  const { state, metrics } = trials;
  for (let i = 0; i < state.length; i++) {
    if (state[i] === 'COMPLETE' && meetsConstraints(metrics, i, constraints)) out.push(i);
  }
  return out;
}

export function meetsConstraints(metrics, i, constraints) {
  for (const c of constraints || []) {
    const column = metrics[c.metric];
    const v = column ? column[i] : null;
    if (v === null || v === undefined) return false;
    if (c.min !== null && c.min !== undefined && v < c.min) return false;
    if (c.max !== null && c.max !== undefined && v > c.max) return false;
  }
  return true;
}

/**
 * Best feasible objective value after each improvement, as [x, value, trialIndex] steps.
 * `order` lists trial indexes in the order they count (by number, or by finish time); `xOf` gives each one's x.
 */
export function bestSoFar(trials, study, order, xOf) {
  const { metric, goal } = primaryObjective(study);
  const values = trials.metrics[metric];
  if (!values) return [];
  const steps = [];
  let best = null;
  for (const i of order) {
    if (trials.state[i] !== 'COMPLETE') continue;
    const v = values[i];
    if (v === null || v === undefined || !meetsConstraints(trials.metrics, i, study.constraints)) continue;
    if (improves(goal, v, best)) {
      best = v;
      steps.push([xOf(i), v, i]);
    }
  }
  return steps;
}

/**
 * The trials no other trial beats on both accuracy (higher is better) and MACs (lower is better), sorted by MACs.
 * Only the indexes given are considered.
 */
export function paretoFront(accuracy, macs, indexes) {
  const candidates = indexes.filter((i) => accuracy[i] != null && macs[i] != null);
  candidates.sort((a, b) => macs[a] - macs[b] || accuracy[b] - accuracy[a]);
  const front = [];
  let bestAccuracy = -Infinity;
  for (const i of candidates) {
    if (accuracy[i] > bestAccuracy) {
      front.push(i);
      bestAccuracy = accuracy[i];
    }
  }
  return front;
}

/**
 * At most `limit` indexes for a chart: the `keepBest` best by the objective always, the rest spread evenly over
 * the remaining ones, so the picture keeps its shape and its best lines.
 */
export function downsample(indexes, score, goal, limit, keepBest) {
  if (indexes.length <= limit) return indexes.slice();
  const ranked = indexes.slice().sort((a, b) => (goal === 'MINIMIZE' ? score[a] - score[b] : score[b] - score[a]));
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
