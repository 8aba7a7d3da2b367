// The study page's charts, drawn by Apache ECharts (served from its WebJar). Each function takes the element it owns
// and the current data and (re)sets the chart's option, so a live update redraws in place without a reload.
import * as echarts from '/webjars/echarts/echarts.esm.min.js';
import {
  constraintText, downsample, feasibleRows, firstObjective, formatCount, formatDuration, formatMetric,
} from './model.js';

export const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#65a30d'];
const MUTED = '#94a3b8';
const FRONT = '#dc2626';
const CONSTRAINT = '#f59e0b';
const PARALLEL_LIMIT = 1000;

const instances = new Map();

function chartFor(el) {
  let chart = instances.get(el);
  if (!chart) {
    chart = echarts.init(el, null, { renderer: 'canvas' });
    instances.set(el, chart);
    new ResizeObserver(() => chart.resize()).observe(el);
  }
  return chart;
}

export function disposeCharts() {
  for (const chart of instances.values()) chart.dispose();
  instances.clear();
}

const baseText = { fontFamily: 'Inter, system-ui, sans-serif', color: '#334155' };
const axisName = { nameLocation: 'middle', nameTextStyle: { color: '#475569', fontWeight: 600 } };
const grid = { left: 64, right: 24, top: 40, bottom: 52 };

/**
 * The scatter's axes: a study's two objectives, the first one up; accuracy against MACs for a study with one.
 */
export function scatterAxes(study) {
  if (study.objectives.length === 2) return { x: study.objectives[1].metric, y: study.objectives[0].metric };
  return { x: 'macs', y: 'accuracy' };
}

/** An axis of a metric: counts (MACs, parameters) on a log scale, accuracy in percent. */
function metricAxis(metric, nameGap) {
  const counted = metric === 'macs' || metric === 'params';
  const formatter = metric === 'accuracy' ? (v) => `${(v * 100).toFixed(0)}%` : (v) => formatMetric(metric, v);
  return {
    type: counted ? 'log' : 'value', name: metric, ...axisName, nameGap, scale: !counted,
    axisLabel: { formatter }, splitLine: { lineStyle: { color: '#eef2f7' } },
  };
}

/**
 * Every complete trial on the scatter's two metrics, those the study's ranking judged feasible in colour, the
 * API's Pareto front over them, and the constraints on either metric as dashed lines.
 */
export function drawScatter(el, study, trials, ranking, onPick) {
  const chart = chartFor(el);
  const { x, y } = scatterAxes(study);
  const xs = trials.metrics[x] || [];
  const ys = trials.metrics[y] || [];
  const feasiblePoints = [];
  const otherPoints = [];
  for (let i = 0; i < trials.state.length; i++) {
    if (trials.state[i] !== 'COMPLETE' || trials.confirmation[i] || xs[i] == null || ys[i] == null) continue;
    (trials.feasible[i] === true ? feasiblePoints : otherPoints).push([xs[i], ys[i], i]);
  }
  const markLines = [];
  for (const c of study.constraints || []) {
    const label = constraintText(c);
    for (const bound of [c.min, c.max]) {
      if (bound == null) continue;
      if (c.metric === y) markLines.push({ yAxis: bound, name: label });
      if (c.metric === x) markLines.push({ xAxis: bound, name: label, label: { position: 'end', formatter: '{b}', color: '#b45309' } });
    }
  }
  const series = [
    { name: 'infeasible', type: 'scatter', large: true, largeThreshold: 2000, symbolSize: 5, itemStyle: { color: MUTED, opacity: 0.45 }, data: otherPoints },
    {
      name: 'feasible', type: 'scatter', large: true, largeThreshold: 2000, symbolSize: 6, itemStyle: { color: PALETTE[0], opacity: 0.6 }, data: feasiblePoints,
      markLine: markLines.length === 0 ? undefined : {
        silent: true, symbol: 'none', lineStyle: { color: CONSTRAINT, type: 'dashed', width: 2 },
        label: { formatter: '{b}', color: '#b45309', position: 'insideEndTop' }, data: markLines,
      },
    },
  ];
  if (ranking.paretoFront) {
    const front = ranking.paretoFront.map((i) => [xs[i], ys[i], i]).sort((a, b) => a[0] - b[0]);
    series.push({ name: 'Pareto front', type: 'line', symbol: 'circle', symbolSize: 9, z: 5, lineStyle: { color: FRONT, width: 2 }, itemStyle: { color: FRONT, borderColor: '#fff', borderWidth: 1.5 }, data: front });
  }
  chart.setOption({
    animation: false,
    textStyle: baseText,
    grid: { ...grid, top: 52 },
    legend: { top: 4, right: 8, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `Trial #${trials.number[p.value[2]]}<br>${y} ${formatMetric(y, p.value[1])}<br>${x} ${formatMetric(x, p.value[0])}`,
    },
    xAxis: metricAxis(x, 30),
    yAxis: metricAxis(y, 46),
    series,
  }, { notMerge: true });
  chart.off('click');
  chart.on('click', (p) => { if (p.value) onPick(p.value[2]); });
  return chart;
}

/**
 * The best-so-far curve of the study's ranking, by trial number or by time since the study started: its steps
 * are the API's, drawn at each step trial's value of the first objective, over the feasible trials as a cloud.
 */
export function drawBestSoFar(el, study, trials, ranking, axis, onPick) {
  const chart = chartFor(el);
  const { metric } = firstObjective(study);
  const isTime = axis === 'time';
  const xOf = isTime ? (i) => trials.finishedSeconds[i] : (i) => trials.number[i];
  const values = trials.metrics[metric] || [];
  const steps = (isTime ? ranking.bestSoFarByTime : ranking.bestSoFarByNumber).map((i) => [xOf(i), values[i], i]);
  const cloud = downsample(feasibleRows(trials), trials.rank, 3000, 300)
    .filter((i) => xOf(i) != null)
    .map((i) => [xOf(i), values[i], i]);
  if (steps.length > 0) {
    // The last value holds until now: to the latest finished trial, or the highest trial number.
    let last = steps[steps.length - 1][0];
    for (let i = 0; i < trials.state.length; i++) if (xOf(i) != null && xOf(i) > last) last = xOf(i);
    steps.push([last, steps[steps.length - 1][1], steps[steps.length - 1][2]]);
  }
  chart.setOption({
    animation: false,
    textStyle: baseText,
    grid,
    legend: { top: 4, right: 8, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `Trial #${trials.number[p.value[2]]}<br>${metric} ${formatMetric(metric, p.value[1])}`
        + (trials.feasible[p.value[2]] === false ? '<br>infeasible' : '')
        + (isTime ? `<br>after ${formatDuration(p.value[0])}` : ''),
    },
    xAxis: {
      type: 'value', name: isTime ? 'time since start' : 'trial number', ...axisName, nameGap: 30, min: 0,
      axisLabel: isTime ? { formatter: formatDuration } : {}, splitLine: { lineStyle: { color: '#eef2f7' } },
    },
    yAxis: { type: 'value', name: metric, ...axisName, nameGap: 46, scale: true, axisLabel: { formatter: (v) => formatMetric(metric, v) }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    series: [
      { name: 'feasible trials', type: 'scatter', large: true, symbolSize: 4, itemStyle: { color: MUTED, opacity: 0.5 }, data: cloud },
      { name: `best ${metric}`, type: 'line', step: 'end', symbol: 'circle', symbolSize: 6, lineStyle: { width: 2.5, color: PALETTE[0] }, itemStyle: { color: PALETTE[0] }, data: steps },
    ],
  }, { notMerge: true });
  chart.off('click');
  chart.on('click', (p) => { if (p.value) onPick(p.value[2]); });
  return chart;
}

/** Parallel coordinates of the parameters with the objective as the last axis and as the colour. */
export function drawParallel(el, study, trials) {
  const chart = chartFor(el);
  const { metric, goal } = firstObjective(study);
  const values = trials.metrics[metric] || [];
  const complete = [];
  for (let i = 0; i < trials.state.length; i++) {
    if (trials.state[i] === 'COMPLETE' && !trials.confirmation[i] && values[i] != null) complete.push(i);
  }
  const shown = downsample(complete, trials.rank, PARALLEL_LIMIT, 200);
  const parameters = study.parameters.filter((p) => trials.parameters[p.name]);
  const axes = parameters.map((p, dim) => {
    const axis = { dim, name: p.name, nameTextStyle: { fontWeight: 600, color: '#334155', fontSize: 11 } };
    if (p.type === 'categorical') return { ...axis, type: 'category', data: p.values.map(String) };
    if (p.scale === 'log' && p.min > 0) return { ...axis, type: 'log', min: p.min, max: p.max, axisLabel: { formatter: formatCount } };
    return { ...axis, type: 'value', min: p.min, max: p.max };
  });
  axes.push({ dim: parameters.length, name: metric, type: 'value', scale: true, nameTextStyle: { fontWeight: 700, color: '#0f172a' }, axisLabel: { formatter: (v) => formatMetric(metric, v) } });
  const data = shown.map((i) => {
    const row = parameters.map((p) => {
      const v = trials.parameters[p.name][i];
      if (v === null || v === undefined) return null;
      return p.type === 'categorical' ? String(v) : v;
    });
    row.push(values[i]);
    return row;
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of complete) { lo = Math.min(lo, values[i]); hi = Math.max(hi, values[i]); }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  chart.setOption({
    animation: false,
    textStyle: baseText,
    parallel: {
      left: 40, right: 150, top: 48, bottom: 28,
      parallelAxisDefault: { nameGap: 16, nameTextStyle: { fontSize: 11 }, axisLine: { lineStyle: { color: '#94a3b8' } }, axisLabel: { color: '#475569', fontSize: 10 } },
    },
    parallelAxis: axes,
    visualMap: {
      type: 'continuous', dimension: parameters.length, min: lo, max: hi, calculable: true, right: 8, top: 'middle',
      itemHeight: 140, text: [goal === 'MINIMIZE' ? 'worse' : 'better', goal === 'MINIMIZE' ? 'better' : 'worse'],
      // Low to high values; the better end is always the strong blue.
      inRange: { color: goal === 'MINIMIZE' ? ['#1d4ed8', '#93c5fd', '#fda4af', '#be123c'] : ['#be123c', '#fda4af', '#93c5fd', '#1d4ed8'] },
      formatter: (v) => formatMetric(metric, v),
    },
    series: [{ type: 'parallel', lineStyle: { width: 1, opacity: 0.45 }, progressive: 500, smooth: false, data }],
  }, { notMerge: true });
  return { chart, shown: shown.length, total: complete.length };
}

/**
 * Validation accuracy of the selected trials against their progress in the study's fidelity unit, elapsed seconds or
 * steps; pruned trials dashed and marked where they stopped.
 */
export function drawLearningCurves(el, curves, fidelity) {
  const chart = chartFor(el);
  const inSteps = fidelity && fidelity.unit === 'STEPS';
  const series = curves.map((curve, k) => {
    const color = PALETTE[k % PALETTE.length];
    const pruned = curve.state === 'PRUNED';
    const points = curve.points.map(([seconds, value, step]) => [inSteps ? step : seconds, value]);
    const last = points[points.length - 1];
    return {
      name: `#${curve.number}${pruned ? ' (pruned)' : ''}`,
      type: 'line', showSymbol: points.length < 40, symbolSize: 5, data: points,
      lineStyle: { color, width: 2, type: pruned ? 'dashed' : 'solid' }, itemStyle: { color },
      markPoint: pruned && last ? {
        symbol: 'pin', symbolSize: 34, itemStyle: { color: '#64748b' },
        label: { formatter: '✕', color: '#fff', fontSize: 11 }, data: [{ coord: last, name: 'pruned' }],
      } : undefined,
    };
  });
  chart.setOption({
    animation: false,
    textStyle: baseText,
    grid: { ...grid, top: 48 },
    legend: { type: 'scroll', top: 4, left: 8, right: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatMetric('accuracy', v) },
    xAxis: {
      type: 'value', name: inSteps ? 'steps' : 'elapsed', ...axisName, nameGap: 30, max: fidelity ? (extent) => Math.max(extent.max, fidelity.max) : undefined,
      axisLabel: { formatter: inSteps ? undefined : formatDuration }, splitLine: { lineStyle: { color: '#eef2f7' } },
    },
    yAxis: { type: 'value', name: 'validation accuracy', ...axisName, nameGap: 46, scale: true, axisLabel: { formatter: (v) => `${(v * 100).toFixed(0)}%` }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    series,
  }, { notMerge: true });
  return chart;
}
