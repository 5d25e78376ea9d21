/**
 * `--log-level debug` logs every AWS call of a plan as a structured event (operation, service,
 * account, region, request id, duration), through the SDK middleware of src/aws/instrument.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV } from '../helpers/emulator.js';

describe('per-call debug events', () => {
  it('a plan at --log-level debug logs each call with its operation and request id', async () => {
    const emu = await startTestEmulator();
    try {
      const base = ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--region', 'us-east-1'];
      const run = await runCli([...base, '--log-level', 'debug'], { env: CLI_ENV });
      expect(run.exitCode).toBe(0);
      const calls = run.stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((event) => event['msg'] === 'aws call');
      const operations = new Set(calls.map((c) => `${String(c['service'])}.${String(c['operation'])}`));
      expect(operations).toContain('DataZone.ListDomains');
      expect(operations).toContain('STS.GetCallerIdentity');
      for (const call of calls) {
        expect(call).toMatchObject({
          level: 20,
          account: 'home',
          outcome: expect.stringMatching(/^(ok|error)$/),
        });
        expect(call['requestId']).toMatch(/^[0-9a-f-]{36}$/);
        expect(call['region']).toMatch(/^[a-z]+-[a-z]+-\d$/);
        expect(call['durationMs']).toBeTypeOf('number');
        expect(call['attempts']).toBe(1);
      }
      // At the default level nothing of this is logged.
      const quiet = await runCli(base, { env: CLI_ENV });
      expect(quiet.stderr).toBe('');
    } finally {
      await emu.close();
    }
  }, 60_000);
});
