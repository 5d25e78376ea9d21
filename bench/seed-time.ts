/**
 * `tsx bench/seed-time.ts [domains…]`: seeds the `cpu` scenario's world (bench/seed.ts) at each
 * number of domains into a fresh emulator, as bench/cpu.ts does, and prints one JSON line per run:
 * the wall time, the process's CPU time (user + system, the emulator's worker thread included:
 * steadier than wall time on a loaded machine) and the load average. Shows whether seeding stays
 * linear in the domains (docs/bench.md).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTANT_DURATIONS } from '../src/emulator/behaviour.js';
import { startHostedEmulator } from './emulator-host.js';
import { generateBenchOrg, ORG_AT_QUOTA } from './org.js';
import { benchClients, loadOrThrow } from './pipeline.js';
import { seedWorld } from './seed.js';

/** The figures of one seeding run. */
export interface SeedTiming {
  domains: number;
  projects: number;
  wallMs: number;
  cpuMs: number;
  /** CPU by step (bench/seed.ts SeedResult). */
  steps: { plan: number; structure: number; reread: number; projects: number };
  loadAverage: number[];
}

/** Seeds `domains` domains at quota into a fresh emulator and times it (manifests loaded untimed). */
export async function timeSeeding(domains: number, seed = 1): Promise<SeedTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'smus-bench-seed-'));
  for (let d = 0; d < domains; d++)
    writeFileSync(join(dir, `domain-${d}.yaml`), generateBenchOrg(seed + d, ORG_AT_QUOTA, `bench-${d}`, d));
  const loaded = await loadOrThrow([dir]);
  const emulator = await startHostedEmulator({
    seed,
    rateLimits: 'off',
    behaviour: { defaultPageSize: 50, durations: INSTANT_DURATIONS },
  });
  const clients = benchClients(emulator.endpoint);
  try {
    const cpu = process.cpuUsage();
    const result = await seedWorld(loaded, clients, (calls) => emulator.invoke(calls), {
      concurrency: 128,
      maxSleepMs: 10,
      rateScale: 1000,
    });
    const used = process.cpuUsage(cpu);
    return {
      domains,
      projects: result.projects,
      wallMs: result.wallMs,
      cpuMs: Math.round((used.user + used.system) / 1000),
      steps: result.cpuMs,
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    };
  } finally {
    clients.destroy();
    await emulator.close();
  }
}

async function main(): Promise<void> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const counts = process.argv.slice(2).map(Number);
  for (const domains of counts.length ? counts : [1, 2, 5, 10])
    process.stdout.write(`${JSON.stringify(await timeSeeding(domains))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed-time: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
