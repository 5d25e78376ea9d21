/**
 * One measured plan of the `cpu` scenario, in a fresh process so that its peak RSS is the tool's
 * alone (the emulator lives in the parent): stage by stage, as `smus-gitops plan` runs them —
 * load (discover, read, decode, parse YAML), validate (schemas, semantic checks), read live
 * state, diff and plan. Prints one JSON line.
 *
 * Usage: node --import tsx bench/cpu-child.ts <manifest dir> <emulator endpoint>
 */
import { hasErrors } from '../src/diagnostics/diagnostic.js';
import { decodeManifestBytes } from '../src/load/decode.js';
import { discoverManifestFiles, readManifestBytes } from '../src/load/files.js';
import { manifestSchemaValidator } from '../src/load/load-manifests.js';
import { parseManifestText, type LoadedDocument } from '../src/load/parse.js';
import { readLive } from '../src/live/read-live.js';
import { buildPlan } from '../src/plan/planner.js';
import { readScope } from '../src/plan/scope.js';
import type { ValidDocument } from '../src/validate/schema-validator.js';
import { checkSemantics } from '../src/validate/semantic/index.js';
import { actionLines, benchClients, sha256 } from './pipeline.js';

/** What the child prints. */
export interface CpuStages {
  documents: number;
  loadMs: number;
  validateMs: number;
  readMs: number;
  diffPlanMs: number;
  planMs: number;
  peakRssMb: number;
  changes: number;
  liveResources: number;
}

async function main(): Promise<void> {
  const [dir, endpoint] = process.argv.slice(2);
  if (!dir || !endpoint) throw new Error('usage: cpu-child.ts <manifest dir> <endpoint>');
  const t0 = performance.now();
  const discovery = await discoverManifestFiles([dir], process.cwd());
  const parsed: LoadedDocument[] = [];
  for (const file of discovery.files) {
    const read = await readManifestBytes(file, process.cwd());
    if (!read.ok) throw new Error(`cannot read ${file}`);
    const decoded = decodeManifestBytes(file, read.bytes);
    if (!decoded.ok) throw new Error(`cannot decode ${file}`);
    parsed.push(...parseManifestText(file, decoded.text).documents);
  }
  const t1 = performance.now();
  const validator = manifestSchemaValidator();
  const documents: ValidDocument[] = [];
  for (const doc of parsed) {
    const result = validator.validate(doc);
    if (hasErrors(result.diagnostics) || !result.valid) throw new Error('a generated document is invalid');
    documents.push(result.valid);
  }
  const semantic = checkSemantics(documents);
  if (hasErrors(semantic.diagnostics)) throw new Error('the generated documents fail semantic checks');
  const t2 = performance.now();
  const clients = benchClients(endpoint);
  const observation = await readLive(readScope(documents), { clients });
  clients.destroy();
  const t3 = performance.now();
  const plan = buildPlan({ documents, observation, deferred: semantic.deferred, digest: sha256 });
  const t4 = performance.now();
  const stages: CpuStages = {
    documents: documents.length,
    loadMs: Math.round(t1 - t0),
    validateMs: Math.round(t2 - t1),
    readMs: Math.round(t3 - t2),
    diffPlanMs: Math.round(t4 - t3),
    planMs: Math.round(t4 - t0),
    // maxRSS is in KiB.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    changes: actionLines(plan).length,
    liveResources: observation.resources.length,
  };
  process.stdout.write(`${JSON.stringify(stages)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
