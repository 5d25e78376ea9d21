/**
 * Acceptance scenarios (test/acceptance/scenarios.ts), like Terraform's TF_ACC: with `SMUS_ACC=1`
 * they run against real AWS (docs/acceptance.md: cost, safety, what to set); without it that
 * block is skipped, saying so, and the same scenarios run against a local emulator, so they stay
 * type-checked and working. Every call is recorded as JSON lines (acceptance-records/).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenarios.js';
import { AGAINST_AWS, openTarget, type AcceptanceTarget } from './target.js';

if (!AGAINST_AWS) {
  console.warn(
    'acceptance against real AWS skipped: set SMUS_ACC=1, AWS credentials, AWS_REGION and SMUS_ACC_DOMAIN_ID (docs/acceptance.md)',
  );
}

describe.skipIf(!AGAINST_AWS)('acceptance against real AWS (SMUS_ACC=1)', () => {
  let target: AcceptanceTarget;
  beforeAll(async () => {
    target = await openTarget();
  });
  afterAll(async () => {
    await target?.close();
  });
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => scenario.run(target), 15 * 60_000);
  }
});

describe.skipIf(AGAINST_AWS)('acceptance scenarios against the emulator', () => {
  let target: AcceptanceTarget;
  // A record file asked for (SMUS_ACC_RECORD, to diff with an AWS run) is kept; otherwise a temp one.
  const kept = process.env.SMUS_ACC_RECORD;
  const file = kept ?? join(tmpdir(), `smus-acceptance-emulator-${process.pid}.jsonl`);
  beforeAll(async () => {
    if (!kept) rmSync(file, { force: true });
    process.env.SMUS_ACC_RECORD = file;
    target = await openTarget();
  });
  afterAll(async () => {
    await target?.close();
    if (!kept) {
      delete process.env.SMUS_ACC_RECORD;
      rmSync(file, { force: true });
    }
  });
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => scenario.run(target));
  }
  it('recorded every call with its answer, without credentials', () => {
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const calls = lines.map(
      (line) => JSON.parse(line) as { operation: string; status?: number; error?: object },
    );
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.some((c) => c.operation === 'CreateDomainUnit' && c.status === 201)).toBe(true);
    expect(calls.some((c) => c.operation === 'DeleteProjectProfile' && c.error !== undefined)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toMatch(/acceptance"|SecretAccessKey":"[^<]/);
  });
});
