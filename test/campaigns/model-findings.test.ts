/**
 * Product bugs the model campaign found (issue 13), each reduced to its shortest reproduction.
 * Both are fixed (src/plan/dependencies.ts: a project waits for its environments' pools;
 * src/cli/run/progress.ts: "stopped" when anything was not done); these tests keep them fixed.
 *
 * 1. A new project placed in a region just added to its profile's pool does not wait for the pool's
 *    update: its plan depends on the account's blueprint configurations but not on the pool (the
 *    chain Pool → Profile → Project is broken when the profile itself has no change), so a slow
 *    UpdateAccountPool lets CreateProject run first, and DataZone refuses it ("not offered by its
 *    account pools"). Found by the model campaign, seed 120011 (part 2 of 80 × 20).
 * 2. An interrupted apply that left changes not started says "Apply complete" (it exits 1, and
 *    lists them as `not started:`): the summary's verb looks only at failures, not at skips.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBenchOrg } from '../../bench/org.js';
import { INSTANT_DURATIONS } from '../../src/emulator/behaviour.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { SavedPlan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { edit } from './lib/model-commands.js';
import { MODEL_ORG_SIZE } from './lib/model.js';
import { fixedAccountOf, initialDesired, yamlOf } from './lib/model-org.js';

describe('model campaign findings', () => {
  it(
    '1: a project placed in a region new to its pool waits for the pool update',
    { timeout: 60_000 },
    async () => {
      const seed = 120011;
      const d = seed % 100;
      const emulator = await startEmulator({ port: 0, seed, behaviour: { durations: INSTANT_DURATIONS } });
      try {
        const base = generateBenchOrg(seed, MODEL_ORG_SIZE, 'model-data', d);
        const desired = initialDesired();
        const dir = mkdtempSync(join(tmpdir(), 'smus-finding-'));
        const manifests = join(dir, 'manifests');
        mkdirSync(manifests);
        const write = () =>
          writeFileSync(join(manifests, 'org.yaml'), yamlOf(base, desired, 'model-data', fixedAccountOf(d)));
        const env = { AWS_ACCESS_KEY_ID: 'AKIAEMULATORMODEL001', AWS_SECRET_ACCESS_KEY: 'finding' };
        const cli = (argv: string[]) => runCli([...argv, '--endpoint-url', emulator.endpoint], { env });
        write();
        expect((await cli(['apply', manifests, '--auto-approve'])).exitCode).toBe(0);
        // Region us-east-1 added to the account's Tooling and DataLake and to its pool-0 entry, and
        // project pooled-4 placed there, in one edit.
        edit(desired, 'poolRegion', 7);
        write();
        const planFile = join(dir, 'plan.json');
        expect((await cli(['plan', manifests, '--out', planFile])).exitCode).toBe(0);
        const saved = JSON.parse(readFileSync(planFile, 'utf8')) as SavedPlan;
        // Today its dependsOn lists the two configurations only, not AccountPool/model-data/pool-0.
        expect(saved.changes.find((c) => c.address.name === 'pooled-4')?.action).toBe('create');
        // The pool's update is slowed (two throttled answers): the project must still come after it.
        emulator.control.setFaults([{ operation: 'UpdateAccountPool', throttlePct: 100, count: 2 }]);
        const run = await cli(['apply', manifests, '--plan', planFile, '--auto-approve']);
        expect(run.stdout).not.toMatch(/failed: /);
        expect(run.exitCode).toBe(0);
      } finally {
        await emulator.close();
      }
    },
  );

  it(
    '2: an interrupted apply with changes not started does not say "Apply complete"',
    { timeout: 60_000 },
    async () => {
      const seed = 7;
      const emulator = await startEmulator({ port: 0, seed, behaviour: { durations: INSTANT_DURATIONS } });
      try {
        const dir = mkdtempSync(join(tmpdir(), 'smus-finding-'));
        writeFileSync(
          join(dir, 'org.yaml'),
          yamlOf(
            generateBenchOrg(seed, MODEL_ORG_SIZE, 'model-data', seed),
            initialDesired(),
            'model-data',
            fixedAccountOf(seed),
          ),
        );
        let stop!: () => void;
        const interrupted = new Promise<void>((resolve) => (stop = resolve));
        const off = emulator.control.on('request', (event) => {
          if (event.mutating) stop();
        });
        const run = await runCli(['apply', dir, '--auto-approve', '--endpoint-url', emulator.endpoint], {
          env: { AWS_ACCESS_KEY_ID: 'AKIAEMULATORMODEL001', AWS_SECRET_ACCESS_KEY: 'finding' },
          interrupted,
        });
        off();
        expect(run.exitCode).toBe(1);
        expect(run.stdout).toMatch(/not started: /);
        expect(run.stdout).not.toMatch(/Apply complete/);
      } finally {
        await emulator.close();
      }
    },
  );
});
