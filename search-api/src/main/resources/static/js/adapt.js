// The one place that knows the search API's JSON field names (the protocol module's StudyView and TrialView
// records); the views work on the shapes returned here.

const FINISHED = ['COMPLETE', 'FAILED', 'PRUNED', 'STOPPED'];

/** A study of GET /api/studies. */
export function studySummary(s) {
  const counts = s.trialCounts || {};
  return {
    id: s.id,
    name: s.name,
    state: s.state,
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
    maxTrials: s.trialCapacity || null,
    finished: FINISHED.reduce((n, k) => n + (counts[k] || 0), 0),
    running: counts.RUNNING || 0,
    best: s.best ? { metrics: s.best.metrics || {}, feasible: s.best.feasible } : null,
  };
}

/** A trial of GET /api/trials/{id}; measurements of earlier, lost attempts are left out. */
export function trialDetail(t) {
  const measurements = t.measurements || [];
  const attempt = measurements.reduce((a, m) => Math.max(a, m.attempt || 0), 0);
  return {
    id: t.id,
    number: t.number,
    state: t.state,
    parameters: t.parameters || {},
    metrics: t.metrics || {},
    reason: t.failureReason || null,
    workerId: t.workerId || null,
    attempts: t.attempts,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    measurements: measurements
      .filter((m) => (m.attempt || 0) === attempt)
      .map((m) => ({ step: m.step, elapsedSeconds: m.elapsedSeconds, metrics: m.metrics || {} })),
  };
}
