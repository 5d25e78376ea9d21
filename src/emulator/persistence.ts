/**
 * The state file: the world as JSON, written atomically (temp file in the same folder, then
 * rename) so that a crash at any moment leaves either the previous or the next complete state,
 * never a torn file. Writes are serialised and coalesced: while one write runs, further requests
 * collapse into one follow-up write of the then-current world (the last state wins), and every
 * caller's promise resolves once a write that includes its change is on disk.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EmulatorWorld } from './types.js';
import { asWorld } from './world.js';

/** Reads the world from `path`, or returns undefined when the file does not exist. */
export function loadWorld(path: string): EmulatorWorld | undefined {
  if (!existsSync(path)) return undefined;
  return asWorld(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

/** Serialised, coalescing writer of one state file. */
export class StateWriter {
  private running: Promise<void> | undefined;
  private pending: Promise<void> | undefined;
  private counter = 0;

  constructor(
    private readonly path: string,
    private readonly world: () => EmulatorWorld,
  ) {
    mkdirSync(dirname(path), { recursive: true });
  }

  /** Schedules a write of the current world; resolves when a write that includes it is durable. */
  save(): Promise<void> {
    if (!this.running) {
      this.running = this.writeNow().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // A write is in flight with an older snapshot: queue exactly one follow-up for everyone.
    this.pending ??= this.running.then(() => {
      this.pending = undefined;
      return this.save();
    });
    return this.pending;
  }

  /** Waits for every scheduled write. */
  async flush(): Promise<void> {
    while (this.running || this.pending) await (this.pending ?? this.running);
  }

  private async writeNow(): Promise<void> {
    // The snapshot is taken synchronously, so it is a consistent view between two requests.
    const text = `${JSON.stringify(this.world())}\n`;
    this.counter += 1;
    const temp = `${this.path}.${process.pid}.${this.counter}.tmp`;
    await writeFile(temp, text, 'utf8');
    await rename(temp, this.path);
  }
}
