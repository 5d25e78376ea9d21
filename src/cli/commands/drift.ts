/**
 * `smus-gitops drift [paths...] [--format text|markdown|json]`: reads live state and reports
 * where it differs from the manifests (changed fields, missing or extra resources), the
 * unmanaged resources, and the write-only fields drift cannot see. Exit 0 in sync, 2 drift, 1 error.
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `drift`. */
export interface DriftCommandOptions {
  format: 'text' | 'markdown' | 'json';
  /** Keep one drift issue per domain open while drift lasts (GitHub Actions). */
  githubIssue?: boolean;
  /** Append the Markdown report to this file (the job summary). */
  summaryFile?: string;
}

/** Adds the `drift` command. */
export const registerDriftCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('drift')
    .description('report where live state differs from the manifests (no change is made)')
    .argument('[paths...]', 'files or directories holding manifests', ['.'])
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .option('--github-issue', 'open, update, close or reopen one drift issue per domain')
    .option('--summary-file <path>', 'append the Markdown report to this file (the job summary)')
    .action(async (paths: string[], options: DriftCommandOptions, command) => {
      const { runDrift } = await import('../run/drift-run.js');
      setExit(await runDrift(paths, options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
