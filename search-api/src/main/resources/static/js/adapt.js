// The one place that knows the search API's JSON field names; the views work on the shapes returned here.

function counts(s) {
  return s.trialCounts || s.counts || s.countsByState || {};
}

export function studySummary(s) {
  const c = counts(s);
  const finished = ['COMPLETE', 'FAILED', 'PRUNED', 'STOPPED'].reduce((n, k) => n + (c[k] || 0), 0);
  const best = s.best || s.bestSoFar || null;
  return {
    id: s.id,
    name: s.name,
    state: s.state,
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
    maxTrials: s.maxTrials ?? s.spec?.budget?.maxTrials ?? null,
    finished,
    running: c.RUNNING || 0,
    best: best ? { metric: best.metric, value: best.value, number: best.trialNumber ?? best.number ?? null } : null,
  };
}

export function trialDetail(t) {
  return {
    id: t.id,
    number: t.number,
    state: t.state,
    parameters: t.parameters || {},
    metrics: t.metrics || {},
    reason: t.failureReason || t.reason || null,
    workerId: t.workerId || null,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    measurements: (t.measurements || []).map((m) => ({
      step: m.step, elapsedSeconds: m.elapsedSeconds, metrics: m.metrics || {},
    })),
  };
}
