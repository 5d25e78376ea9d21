/**
 * One golden scenario: plan the transformed base against an emulator through the CLI, compare the
 * JSON (with id placeholders) with `__golden__/<name>.json`, check the exit code, and check that
 * planning made no mutating call.
 */
import { expect } from 'vitest';
import type { TestEmulator } from '../../helpers/emulator.js';
import { planJson, transformed, type Transform } from './harness.js';

/** A row of a scenario table: golden name, transformation of the base, expected exit code. */
export type Scenario = readonly [name: string, transform: Transform, exit: 0 | 1 | 2 | 3];

/** Runs the scenario and asserts golden, exit code, stderr (empty unless given) and zero mutating calls. */
export async function expectScenario(
  emu: TestEmulator,
  [name, transform, exit]: Scenario,
  stderr = '',
): Promise<void> {
  emu.emulator.control.resetStats();
  const run = await planJson(transformed(transform), emu);
  expect(run.stderr).toBe(stderr);
  // Golden paths resolve against the calling test file, which lives next to __golden__/.
  await expect(run.stdout).toMatchFileSnapshot(`__golden__/${name}.json`);
  expect(run.exitCode).toBe(exit);
  expect(emu.emulator.control.stats().mutating).toBe(0);
}
