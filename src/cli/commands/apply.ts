/**
 * `smus-gitops apply [paths...] | --plan FILE [--auto-approve] [--allow-replace]`: carries out a
 * plan. From paths it plans first; from a saved plan it re-reads what the plan touches and
 * refuses a stale plan. Without --auto-approve it asks on a terminal and refuses otherwise.
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `apply`. */
export interface ApplyCommandOptions {
  /** Git ref whose protection stays in force (default: CI's target branch, else the upstream). */
  protectBase?: string;
  plan?: string;
  autoApprove?: boolean;
  allowReplace?: boolean;
  concurrency: string;
  /** text: plan, progress and summary for people; json: only the result (docs/json-output.md). */
  format: 'text' | 'json';
  /** Overall deadline in seconds: waits and retries give up, nothing new starts. */
  timeout?: string;
}

/** Adds the `apply` command. */
export const registerApplyCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('apply')
    .description('carry out the plan: create, update, replace and delete live resources')
    .argument('[paths...]', 'files or directories holding manifests', ['.'])
    .option(
      '--plan <file>',
      'apply this saved plan (from `plan --out`), refusing it if live state changed since',
    )
    .option('--auto-approve', 'do not ask for confirmation')
    .option(
      '--allow-replace',
      'allow replacing resources whose immutable fields changed (delete, then create)',
    )
    .option(
      '--concurrency <n>',
      'changes in flight at once (the rate budgets pace the calls themselves)',
      '256',
    )
    .addOption(
      new Option(
        '--format <format>',
        'output: plan, progress and summary (text) or only the result as JSON (docs/json-output.md; needs --auto-approve)',
      )
        .choices(['text', 'json'])
        .default('text'),
    )
    .option(
      '--timeout <seconds>',
      'overall deadline: past it nothing new starts and every wait ends with a message (default 3600)',
    )
    .option(
      '--protect-base <ref>',
      'git ref of the reviewed base whose protection also holds (default: origin/$GITHUB_BASE_REF in CI, else the upstream)',
    )
    .action(async (paths: string[], options: ApplyCommandOptions, command) => {
      const { runApply } = await import('../run/apply-run.js');
      setExit(await runApply(paths, options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
