/** The org-pr scenario's targets and readable lines (bench/pr.ts runs it). */
import type { PrScenarioResult } from './pr.js';

type Target = { value: number | null; target: string; met: boolean | null };

/** The issue's targets for the PR plan (reported, not asserted); none when the scenario did not run. */
export function prTargets(
  result: PrScenarioResult | undefined,
  target: (value: number | undefined, text: string, ok: (v: number) => boolean) => Target,
): Record<string, Target> {
  if (!result) return {};
  const edit = result.phases.find((p) => p.phase === 'pr-edit');
  const del = result.phases.find((p) => p.phase === 'pr-delete');
  return {
    prEditCalls: target(edit?.totalCalls, '<= 15', (v) => v <= 15),
    prEditEfficiency: target(edit?.efficiency, '>= 0.9', (v) => v >= 0.9),
    prEditRealQuotaMs: target(edit?.realQuotaRateBoundMs, '<= 2000', (v) => v <= 2000),
    prDeleteRefused: target(
      del ? (del.refused.some((r) => r.startsWith('in-use ')) ? 1 : 0) : undefined,
      '= 1',
      (v) => v === 1,
    ),
  };
}

/** The scenario's lines of the readable report. */
export function prLines(result: PrScenarioResult): string[] {
  const lines = [
    `org-pr (${result.projects} projects, ${result.declared} declared resources; apply ${result.apply.changes} changes in ${result.apply.wallMs.toFixed(0)} ms, ${result.apply.failed} failed):`,
  ];
  for (const p of result.phases) {
    lines.push(
      `  ${p.phase.padEnd(10)} calls ${String(p.totalCalls).padStart(6)}  wall ${p.wallMs.toFixed(0).padStart(7)} ms  bound ${p.boundMs.toFixed(0).padStart(7)} ms (${p.boundBy})  efficiency ${p.efficiency.toFixed(2)} (floor ${p.floorMs.toFixed(0)} ms; transport ${p.transportMs.toFixed(1)} ms a call; latency alone: bound ${p.latencyOnlyBoundMs.toFixed(0)} ms, ${p.latencyOnlyEfficiency.toFixed(2)})  at real quotas ${p.realQuotaRateBoundMs.toFixed(0)} ms  failed ${p.failed}`,
      `             Scoped: ${p.scope}`,
      `             off the wire (no request in flight): ${p.offWireMs.toFixed(1)} ms of ${p.wallMs.toFixed(1)}; main thread busy ${p.busyMs.toFixed(1)} ms, GC ${p.gcMs.toFixed(1)} ms`,
      `             stages (ms): ${Object.entries(p.stagesMs)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
      `             runs (ms): ${(p.runsMs ?? []).map((w) => w.toFixed(0)).join(', ')}${p.coldMs !== undefined ? `; first plan of the run ${p.coldMs.toFixed(0)}` : ''}`,
      `             calls: ${Object.entries(p.calls)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}`,
      ...p.changes.map((c) => `             ${c}`),
      ...p.refused.map((r) => `             refused: ${r}`),
      ...p.timeline.map((t) => `             ${t}`),
    );
  }
  return lines;
}
