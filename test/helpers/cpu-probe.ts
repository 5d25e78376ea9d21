/**
 * Opt-in measurement of where the suite's time goes (issue 18): with SMUS_TEST_CPU_LOG=<file> set,
 * vitest.config.ts runs this before each test file, and it appends `<cpu ms> <wall ms> <path>` to
 * that file: the file's CPU time in its worker (user + system; the in-process emulator included,
 * child processes not) and its wall time. CPU time is load-robust where wall time is not: on a
 * shared 2-core machine CPU tells what a file costs, wall minus CPU roughly what it waited.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

// Taken when vitest runs this setup file, before it imports the test file: the import counts too.
const cpu = process.cpuUsage();
const wall = performance.now();
afterAll(() => {
  const used = process.cpuUsage(cpu);
  const file = expect.getState().testPath ?? 'unknown';
  const line = `${Math.round((used.user + used.system) / 1000)} ${Math.round(performance.now() - wall)} ${file}\n`;
  appendFileSync(process.env.SMUS_TEST_CPU_LOG ?? 'smus-test-cpu.log', line);
});
