/**
 * `smus-gitops shards [paths...] [--format text|github-matrix]`: the workflow matrix of a large
 * organisation, one shard per rate-limit bucket, from the manifests alone (no AWS call); and
 * `smus-gitops plan-combine <plans...> [--matrix JSON|FILE]`: the shards' saved plans joined into
 * the one PR comment and job summary (docs/github.md, "Sharding across runners").
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `shards`. */
export interface ShardsCommandOptions {
  format: 'text' | 'github-matrix';
  /** Also write the matrix (JSON) here, for a workflow step to hand on as a job output. */
  out?: string;
}

/** Options of `plan-combine`. */
export interface PlanCombineCommandOptions {
  /** The matrix (`shards --format github-matrix`), as JSON text or a file: shards without a plan are named. */
  matrix?: string;
  format: 'text' | 'markdown' | 'json';
  detailedExitcode?: boolean;
  githubComment?: boolean;
  summaryFile?: string;
}

/** Adds the `shards` command. */
export const registerShardsCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('shards')
    .description('list the shards of a workflow matrix: one per rate-limit bucket (account and region)')
    .argument('[paths...]', 'files or directories holding manifests', ['.'])
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'github-matrix']).default('text'),
    )
    .option('--out <file>', 'also write the matrix (JSON, as --format github-matrix prints it) to this file')
    .action(async (paths: string[], options: ShardsCommandOptions) => {
      const { runShards } = await import('../run/shards-run.js');
      setExit(await runShards(paths, options, io));
    });
};

/** Adds the `plan-combine` command. */
export const registerPlanCombineCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('plan-combine')
    .description('join the saved plans of a sharded run into one plan, PR comment and job summary')
    .argument('<plans...>', 'saved plans (`plan --out`) or directories holding them (*.json)')
    .option(
      '--matrix <json-or-file>',
      'the matrix of `shards --format github-matrix`: shards without a plan are named',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .option('--detailed-exitcode', 'exit 2 when the combined plan has changes (0 when none)')
    .option('--github-comment', 'create or edit the one plan comment on the pull request')
    .option('--summary-file <path>', 'append the Markdown plan to this file (the job summary)')
    .action(async (plans: string[], options: PlanCombineCommandOptions, command) => {
      const { runPlanCombine } = await import('../run/plan-combine-run.js');
      setExit(await runPlanCombine(plans, options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
