/** `smus-gitops emulator`: serves until interrupted, prints its endpoint, flushes state, exits 0. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { emulatorOptions } from '../../../src/cli/commands/emulator.js';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/io.js';

function fakeIo(cwd: string) {
  let interrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    interrupt = resolve;
  });
  const out: string[] = [];
  const err: string[] = [];
  let onLine: (line: string) => void = () => {};
  const io: CliIo = {
    stdout: (text) => {
      out.push(text);
      onLine(text);
    },
    stderr: (text) => err.push(text),
    env: {},
    cwd,
    isTTY: false,
    interrupted,
  };
  const firstLine = new Promise<string>((resolve) => {
    onLine = resolve;
  });
  return { io, out, err, interrupt, firstLine };
}

describe('emulator command', () => {
  it('serves with the given options until interrupted, then flushes the state file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'smus-cli-emulator-'));
    const { io, out, err, interrupt, firstLine } = fakeIo(cwd);
    const exit = main(
      ['emulator', '--port', '0', '--state', 'state.json', '--account', '999988887777', '--seed', '7'],
      io,
    );
    const line = await firstLine;
    const match = /^smus-gitops emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(state: (.+)\)\n$/.exec(
      line,
    );
    expect(match?.[2]).toBe(join(cwd, 'state.json'));
    const sts = new STSClient({
      endpoint: match?.[1],
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAX', secretAccessKey: 's' },
      maxAttempts: 1,
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('999988887777');
    sts.destroy();
    interrupt();
    expect(await exit).toBe(0);
    expect(out).toHaveLength(1);
    expect(err).toEqual([]);
    expect(JSON.parse(readFileSync(join(cwd, 'state.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('rejects malformed options with exit 1', async () => {
    const { io, err } = fakeIo(tmpdir());
    expect(await main(['emulator', '--rate-limits', 'sometimes'], io)).toBe(1);
    expect(err.join('')).toContain('expected documented or off');
    expect(await main(['emulator', '--account', '12'], fakeIo(tmpdir()).io)).toBe(1);
  });
});

describe('emulator command options', () => {
  it('maps --page-size and --max-page-size to the behaviour', () => {
    const base = { port: 0, host: '127.0.0.1', rateLimits: 'off' as const, rateLimitScale: 1, seed: 1 };
    expect(emulatorOptions({ ...base, pageSize: 5, maxPageSize: 2 }, '/tmp').behaviour).toEqual({
      defaultPageSize: 5,
      maxPageSize: 2,
    });
    expect(emulatorOptions(base, '/tmp').behaviour).toEqual({});
  });
});
