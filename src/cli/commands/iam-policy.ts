/**
 * `smus-gitops iam-policy [--mode plan|apply] [--studio-domain NAME ...]`: prints the
 * least-privilege IAM policy for the tool, or the isolation policy of live Studio domains.
 */
import { Option } from 'commander';
import type { CommandRegistrar } from '../main.js';
import type { GlobalOptions } from '../global-options.js';

/** Options of `iam-policy`. */
export interface IamPolicyCommandOptions {
  mode: 'plan' | 'apply' | 'reader' | 'deployer';
  studioDomain?: string[];
  /** Print the role's trust policy instead of its permissions. */
  trust?: boolean;
  githubRepository?: string;
  environment: string;
  externalId?: string;
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
      new Option(
        '--mode <mode>',
        'whose policy: the plan or apply role, or the reader or deployer role assumed in other accounts',
      )
        .choices(['plan', 'apply', 'reader', 'deployer'])
        .default('apply'),
    )
    .option('--trust', "print the role's trust policy instead of its permissions")
    .option(
      '--github-repository <owner/repo>',
      'repository whose workflows assume the plan and apply roles (trust)',
    )
    .option(
      '--environment <name>',
      'protected GitHub environment the apply job runs in (trust)',
      'production',
    )
    .option('--external-id <id>', 'ExternalId the reader and deployer roles require (trust)')
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
