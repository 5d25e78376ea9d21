/**
 * A profiling harness for the `cpu` scenario's no-change plan, for working on the core's CPU
 * without re-seeding an emulator for every measurement (seeding takes minutes; a plan, a second).
 *
 *   capture DIR   writes the scenario's manifests to DIR/manifests, seeds an emulator (seed.ts),
 *                 reads live state once and keeps it in DIR/observation.bin (v8 serialisation).
 *   run DIR       in this process: load + validate + diff and plan of DIR/manifests against the
 *                 kept observation, the stages of cpu-child.ts on the built dist/ code; prints
 *                 planCpuMs and writes the rendered plan (text and JSON) to DIR/plan.txt and
 *                 DIR/plan.json so that a change can be checked byte-identical. Run it under
 *                 `node --cpu-prof` to see where the time goes.
 *
 * Usage: node --import tsx bench/cpu-profile.ts capture|run DIR [--domains N] [--repeat N] [--empty]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type * as DiagnosticModule from '../src/diagnostics/diagnostic.js';
import type * as DecodeModule from '../src/load/decode.js';
import type * as FilesModule from '../src/load/files.js';
import type * as LoadModule from '../src/validate/load-manifests.js';
import type * as ParseModule from '../src/load/parse.js';
import type * as PlannerModule from '../src/plan/planner.js';
import type * as SemanticModule from '../src/validate/semantic/index.js';
import type * as PlanJsonModule from '../src/render/plan-json.js';
import type * as PlanTextModule from '../src/render/plan-text.js';
import type { LoadedDocument } from '../src/load/parse.js';
import type { Observation } from '../src/live/types.js';
import type { ValidDocument } from '../src/validate/schema-validator.js';
import { sha256 } from './pipeline.js';

async function built<T>(path: string): Promise<T> {
  return (await import(new URL(`../dist/${path}`, import.meta.url).href)) as T;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function capture(dir: string): Promise<void> {
  const { generateBenchOrg, ORG_AT_QUOTA } = await import('./org.js');
  const { startHostedEmulator } = await import('./emulator-host.js');
  const { INSTANT_DURATIONS } = await import('../src/emulator/behaviour.js');
  const { benchClients, loadOrThrow } = await import('./pipeline.js');
  const { seedWorld } = await import('./seed.js');
  const { readLive } = await import('../src/live/read-live.js');
  const { readScope } = await import('../src/plan/scope.js');
  const manifests = join(dir, 'manifests');
  mkdirSync(manifests, { recursive: true });
  const domains = option('--domains', 10);
  for (let d = 0; d < domains; d++)
    writeFileSync(
      join(manifests, `domain-${d}.yaml`),
      generateBenchOrg(1 + d, ORG_AT_QUOTA, `bench-${d}`, d),
    );
  const emulator = await startHostedEmulator({
    seed: 1,
    rateLimits: 'off',
    behaviour: { defaultPageSize: 50, durations: INSTANT_DURATIONS },
  });
  try {
    const loaded = await loadOrThrow([manifests]);
    const clients = benchClients(emulator.endpoint);
    await seedWorld(loaded, clients, (calls) => emulator.invoke(calls), {
      concurrency: 128,
      maxSleepMs: 10,
      rateScale: 1000,
    });
    const observation = await readLive(readScope(loaded.documents), { clients, rateScale: Infinity });
    clients.destroy();
    writeFileSync(join(dir, 'observation.bin'), serialize(observation));
    process.stdout.write(`captured ${observation.resources.length} live resources\n`);
  } finally {
    await emulator.close();
  }
}

async function run(dir: string): Promise<void> {
  const { hasErrors } = await built<typeof DiagnosticModule>('diagnostics/diagnostic.js');
  const { decodeManifestBytes } = await built<typeof DecodeModule>('load/decode.js');
  const { discoverManifestFiles, readManifestBytes } = await built<typeof FilesModule>('load/files.js');
  const { manifestSchemaValidator } = await built<typeof LoadModule>('validate/load-manifests.js');
  const { parseManifestText } = await built<typeof ParseModule>('load/parse.js');
  const { buildPlan } = await built<typeof PlannerModule>('plan/planner.js');
  const { checkSemantics } = await built<typeof SemanticModule>('validate/semantic/index.js');
  const { renderPlanJson } = await built<typeof PlanJsonModule>('render/plan-json.js');
  const { renderPlanText } = await built<typeof PlanTextModule>('render/plan-text.js');
  // `--empty`: against an empty cloud (a cold plan), before any observation was captured.
  const observation: Observation = process.argv.includes('--empty')
    ? { resources: [], complete: true, failures: [], caller: { account: '', arn: '', principalArn: '' } }
    : (deserialize(readFileSync(join(dir, 'observation.bin'))) as Observation);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const repeat = option('--repeat', 1);
  for (let r = 0; r < repeat; r++) {
    const c0 = cpu();
    const discovery = await discoverManifestFiles([join(dir, 'manifests')], process.cwd());
    const parsed: LoadedDocument[] = [];
    for (const file of discovery.files) {
      const read = await readManifestBytes(file, process.cwd());
      if (!read.ok) throw new Error(`cannot read ${file}`);
      const decoded = decodeManifestBytes(file, read.bytes);
      if (!decoded.ok) throw new Error(`cannot decode ${file}`);
      parsed.push(...parseManifestText(file, decoded.text).documents);
    }
    const c1 = cpu();
    const validator = manifestSchemaValidator();
    const documents: ValidDocument[] = [];
    for (const doc of parsed) {
      const result = validator.validate(doc);
      if (hasErrors(result.diagnostics) || !result.valid) throw new Error('a generated document is invalid');
      documents.push(result.valid);
    }
    const c2a = cpu();
    const semantic = checkSemantics(documents);
    if (hasErrors(semantic.diagnostics)) throw new Error('the generated documents fail semantic checks');
    const c2 = cpu();
    const plan = buildPlan({ documents, observation, deferred: semantic.deferred, digest: sha256 });
    const c3 = cpu();
    const figures = {
      loadCpuMs: Math.round(c1 - c0),
      schemaCpuMs: Math.round(c2a - c1),
      semanticCpuMs: Math.round(c2 - c2a),
      diffPlanCpuMs: Math.round(c3 - c2),
      planCpuMs: Math.round(c3 - c0),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      changes: plan.changes.length,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    if (r === 0) {
      writeFileSync(join(dir, 'plan.txt'), renderPlanText(plan, { color: false, mode: 'plan' }));
      writeFileSync(join(dir, 'plan.json'), renderPlanJson(plan));
    }
  }
}

const [mode, dir] = process.argv.slice(2);
if (!dir || (mode !== 'capture' && mode !== 'run'))
  throw new Error('usage: cpu-profile.ts capture|run DIR [--domains N] [--repeat N]');
await (mode === 'capture' ? capture(dir) : run(dir));
