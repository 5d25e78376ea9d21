/** `smus-gitops export --domain NAME [--studio-domains] --out DIR`: writes manifests from what is live (GitOps issue). */
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `export`. */
export interface ExportCommandOptions {
  out: string;
  layout: 'per-kind' | 'per-resource';
  /** Also (or, without --domain, only) the Studio domains of the caller's account in the region. */
  studioDomains?: boolean;
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
    .action(async (options: ExportCommandOptions, command) => {
      const { runExport } = await import('../run/export-run.js');
      setExit(await runExport(options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
