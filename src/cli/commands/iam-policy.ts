/**
 * `smus-gitops iam-policy [--mode plan|apply] [--studio-domain NAME ...]`: prints the
 * least-privilege IAM policy for the tool, or the isolation policy of live Studio domains.
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `iam-policy`. */
export interface IamPolicyCommandOptions {
  mode: 'plan' | 'apply';
  studioDomain?: string[];
  /** Manifest paths: the isolation policy enforces the declared network of the named StudioDomains. */
  manifests?: string[];
}

/** Adds the `iam-policy` command. */
export const registerIamPolicyCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('iam-policy')
    .description(
      'print the least-privilege IAM policy for the tool, or the isolation policy of Studio domains',
    )
    .addOption(
      new Option('--mode <mode>', 'what the policy allows').choices(['plan', 'apply']).default('apply'),
    )
    .option('--studio-domain <name...>', 'print the isolation policy of these live Studio domains instead')
    .option(
      '--manifests <path...>',
      'with --studio-domain: take the network from these StudioDomain manifests (the ARN stays live)',
    )
    .action(async (options: IamPolicyCommandOptions, command) => {
      const { runIamPolicy } = await import('../run/iam-policy-run.js');
      setExit(await runIamPolicy(options, command.optsWithGlobals() as GlobalOptions, io));
    });
};
