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

/** After a look past the expected end, the finest pause: this fraction of the end seen last. */
const FINE = 1 / 20;

/** One wait's schedule, as the pacer hands it out. */
export interface WaitSchedule {
  /** The pause before the next look, given the time waited so far. */
  pause(elapsedMs: number): number;
  /** The wait ended successfully after `elapsedMs`: learn from it. */
  done(elapsedMs: number): void;
}

/** What the run knows of one kind of wait. */
interface Learned {
  /** Where the next wait aims its first look (a little before `seenMs` after a hit there). */
  aimMs: number;
  /** The latest end a look actually saw: where a wait looks next when the aimed look was too early. */
  seenMs: number;
}

/** Per-run knowledge of how long each kind of wait takes. */
export class WaitPacer {
  private readonly learned = new Map<string, Learned>();

  /** `baseMs`: the pause of a wait that has just begun and of a kind not seen yet. */
  constructor(private readonly baseMs = 1_000) {}

  /** How long waits of `kind` have been taking (undefined until one finished after waiting). */
  expectedMs(kind: string): number | undefined {
    return this.learned.get(kind)?.aimMs;
  }

  /**
   * The schedule of one wait; `intervalMs` overrides the base pause, `kind` makes it learn. A
   * learned kind looks first at its aim; when that was too early, at the end seen last; past
   * that, in steps of a twentieth of it that grow with the time since (a wait's end is near the
   * run's earlier ones, so a coarse pause there made the last wait of an apply end up to a
   * quarter of its duration late, and that lateness was the apply's tail).
   */
  schedule(kind: string | undefined, intervalMs = this.baseMs): WaitSchedule {
    const known = kind === undefined ? undefined : this.learned.get(kind);
    let looks = 0;
    // True while no paced look has been made yet: the first one is aimed at the expected end.
    let aimed = known !== undefined;
    let firstAimedHit = false;
    return {
      pause: (elapsedMs) => {
        looks++;
        if (known === undefined) return Math.min(MAX_PAUSE_MS, Math.max(intervalMs, elapsedMs * GROWTH));
        firstAimedHit = false;
        if (aimed && elapsedMs < known.aimMs) {
          aimed = false;
          firstAimedHit = true;
          return Math.min(MAX_PAUSE_MS, known.aimMs - elapsedMs);
        }
        aimed = false;
        if (elapsedMs < known.seenMs) return Math.min(MAX_PAUSE_MS, known.seenMs - elapsedMs);
        const step = Math.max(1, known.seenMs * FINE, (elapsedMs - known.seenMs) * GROWTH);
        return Math.min(MAX_PAUSE_MS, step);
      },
      done: (elapsedMs) => {
        // Finished without any pause: nothing was waited, nothing to learn.
        if (kind === undefined || looks === 0) return;
        // Seen done at the first aimed look: it may have finished earlier, so aim a little earlier.
        if (firstAimedHit && known !== undefined)
          this.learned.set(kind, { aimMs: known.aimMs * PROBE_EARLIER, seenMs: known.aimMs });
        else this.learned.set(kind, { aimMs: elapsedMs, seenMs: elapsedMs });
      },
    };
  }
}
