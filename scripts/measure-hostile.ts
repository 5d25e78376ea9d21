/**
 * Measures validating each hostile input in a fresh process capped at 256 MB of heap: wall time
 * and peak resident memory. Foundation acceptance 4 asks for under 2 s and 256 MB each; this
 * prints the figures rather than asserting them (timings are never asserted in unit tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_INPUTS } from '../test/helpers/hostile-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'smus-hostile-measure-'));
const child = `
  const { main } = await import(${JSON.stringify(new URL('../dist/cli/main.js', import.meta.url).href)});
  let out = '';
  const io = { stdout: (t) => { out += t; }, stderr: () => {}, env: {}, cwd: process.cwd(), isTTY: false, interrupted: new Promise(() => {}) };
  const code = await main(['validate', process.argv[1], '--format', 'json'], io);
  const codes = JSON.parse(out).diagnostics.map((d) => d.code);
  console.log(JSON.stringify({ code, codes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;
let worst = { ms: 0, mb: 0 };
for (const input of HOSTILE_INPUTS) {
  const file = join(dir, `${input.name}.yaml`);
  writeFileSync(file, input.content());
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '--input-type=module', '-e', child, file],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
    code?: number;
    codes?: string[];
    maxRssMb?: number;
  };
  worst = { ms: Math.max(worst.ms, ms), mb: Math.max(worst.mb, result.maxRssMb ?? 0) };
  console.log(
    `${input.name.padEnd(16)} exit ${result.code}  ${String(result.codes?.includes(input.code) ? input.code : 'MISSING ' + input.code).padEnd(14)} ${ms.toFixed(0).padStart(5)} ms  ${(result.maxRssMb ?? 0).toFixed(0).padStart(4)} MB`,
  );
}
console.log(`worst: ${worst.ms.toFixed(0)} ms (limit 2000), ${worst.mb.toFixed(0)} MB (limit 256)`);
