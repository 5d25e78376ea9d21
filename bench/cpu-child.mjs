// One measured plan of the `cpu` scenario, in a fresh process so that its peak RSS is the tool's
// alone (the emulator lives in the parent): stage by stage, as `smus-gitops plan` runs them —
// load (discover, read, decode, parse YAML), validate (schemas, semantic checks), read live
// state, diff and plan. Plain JavaScript over the built code in dist/ (what users run; `npm run
// bench` builds first): under tsx the process would also hold the tsx loader's thread and the
// TypeScript sources it compiles, which users never pay for. Prints one JSON line (CpuStages,
// bench/cpu.ts).
//
// Usage: node bench/cpu-child.mjs <manifest dir> <emulator endpoint>
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';

/** @param {string} path a module under dist/ */
const built = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);

const { hasErrors } = await built('diagnostics/diagnostic.js');
const { decodeManifestBytes } = await built('load/decode.js');
const { discoverManifestFiles, readManifestBytes } = await built('load/files.js');
const { manifestSchemaValidator } = await built('validate/load-manifests.js');
const { parseManifestText } = await built('load/parse.js');
const { readLive } = await built('live/read-live.js');
const { buildPlan } = await built('plan/planner.js');
const { readScope } = await built('plan/scope.js');
const { checkSemantics } = await built('validate/semantic/index.js');
const { ClientFactory } = await built('aws/clients.js');

// As bench/pipeline.ts has them (not imported: it is TypeScript, and would load src/ beside dist/).
const BENCH_CREDENTIALS = { accessKeyId: 'AKIAEMULATORBENCH001', secretAccessKey: 'emulator-secret' };
/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Resident set size now, in MB. */
const rssMb = () => Math.round(process.memoryUsage.rss() / (1024 * 1024));

async function main() {
  const [dir, endpoint] = process.argv.slice(2);
  if (!dir || !endpoint) throw new Error('usage: cpu-child.mjs <manifest dir> <endpoint>');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // The main thread alone: the tool's own work, without V8's background compilers and collector
  // helpers, which process.cpuUsage() counts too. NaN where node has no threadCpuUsage (Node 20).
  const threadCpu = () => {
    if (typeof process.threadCpuUsage !== 'function') return Number.NaN;
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  const rss = { start: rssMb(), load: 0, validate: 0, read: 0, plan: 0 };
  const c0 = cpu();
  const m0 = threadCpu();
  const t0 = performance.now();
  const discovery = await discoverManifestFiles([dir], process.cwd());
  const parsed = [];
  for (const file of discovery.files) {
    const read = await readManifestBytes(file, process.cwd());
    if (!read.ok) throw new Error(`cannot read ${file}`);
    const decoded = decodeManifestBytes(file, read.bytes);
    if (!decoded.ok) throw new Error(`cannot decode ${file}`);
    parsed.push(...parseManifestText(file, decoded.text).documents);
  }
  const t1 = performance.now();
  rss.load = rssMb();
  const validator = manifestSchemaValidator();
  const documents = [];
  for (const doc of parsed) {
    const result = validator.validate(doc);
    if (hasErrors(result.diagnostics) || !result.valid) throw new Error('a generated document is invalid');
    documents.push(result.valid);
  }
  const semantic = checkSemantics(documents);
  if (hasErrors(semantic.diagnostics)) throw new Error('the generated documents fail semantic checks');
  const t2 = performance.now();
  const c2 = cpu();
  const m2 = threadCpu();
  rss.validate = rssMb();
  const clients = new ClientFactory({
    endpoint,
    credentials: BENCH_CREDENTIALS,
    maxAttempts: 3,
    requestTimeoutMs: 30_000,
  });
  // This emulator has no rate limits: pacing at the documented TPS would be all that is measured.
  const observation = await readLive(readScope(documents), { clients, rateScale: Infinity });
  clients.destroy();
  const t3 = performance.now();
  const c3 = cpu();
  const m3 = threadCpu();
  rss.read = rssMb();
  const plan = buildPlan({ documents, observation, deferred: semantic.deferred, digest: sha256 });
  const t4 = performance.now();
  const c4 = cpu();
  const m4 = threadCpu();
  rss.plan = rssMb();
  const changes = plan.changes.filter((c) => c.action !== 'noop' && c.action !== 'unmanaged').length;
  const stages = {
    documents: documents.length,
    loadMs: Math.round(t1 - t0),
    validateMs: Math.round(t2 - t1),
    readMs: Math.round(t3 - t2),
    diffPlanMs: Math.round(t4 - t3),
    planMs: Math.round(t2 - t0 + (t4 - t3)),
    planCpuMs: Math.round(c2 - c0 + (c4 - c3)),
    planMainThreadCpuMs: Number.isNaN(m0) ? null : Math.round(m2 - m0 + (m4 - m3)),
    totalMs: Math.round(t4 - t0),
    // maxRSS is in KiB.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssMb: rss,
    changes,
    liveResources: observation.resources.length,
  };
  process.stdout.write(`${JSON.stringify(stages)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
