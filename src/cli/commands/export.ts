/** `smus-gitops export --domain NAME [--studio-domains] [--assume-role-name NAME] --out DIR`: writes manifests from what is live (GitOps issue). */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `export`. */
export interface ExportCommandOptions {
  out: string;
  layout: 'per-kind' | 'per-resource';
  /** Also (or, without --domain, only) the Studio domains of the caller's account in the region. */
  studioDomains?: boolean;
  /** Role name to assume in each associated account, to export its blueprint configurations too. */
  assumeRoleName?: string;
  /** text: a summary for people; json: the result of docs/json-output.md. */
  format: 'text' | 'json';
}

/** Adds the `export` command. */
export const registerExportCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('export')
    .description('write manifests for everything live in a domain, so that plan over them shows no changes')
    .requiredOption('--out <dir>', 'directory to write the manifests to')
    .option('--layout <layout>', 'one file per kind (per-kind) or per resource (per-resource)', 'per-kind')
    .option(
      '--studio-domains',
      "also write the SageMaker AI Studio domains of the caller's account in the region",
    )
    .option(
      '--assume-role-name <name>',
      'role to assume in every associated account (arn:aws:iam::ACCOUNT:role/NAME) to export its blueprint configurations too',
    )
    .addOption(
      new Option('--format <format>', 'output: a summary (text) or the result as JSON (docs/json-output.md)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(async (options: ExportCommandOptions, command) => {
      const { runExport } = await import('../run/export-run.js');
      setExit(await runExport(options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
