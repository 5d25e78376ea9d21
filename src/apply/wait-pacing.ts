/**
 * When a wait looks again. Polling a minutes-long deployment every second spends a read per
 * second per resource for nothing, and at org scale those reads compete with the calls that do
 * the work; so the pause between looks grows with the time already waited, and a wait that names
 * its kind (`pace`) is paced by how long waits of that kind have taken in this run: its first
 * look comes when the earlier ones finished, the next ones at a fraction of that. What is
 * learned lives as long as the run (one pacer per operation context).
 */

/** The pause between looks is at least this fraction of the time waited so far. */
const GROWTH = 1 / 4;
/** Never longer than this between looks, however long the wait (a finished resource is seen soon). */
export const MAX_PAUSE_MS = 15_000;
/** A wait whose first paced look already saw it done probes this much earlier next time. */
const PROBE_EARLIER = 0.9;

/** One wait's schedule, as the pacer hands it out. */
export interface WaitSchedule {
  /** The pause before the next look, given the time waited so far. */
  pause(elapsedMs: number): number;
  /** The wait ended successfully after `elapsedMs`: learn from it. */
  done(elapsedMs: number): void;
}

/** Per-run knowledge of how long each kind of wait takes. */
export class WaitPacer {
  private readonly expected = new Map<string, number>();

  /** `baseMs`: the pause of a wait that has just begun and of a kind not seen yet. */
  constructor(private readonly baseMs = 1_000) {}

  /** How long waits of `kind` have been taking (undefined until one finished after waiting). */
  expectedMs(kind: string): number | undefined {
    return this.expected.get(kind);
  }

  /** The schedule of one wait; `intervalMs` overrides the base pause, `kind` makes it learn. */
  schedule(kind: string | undefined, intervalMs = this.baseMs): WaitSchedule {
    const expected = kind === undefined ? undefined : this.expected.get(kind);
    let looks = 0;
    // True while no paced look has been made yet: the first one is aimed at the expected end.
    let aimed = expected !== undefined;
    let firstAimedHit = false;
    return {
      pause: (elapsedMs) => {
        looks++;
        if (aimed && expected !== undefined && elapsedMs < expected) {
          aimed = false;
          firstAimedHit = true;
          return Math.min(MAX_PAUSE_MS, expected - elapsedMs);
        }
        firstAimedHit = false;
        const floor = expected === undefined ? intervalMs : Math.max(intervalMs / 4, expected * GROWTH);
        return Math.min(MAX_PAUSE_MS, Math.max(floor, elapsedMs * GROWTH));
      },
      done: (elapsedMs) => {
        // Finished without any pause: nothing was waited, nothing to learn.
        if (kind === undefined || looks === 0) return;
        // Seen done at the first aimed look: it may have finished earlier, so aim a little earlier.
        const learned = firstAimedHit && expected !== undefined ? expected * PROBE_EARLIER : elapsedMs;
        this.expected.set(kind, learned);
      },
    };
  }
}
