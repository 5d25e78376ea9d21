/**
 * Keeps a seeded `cpu` emulator running for studying the no-change plan's child (cpu-child.mjs)
 * many times without re-seeding: writes the scenario's manifests to DIR/manifests, seeds as
 * bench/cpu.ts does, writes the endpoint to DIR/endpoint and serves until killed.
 *
 * Usage: node --import tsx bench/cpu-serve.ts DIR [--domains N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTANT_DURATIONS } from '../src/emulator/behaviour.js';
import { startHostedEmulator } from './emulator-host.js';
import { generateBenchOrg, ORG_AT_QUOTA } from './org.js';
import { benchClients, loadOrThrow } from './pipeline.js';
import { seedWorld } from './seed.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cpu-serve.ts DIR [--domains N]');
const at = process.argv.indexOf('--domains');
const domains = at > 0 ? Number(process.argv[at + 1]) : 10;
const manifests = join(dir, 'manifests');
mkdirSync(manifests, { recursive: true });
for (let d = 0; d < domains; d++)
  writeFileSync(join(manifests, `domain-${d}.yaml`), generateBenchOrg(1 + d, ORG_AT_QUOTA, `bench-${d}`, d));
const emulator = await startHostedEmulator({
  seed: 1,
  rateLimits: 'off',
  behaviour: { defaultPageSize: 50, durations: INSTANT_DURATIONS },
});
const loaded = await loadOrThrow([manifests]);
const clients = benchClients(emulator.endpoint);
const seeded = await seedWorld(loaded, clients, (calls) => emulator.invoke(calls), {
  concurrency: 128,
  maxSleepMs: 10,
  rateScale: 1000,
});
clients.destroy();
writeFileSync(join(dir, 'endpoint'), emulator.endpoint);
process.stdout.write(`seeded ${seeded.projects} projects; serving at ${emulator.endpoint}\n`);
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
