#!/usr/bin/env node
// The README's first command: apply manifests-example/ to the embedded emulator (--local), then
// plan again, which must print "No changes". Runs in a fresh temporary directory so that the
// emulator's state (kept in .smus-gitops/ of the working directory) starts empty every time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'smus-gitops.js');
const examples = join(root, 'manifests-example');
const work = mkdtempSync(join(tmpdir(), 'smus-gitops-demo-'));
// The APAC account of the example is outside the organisation: its association needs the invitation accepted.
const env = { ...process.env, SMUS_GITOPS_LOCAL_EXTERNAL_ACCOUNTS: '777788889999' };

function run(title, args) {
  process.stdout.write(`\n$ smus-gitops ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`demo: ${title} exited with ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

try {
  run('validate', ['validate', examples]);
  run('apply', ['apply', examples, '--local', '--auto-approve']);
  run('plan', ['plan', examples, '--local', '--detailed-exitcode']);
} finally {
  rmSync(work, { recursive: true, force: true });
}
