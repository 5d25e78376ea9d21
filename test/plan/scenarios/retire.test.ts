/**
 * Retiring a project and its profile in one change (issue #13, finding 7): the tombstones carry
 * only their identity (no spec), validate, plan with the project's delete before the profile's,
 * apply, and a second plan has nothing left to do. Each case starts from its own applied base
 * because it applies. Goldens: __golden__/retire-<case>.json.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../helpers/emulator.js';
import { runCli, useEmulatorClock } from '../../helpers/cli.js';
import {
  doc,
  planJson,
  reconcile,
  remove,
  runOnDocs,
  startWithBase,
  transformed,
  writeDocs,
  type Doc,
  type Transform,
} from './harness.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

/** Replaces the document of `kind` with a tombstone that says nothing but who it is. */
function identityOnly(docs: Doc[], kind: string): void {
  const found = doc(docs, kind);
  const tombstone = {
    apiVersion: found.apiVersion,
    kind: found.kind,
    metadata: { ...found.metadata },
    lifecycle: { ensure: 'absent' },
  };
  docs.splice(docs.indexOf(found), 1, tombstone as unknown as Doc);
}

const CASES: readonly [name: string, transform: Transform][] = [
  [
    'retire-project-and-profile',
    (d) => {
      identityOnly(d, 'Project');
      identityOnly(d, 'ProjectProfile');
    },
  ],
  [
    // The profile's document is removed and the domain prunes profiles: deleted by prune.
    'retire-project-prune-profile',
    (d) => {
      identityOnly(d, 'Project');
      remove(d, 'ProjectProfile');
      reconcile(d).prune.push('ProjectProfile');
    },
  ],
];

describe('retire a project and its profile with identity-only tombstones', () => {
  let emu: TestEmulator;
  beforeEach(async () => {
    emu = await startWithBase();
  });
  afterEach(async () => {
    await emu.close();
  });

  it.each(CASES)(
    '%s: validates, plans the project first, applies, then plans no changes',
    async (name, transform) => {
      const docs = transformed(transform);
      const dir = writeDocs(docs);
      const validated = await runCli(['validate', dir]);
      rmSync(dir, { recursive: true, force: true });
      expect(validated.stdout).toMatch(/^\d+ documents in 1 file \(.*\): 0 errors, 0 warnings\n$/);
      expect(validated.exitCode).toBe(0);

      const planned = await planJson(docs, emu);
      expect(planned.stderr).toBe('');
      await expect(planned.stdout).toMatchFileSnapshot(`__golden__/${name}.json`);
      expect(planned.exitCode).toBe(2);
      const order = (
        JSON.parse(planned.stdout) as { changes: { action: string; address: { kind: string } }[] }
      ).changes
        .filter((c) => c.action === 'delete')
        .map((c) => c.address.kind);
      expect(order).toEqual(['Project', 'ProjectProfile']);

      const applied = await runOnDocs('apply', docs, emu, ['--auto-approve']);
      expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toContain(
        'Apply complete: 0 created, 0 updated, 0 replaced, 2 deleted; 0 failed',
      );

      emu.emulator.control.resetStats();
      const again = await runOnDocs('plan', docs, emu, ['--detailed-exitcode']);
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.stdout).toContain('No changes.');
      expect(emu.emulator.control.stats().mutating).toBe(0);
    },
  );
});
