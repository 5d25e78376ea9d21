/**
 * `npm test`'s pretest: the build (validators, then dist/) and the type-check of the whole tree.
 * The two tsc passes are independent once the generated validators exist, so they run side by
 * side: on two cores that takes about the time of the longer one instead of their sum (issue 18).
 * The build emits with `--noCheck`: the type-check beside it covers every file of src/ with the
 * same compiler options, so checking src/ twice bought nothing; the emitted dist/ is byte-identical
 * (compared when this was changed) and the build's CPU time about halves.
 * Fails (exit 1) when either fails; both always finish, so every error is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const validators = spawnSync(npm, ['run', '-s', 'build:validators'], { cwd: root, stdio: 'inherit' });
if (validators.status !== 0) process.exit(1);

/** Runs `npx tsc <args>` and resolves to whether it succeeded. */
function tsc(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}node_modules/typescript/bin/tsc`, ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

const results = await Promise.all([
  tsc(['-p', 'tsconfig.build.json', '--noCheck']),
  // Incremental: a re-run checks again only what changed since the last one (tsc compares file
  // hashes), about a third of a full check's CPU; a fresh clone pays the full check once.
  tsc([
    '-p',
    'tsconfig.json',
    '--noEmit',
    '--incremental',
    '--tsBuildInfoFile',
    'node_modules/.cache/smus-gitops/typecheck.tsbuildinfo',
  ]),
]);
process.exit(results.every(Boolean) ? 0 : 1);
