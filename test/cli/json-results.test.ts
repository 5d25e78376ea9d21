/**
 * `apply --format json` and `export --format json` against the emulator: goldens of the
 * documented shapes (docs/json-output.md), with nothing but the JSON on stdout.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const EXAMPLE = resolve('manifests-example');

describe('JSON results', () => {
  it('apply --format json prints only the result; a second apply has nothing to apply', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    try {
      const args = ['apply', EXAMPLE, '--auto-approve', '--format', 'json', '--endpoint-url', emu.endpoint];
      const first = await runCli(args, { env: CLI_ENV });
      expect(first.stderr).toBe('');
      expect(first.exitCode).toBe(0);
      // Ids come from the emulator's random generator and the apply's concurrency: the golden
      // masks them, and they are checked against the ids a saved plan reads back instead.
      const ids = [...first.stdout.matchAll(/"id": "([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(ids).toHaveLength(18);
      await expect(first.stdout.replace(/"id": "[^"]+"/g, '"id": "<id>"')).toMatchFileSnapshot(
        '__golden__/apply-result.json',
      );
      const planFile = resolve(mkdtempSync(resolve(tmpdir(), 'smus-apply-ids-')), 'plan.json');
      const saved = await runCli(['plan', EXAMPLE, '--out', planFile, '--endpoint-url', emu.endpoint], {
        env: CLI_ENV,
      });
      expect(saved.exitCode).toBe(0);
      const live = (JSON.parse(readFileSync(planFile, 'utf8')) as { live: { id: string }[] }).live;
      const liveIds = new Set(live.map((l) => l.id));
      expect(ids.filter((id) => !liveIds.has(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      const second = await runCli(args, { env: CLI_ENV });
      expect(second.exitCode).toBe(0);
      expect(JSON.parse(second.stdout)).toEqual({
        formatVersion: 1,
        command: 'apply',
        status: 'nothingToApply',
        summary: { created: 0, updated: 0, replaced: 0, deleted: 0, failed: 0, notStarted: 0 },
        changes: [],
      });

      const cwd = mkdtempSync(resolve(tmpdir(), 'smus-export-json-'));
      const exported = await runCli(
        [
          'export',
          '--domain',
          'corp-data',
          '--out',
          'exported',
          '--format',
          'json',
          '--endpoint-url',
          emu.endpoint,
        ],
        { env: CLI_ENV, cwd },
      );
      expect(exported.exitCode).toBe(0);
      await expect(exported.stdout).toMatchFileSnapshot('__golden__/export-result.json');
    } finally {
      await emu.close();
    }
  }, 120_000);

  it('apply --format json without --auto-approve refuses (a prompt would corrupt the JSON)', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    try {
      const run = await runCli(['apply', EXAMPLE, '--format', 'json', '--endpoint-url', emu.endpoint], {
        env: CLI_ENV,
      });
      expect(run.exitCode).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('smus-gitops: apply --format json needs --auto-approve\n');
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  }, 60_000);
});
