/**
 * Read progress: counted from the per-call events, printed at most every interval (a short read
 * prints nothing), as a terminal line or an info log event; never in JSON output mode.
 */
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../src/aws/instrument.js';
import type { CliIo } from '../../src/cli/io.js';
import { callLogSettings } from '../../src/cli/logger.js';
import { PROGRESS_INTERVAL_MS, readProgress } from '../../src/cli/read-progress.js';

function call(operation: string, outcome: CallEvent['outcome'] = 'ok'): CallEvent {
  return { service: 'DataZone', operation, account: 'home', region: 'us-east-1', durationMs: 1, outcome };
}

describe('read progress', () => {
  it('prints a line per interval with what was read so far', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = readProgress({ line: (t) => lines.push(t) }, () => clock);
    progress.debug(call('ListDomains'), 'aws call');
    progress.debug(call('GetDomain'), 'aws call');
    expect(lines).toEqual([]);
    clock = PROGRESS_INTERVAL_MS;
    progress.debug(call('GetProject'), 'aws call');
    progress.debug(call('GetProject', 'error'), 'aws call');
    expect(lines).toEqual(['reading live state: 1 domains, 1 projects, 3 calls so far…\n']);
    clock += PROGRESS_INTERVAL_MS;
    progress.debug(call('GetProject'), 'aws call');
    expect(lines[1]).toBe('reading live state: 1 domains, 2 projects, 5 calls so far…\n');
  });

  it('goes to stderr on a terminal, to the info log elsewhere, and nowhere in JSON mode', () => {
    const io = (stderrIsTTY: boolean): CliIo & { err: string[] } => {
      const err: string[] = [];
      return {
        err,
        stdout: () => undefined,
        stderr: (t) => err.push(t),
        env: {},
        cwd: '.',
        isTTY: false,
        stderrIsTTY,
        interrupted: new Promise(() => undefined),
      };
    };
    const options = { logLevel: 'warn', logFormat: 'pretty' as const };
    expect(callLogSettings(io(false), options)).toEqual({});
    expect(callLogSettings(io(true), { ...options, format: 'json' })).toEqual({});
    expect(callLogSettings(io(true), options).callLog).toBeDefined();
    expect(callLogSettings(io(false), { ...options, logLevel: 'info' }).callLog).toBeDefined();
  });
});
