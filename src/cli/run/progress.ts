/** Apply's progress lines (one per start and finish, with elapsed time) and its closing summary. */
import type { ChangeOutcome, ExecutorEvent } from '../../apply/executor.js';
import { formatAddress } from '../../model/identity.js';
import type { Action } from '../../plan/types.js';
import type { CliIo } from '../io.js';
import { sanitizeLine } from '../../render/plan-values.js';

const VERB: Partial<Record<Action, [string, string]>> = {
  create: ['creating', 'created'],
  update: ['updating', 'updated'],
  replace: ['replacing', 'replaced'],
  delete: ['deleting', 'deleted'],
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

// Error messages and names are printed on one line, controls escaped and credentials redacted.
function reason(error: unknown): string {
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

/** Progress printer for one apply. */
export function createProgress(io: CliIo, now: () => number) {
  const started = now();
  return {
    onEvent(event: ExecutorEvent): void {
      const name = sanitizeLine(formatAddress(event.change.address));
      const [ing, ed] = VERB[event.change.action] ?? ['applying', 'applied'];
      if (event.type === 'start') io.stdout(`  ${name}: ${ing}...\n`);
      else if (event.type === 'finish') io.stdout(`  ${name}: ${ed} (${seconds(event.elapsedMs)})\n`);
      else io.stdout(`  ${name}: FAILED after ${seconds(event.elapsedMs)}: ${reason(event.error)}\n`);
    },
    /** Heartbeat of a long wait, so a quiet apply is visibly alive (and what it waits on is named). */
    onWait(what: string, elapsedMs: number): void {
      io.stdout(`  still waiting for ${what} (${seconds(elapsedMs)} so far)\n`);
    },
    summary(outcomes: readonly ChangeOutcome[]): string {
      const done = (action: Action) =>
        outcomes.filter((o) => o.status === 'done' && o.change.action === action).length;
      const failed = outcomes.filter((o) => o.status === 'failed');
      const skipped = outcomes.filter((o) => o.status === 'skipped');
      const lines = [
        // Complete only when everything was done: an interrupted apply leaves changes not started.
        `\nApply ${failed.length + skipped.length > 0 ? 'stopped' : 'complete'}: ${done('create')} created, ${done('update')} updated, ${done('replace')} replaced, ${done('delete')} deleted; ${failed.length} failed, ${skipped.length} not started (${seconds(now() - started)}).`,
      ];
      for (const o of failed)
        lines.push(`  failed: ${sanitizeLine(formatAddress(o.change.address))}: ${reason(o.error)}`);
      for (const o of skipped)
        lines.push(`  not started: ${sanitizeLine(formatAddress(o.change.address))} (${o.change.action})`);
      if (failed.length + skipped.length > 0)
        // True since a failed deployment is observed state: the next plan redeploys or refuses it, never "No changes".
        lines.push(
          'Run plan to see what remains: it reads live state again, so completed changes are not repeated and failed ones (including failed deployments) are planned again or refused with their cause.',
        );
      return `${lines.join('\n')}\n`;
    },
  };
}
