/**
 * Runs the boto3 conformance suite (test/conformance/run.py) as part of `npm test`, against the
 * emulator of the current build (`npm test` builds first). Skipped, saying so, when python3 with
 * boto3 is not installed; CI (.ci/run) runs the suite on its own and fails without boto3.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;

describe('conformance suite (independent client: boto3)', () => {
  if (!hasBoto3) {
    console.warn('conformance suite skipped: python3 with boto3 is not installed (pip install boto3)');
  }

  it.skipIf(!hasBoto3)(
    'passes every case against a standalone emulator',
    () => {
      const run = spawnSync('python3', [join(root, 'test', 'conformance', 'run.py')], {
        cwd: root,
        encoding: 'utf8',
        timeout: 110_000,
      });
      const lines = run.stdout.trim().split('\n');
      const summary = lines[lines.length - 1] ?? '';
      const failures = lines.filter((line) => line.startsWith('FAIL')).join('\n');
      expect(summary, `${failures}\n${run.stderr}`).toMatch(/^conformance: [1-9]\d* passed, 0 failed$/);
      expect(run.status).toBe(0);
    },
    120_000,
  );
});
