/**
 * The GitHub Action's entry point (bundled by action/build.mjs into action/dist/index.js, which
 * action.yml runs with `using: node24`). It reads the inputs from the INPUT_* variables the
 * runner sets, runs one CLI command in-process with the arguments as an array (never through a
 * shell, so a value from a pull request cannot inject a command), and reports the exit code as
 * the `exit-code` output. Being one prebuilt file, the action starts in well under a second:
 * nothing is installed or compiled in the job.
 */
import { appendFileSync } from 'node:fs';
import { main } from '../src/cli/main.js';

const COMMANDS = new Set([
  'validate',
  'plan',
  'apply',
  'drift',
  'export',
  'iam-policy',
  'shards',
  'plan-combine',
]);

/** An input as the runner passes it: INPUT_<NAME upper-cased>, spaces as underscores, trimmed. */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Writes a step output through the GITHUB_OUTPUT file (heredoc-free: the value is one line). */
function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT'];
  if (file) appendFileSync(file, `${name}=${value}\n`);
}

async function run(): Promise<number> {
  const command = input('command');
  if (!COMMANDS.has(command)) {
    // The command name is echoed as data, escaped so it cannot form a workflow command of its own.
    const shown = command.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::error::smus-gitops action: unknown command '${shown}'\n`);
    return 1;
  }
  const args = (process.env['INPUT_ARGS'] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const directory = input('working-directory');
  if (directory) process.chdir(directory);
  const code = await main([command, ...args]);
  setOutput('exit-code', String(code));
  const ok = input('ok-exit-codes').split(/\s+/).filter(Boolean);
  return (ok.length === 0 ? ['0'] : ok).includes(String(code)) ? 0 : code;
}

process.exitCode = await run();
