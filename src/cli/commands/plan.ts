/**
 * `smus-gitops plan [paths...] [--out FILE] [--format text|markdown|json] [--detailed-exitcode]`:
 * reads live state, diffs and prints the ordered plan. Makes no mutating call.
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `plan`. */
export interface PlanCommandOptions {
  /** Git ref whose protection stays in force (default: CI's target branch, else the upstream). */
  protectBase?: string;
  out?: string;
  format: 'text' | 'markdown' | 'json';
  detailedExitcode?: boolean;
  /** Create or edit the plan comment on the pull request (GitHub Actions). */
  githubComment?: boolean;
  /** Append the Markdown plan to this file (default: $GITHUB_STEP_SUMMARY when --github-comment). */
  summaryFile?: string;
}

/** Adds the `plan` command. */
export const registerPlanCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('plan')
    .description('compare the manifests with live state and print the ordered plan (no change is made)')
    .argument('[paths...]', 'files or directories holding manifests', ['.'])
    .option('--out <file>', 'also save the plan (JSON, with live fingerprints) for `apply --plan`')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .option('--detailed-exitcode', 'exit 2 when the plan has changes (0 when none)')
    .option('--github-comment', 'create or edit the one plan comment on the pull request')
    .option('--summary-file <path>', 'append the Markdown plan to this file (the job summary)')
    .option(
      '--protect-base <ref>',
      'git ref of the reviewed base whose protection also holds (default: origin/$GITHUB_BASE_REF in CI, else the upstream)',
    )
    .action(async (paths: string[], options: PlanCommandOptions, command) => {
      // Loaded on use: `validate` never pays for the AWS SDK.
      const { runPlan } = await import('../run/plan-run.js');
      setExit(await runPlan(paths, options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
