/**
 * `smus-gitops emulator`: serves the local AWS API emulator until interrupted (SIGINT/SIGTERM),
 * then closes it, flushing the state file. Prints one line with the endpoint to stdout.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { ExitCode } from '../exit-codes.js';
import type { EmulatorOptions } from '../../emulator/server.js';
import { parseProjectFaults } from '../../emulator/knobs/project-faults.js';

interface EmulatorCommandOptions {
  port: number;
  host: string;
  state?: string;
  account?: string;
  externalAccounts?: string[];
  latencyMs?: number;
  jitterMs?: number;
  rateLimits: 'documented' | 'off';
  rateLimitScale: number;
  pageSize?: number;
  maxPageSize?: number;
  seed: number;
  failDeployments?: unknown[];
  failProjectLifecycle?: unknown[];
}

function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a non-negative number');
  return n;
}

function positiveNumber(value: string): number {
  const n = nonNegativeNumber(value);
  if (n === 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function integer(value: string): number {
  const n = nonNegativeNumber(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

function accountId(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError('expected a 12-digit account id');
  return value;
}

function accountIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .map(accountId);
}

/** A JSON spec or list of specs (repeatable: each use adds to the list). */
function jsonSpecs(value: string, previous: unknown[] | undefined): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('expected JSON: a spec object or a list of them');
  }
  return [...(previous ?? []), ...(Array.isArray(parsed) ? parsed : [parsed])];
}

function rateLimits(value: string): 'documented' | 'off' {
  if (value !== 'documented' && value !== 'off') throw new InvalidArgumentError('expected documented or off');
  return value;
}

/** Maps the command's options to EmulatorOptions (exported for tests). */
export function emulatorOptions(options: EmulatorCommandOptions, cwd: string): EmulatorOptions {
  const behaviour: EmulatorOptions['behaviour'] = {};
  if (options.account) behaviour.homeAccountId = options.account;
  if (options.externalAccounts) behaviour.externalAccountIds = options.externalAccounts;
  if (options.pageSize !== undefined) behaviour.defaultPageSize = options.pageSize;
  if (options.maxPageSize !== undefined) behaviour.maxPageSize = options.maxPageSize;
  const latency =
    options.latencyMs !== undefined || options.jitterMs !== undefined
      ? { fixedMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 }
      : undefined;
  const projectFaults =
    options.failDeployments || options.failProjectLifecycle
      ? parseProjectFaults({
          ...(options.failDeployments ? { deployments: options.failDeployments } : {}),
          ...(options.failProjectLifecycle ? { lifecycle: options.failProjectLifecycle } : {}),
        })
      : undefined;
  return {
    projectFaults,
    port: options.port,
    host: options.host,
    statePath: options.state ? resolve(cwd, options.state) : undefined,
    behaviour,
    latency,
    rateLimits: options.rateLimits,
    rateLimitScale: options.rateLimitScale,
    seed: options.seed,
  };
}

/** Adds the `emulator` command. */
export const registerEmulatorCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('emulator')
    .description('serve the local AWS API emulator (DataZone, RAM, SageMaker, STS) until interrupted')
    .option('--port <n>', 'port to listen on (0 = random free port)', integer, 0)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--state <file>', 'persist the emulated world to this file')
    .option(
      '--account <id>',
      'home account of credentials not issued by the emulator (default 111122223333)',
      accountId,
    )
    .option('--external-accounts <ids>', 'comma-separated accounts outside the organisation', accountIds)
    .option('--latency-ms <n>', 'fixed latency added to every request', nonNegativeNumber)
    .option('--jitter-ms <n>', 'random extra latency (seeded)', nonNegativeNumber)
    .option('--rate-limits <mode>', 'per-operation TPS limits: documented or off', rateLimits, 'off')
    .option('--rate-limit-scale <x>', 'multiply every TPS limit', positiveNumber, 1)
    .option('--page-size <n>', 'default page size of list operations', integer)
    .option('--max-page-size <n>', 'largest page of any list, whatever maxResults asks for', integer)
    .option('--seed <n>', 'seed of ids, jitter and faults', integer, 1)
    .option(
      '--fail-deployments <json>',
      'fail project deployments: {"projects":["name"|"*"],"status":"FAILED_DEPLOYMENT"|"FAILED_VALIDATION","count":N}',
      jsonSpecs,
    )
    .option(
      '--fail-project-lifecycle <json>',
      'fail project updates/deletions: {"projects":[...],"status":"UPDATE_FAILED"|"DELETE_FAILED","count":N}',
      jsonSpecs,
    )
    .action(async (options: EmulatorCommandOptions) => {
      const emulatorOpts = emulatorOptions(options, io.cwd);
      // Loaded on use: other commands never pay for the emulator's code and tables.
      const { startEmulator } = await import('../../emulator/server.js');
      const emulator = await startEmulator(emulatorOpts);
      io.stdout(
        `smus-gitops emulator listening on ${emulator.endpoint} (state: ${emulatorOpts.statePath ?? 'in memory'})\n`,
      );
      await io.interrupted;
      await emulator.close();
      setExit(ExitCode.Ok);
    });
};
