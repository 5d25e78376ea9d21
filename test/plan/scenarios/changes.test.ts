/**
 * JSON-plan golden scenarios that change declared resources (issue 5): the base in sync, an update
 * of each mutable field, one more resource of each kind, and a replace for each immutable field,
 * all planned through the CLI against one emulator holding the applied base (planning changes
 * nothing, so the scenarios share it). Goldens: __golden__/<scenario>.json.
 */
import { describe, it } from 'vitest';
import { createReplaceScenarios } from './create-replace.js';
import { withBase } from './harness.js';
import { expectScenario } from './run-scenario.js';
import { updateScenarios } from './update.js';
import { useEmulatorClock } from '../../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withBase();

describe('plan: the applied base', () => {
  it('plans nothing (exit 0)', async () => {
    await expectScenario(emu(), ['base-in-sync', () => undefined, 0]);
  });
});
updateScenarios(emu);
createReplaceScenarios(emu);
