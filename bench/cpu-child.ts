/**
 * One measured plan of the `cpu` scenario, in a fresh process so that its peak RSS is the tool's
 * alone (the emulator lives in the parent): stage by stage, as `smus-gitops plan` runs them —
 * load (discover, read, decode, parse YAML), validate (schemas, semantic checks), read live
 * state, diff and plan. The stages run the built code in dist/ (what users run; `npm run bench`
 * builds first), not the TypeScript sources through tsx. Prints one JSON line.
 *
 * Usage: node --import tsx bench/cpu-child.ts <manifest dir> <emulator endpoint>
 */
import type * as DiagnosticModule from '../src/diagnostics/diagnostic.js';
import type * as DecodeModule from '../src/load/decode.js';
import type * as FilesModule from '../src/load/files.js';
import type * as LoadModule from '../src/validate/load-manifests.js';
import type * as ParseModule from '../src/load/parse.js';
import type * as ReadLiveModule from '../src/live/read-live.js';
import type * as PlannerModule from '../src/plan/planner.js';
import type * as ScopeModule from '../src/plan/scope.js';
import type * as SemanticModule from '../src/validate/semantic/index.js';
import type { LoadedDocument } from '../src/load/parse.js';
import type { ValidDocument } from '../src/validate/schema-validator.js';
import { actionLines, benchClients, sha256 } from './pipeline.js';

/** The built module of a source module (same exports, so its types are the source's). */
async function built<T>(path: string): Promise<T> {
  return (await import(new URL(`../dist/${path}`, import.meta.url).href)) as T;
}

const { hasErrors } = await built<typeof DiagnosticModule>('diagnostics/diagnostic.js');
const { decodeManifestBytes } = await built<typeof DecodeModule>('load/decode.js');
const { discoverManifestFiles, readManifestBytes } = await built<typeof FilesModule>('load/files.js');
const { manifestSchemaValidator } = await built<typeof LoadModule>('validate/load-manifests.js');
const { parseManifestText } = await built<typeof ParseModule>('load/parse.js');
const { readLive } = await built<typeof ReadLiveModule>('live/read-live.js');
const { buildPlan } = await built<typeof PlannerModule>('plan/planner.js');
const { readScope } = await built<typeof ScopeModule>('plan/scope.js');
const { checkSemantics } = await built<typeof SemanticModule>('validate/semantic/index.js');

/** What the child prints. */
export interface CpuStages {
  documents: number;
  loadMs: number;
  validateMs: number;
  readMs: number;
  diffPlanMs: number;
  /** The tool's own work: load + validate + diff and plan (the read is the API's time, measured by the network scenarios). */
  planMs: number;
  /** CPU time (user + system) of those stages: less sensitive than wall time to a busy machine. */
  planCpuMs: number;
  /** Everything, the read included. */
  totalMs: number;
  peakRssMb: number;
  changes: number;
  liveResources: number;
}

async function main(): Promise<void> {
  const [dir, endpoint] = process.argv.slice(2);
  if (!dir || !endpoint) throw new Error('usage: cpu-child.ts <manifest dir> <endpoint>');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
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
  const c2 = cpu();
  const clients = benchClients(endpoint);
  // This emulator has no rate limits: pacing at the documented TPS would be all that is measured.
  const observation = await readLive(readScope(documents), { clients, rateScale: Infinity });
  clients.destroy();
  const t3 = performance.now();
  const c3 = cpu();
  const plan = buildPlan({ documents, observation, deferred: semantic.deferred, digest: sha256 });
  const t4 = performance.now();
  const c4 = cpu();
  const stages: CpuStages = {
    documents: documents.length,
    loadMs: Math.round(t1 - t0),
    validateMs: Math.round(t2 - t1),
    readMs: Math.round(t3 - t2),
    diffPlanMs: Math.round(t4 - t3),
    planMs: Math.round(t2 - t0 + (t4 - t3)),
    planCpuMs: Math.round(c2 - c0 + (c4 - c3)),
    totalMs: Math.round(t4 - t0),
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
