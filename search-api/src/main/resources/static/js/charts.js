// The study page's charts, drawn by Apache ECharts (served from its WebJar). Each function takes the element it owns
// and the current data and (re)sets the chart's option, so a live update redraws in place without a reload.
import * as echarts from '/webjars/echarts/echarts.esm.min.js';
import {
  bestSoFar, downsample, feasibleIndexes, formatCount, formatDuration, formatMetric, paretoFront,
  primaryObjective,
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

/** Accuracy against MACs for every complete trial, the feasible Pareto front drawn over them, constraints as lines. */
export function drawScatter(el, study, trials, onPick) {
  const chart = chartFor(el);
  const accuracy = trials.metrics.accuracy || [];
  const macs = trials.metrics.macs || [];
  const feasible = new Set(feasibleIndexes(trials, study.constraints));
  const feasiblePoints = [];
  const otherPoints = [];
  for (let i = 0; i < trials.state.length; i++) {
    if (trials.state[i] !== 'COMPLETE' || accuracy[i] == null || macs[i] == null) continue;
    (feasible.has(i) ? feasiblePoints : otherPoints).push([macs[i], accuracy[i], i]);
  }
  const front = paretoFront(accuracy, macs, [...feasible]).map((i) => [macs[i], accuracy[i], i]);
  const markLines = [];
  for (const c of study.constraints || []) {
    if (c.metric === 'accuracy' && c.min != null) markLines.push({ yAxis: c.min, name: `accuracy ≥ ${formatMetric('accuracy', c.min)}` });
    if (c.metric === 'accuracy' && c.max != null) markLines.push({ yAxis: c.max, name: `accuracy ≤ ${formatMetric('accuracy', c.max)}` });
    const vertical = { label: { position: 'end', formatter: '{b}', color: '#b45309' } };
    if (c.metric === 'macs' && c.max != null) markLines.push({ xAxis: c.max, name: `MACs ≤ ${formatCount(c.max)}`, ...vertical });
    if (c.metric === 'macs' && c.min != null) markLines.push({ xAxis: c.min, name: `MACs ≥ ${formatCount(c.min)}`, ...vertical });
  }
  chart.setOption({
    animation: false,
    textStyle: baseText,
    grid: { ...grid, top: 52 },
    legend: { top: 4, right: 8, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `Trial #${trials.number[p.value[2]]}<br>accuracy ${formatMetric('accuracy', p.value[1])}`
        + `<br>MACs ${formatCount(p.value[0])}`,
    },
    xAxis: { type: 'log', name: 'MACs', ...axisName, nameGap: 30, axisLabel: { formatter: formatCount }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    yAxis: { type: 'value', name: 'accuracy', ...axisName, nameGap: 46, scale: true, axisLabel: { formatter: (v) => `${(v * 100).toFixed(0)}%` }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    series: [
      { name: 'infeasible', type: 'scatter', large: true, largeThreshold: 2000, symbolSize: 5, itemStyle: { color: MUTED, opacity: 0.45 }, data: otherPoints },
      {
        name: 'feasible', type: 'scatter', large: true, largeThreshold: 2000, symbolSize: 6, itemStyle: { color: PALETTE[0], opacity: 0.6 }, data: feasiblePoints,
        markLine: markLines.length === 0 ? undefined : {
          silent: true, symbol: 'none', lineStyle: { color: CONSTRAINT, type: 'dashed', width: 2 },
          label: { formatter: '{b}', color: '#b45309', position: 'insideEndTop' }, data: markLines,
        },
      },
      { name: 'Pareto front', type: 'line', step: false, symbol: 'circle', symbolSize: 9, z: 5, lineStyle: { color: FRONT, width: 2 }, itemStyle: { color: FRONT, borderColor: '#fff', borderWidth: 1.5 }, data: front },
    ],
  }, { notMerge: true });
  chart.off('click');
  chart.on('click', (p) => { if (p.value) onPick(p.value[2]); });
  return chart;
}

/** The best feasible objective value so far, by trial number or by time since the study started. */
export function drawBestSoFar(el, study, trials, axis, onPick) {
  const chart = chartFor(el);
  const { metric, goal } = primaryObjective(study);
  const n = trials.state.length;
  const byNumber = Array.from({ length: n }, (_, i) => i).sort((a, b) => trials.number[a] - trials.number[b]);
  const finished = byNumber.filter((i) => trials.finishedSeconds[i] != null)
    .sort((a, b) => trials.finishedSeconds[a] - trials.finishedSeconds[b]);
  const xOf = axis === 'time' ? (i) => trials.finishedSeconds[i] : (i) => trials.number[i];
  const steps = bestSoFar(trials, study, axis === 'time' ? finished : byNumber, xOf);
  const values = trials.metrics[metric] || [];
  const cloud = downsample(feasibleIndexes(trials, study.constraints), values, goal, 3000, 300)
    .filter((i) => xOf(i) != null)
    .map((i) => [xOf(i), values[i], i]);
  if (steps.length > 0) {
    const last = axis === 'time' ? Math.max(...finished.map(xOf), steps[steps.length - 1][0]) : Math.max(...byNumber.map(xOf));
    steps.push([last, steps[steps.length - 1][1], steps[steps.length - 1][2]]);
  }
  const isTime = axis === 'time';
  chart.setOption({
    animation: false,
    textStyle: baseText,
    grid,
    legend: { top: 4, right: 8, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `Trial #${trials.number[p.value[2]]}<br>${metric} ${formatMetric(metric, p.value[1])}`
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
  const { metric, goal } = primaryObjective(study);
  const values = trials.metrics[metric] || [];
  const complete = [];
  for (let i = 0; i < trials.state.length; i++) if (trials.state[i] === 'COMPLETE' && values[i] != null) complete.push(i);
  const shown = downsample(complete, values, goal, PARALLEL_LIMIT, 200);
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
