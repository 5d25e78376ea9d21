/** The `emulator` command's --fail-deployments / --fail-project-lifecycle flags (repeatable JSON). */
import { describe, expect, it } from 'vitest';
import { emulatorOptions } from '../../src/cli/commands/emulator.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const base = { port: 0, host: '127.0.0.1', rateLimits: 'off' as const, rateLimitScale: 1, seed: 1 };

describe('emulator project fault flags', () => {
  it('maps the flags to the project fault specs', () => {
    const options = emulatorOptions(
      {
        ...base,
        failDeployments: [{ projects: ['a'], status: 'FAILED_DEPLOYMENT', count: 1 }],
        failProjectLifecycle: [{ status: 'DELETE_FAILED' }],
      },
      '/tmp',
    );
    expect(options.projectFaults).toEqual({
      deployments: [{ projects: ['a'], status: 'FAILED_DEPLOYMENT', count: 1 }],
      lifecycle: [{ status: 'DELETE_FAILED' }],
    });
    expect(emulatorOptions(base, '/tmp').projectFaults).toBeUndefined();
  });

  it('refuses a spec with an unknown status', () => {
    expect(() => emulatorOptions({ ...base, failDeployments: [{ status: 'NOPE' }] }, '/tmp')).toThrow(
      /status must be one of/,
    );
  });

  it('refuses a flag that is not JSON (exit 1)', async () => {
    const err: string[] = [];
    const io: CliIo = {
      cwd: '/tmp',
      env: {},
      isTTY: false,
      stdout: () => undefined,
      stderr: (text) => err.push(text),
      interrupted: new Promise<void>(() => undefined),
    };
    expect(await main(['emulator', '--fail-deployments', '{nope'], io)).toBe(1);
    expect(err.join('')).toContain('expected JSON');
  });
});
