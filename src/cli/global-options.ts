/**
 * The global options of DESIGN §7, shared by every command that talks to AWS. Commander keeps
 * them on the root program; commands read them with `optsWithGlobals()`.
 */
import { Option, type Command } from 'commander';

/** Values of the global options. */
export interface GlobalOptions {
  local?: boolean;
  endpointUrl?: string;
  region?: string;
  /** AWS profile of the shared config/credentials files: credentials and default region. */
  profile?: string;
  /** Only these domains (`--domain`, repeatable): one shard of a workflow matrix (`shards`). */
  domain?: string[];
  /** Only the Studio domains (`--studio`): the shard that keeps them when `--domain` shards the rest. */
  studio?: boolean;
  /** Plan only what changed since this git ref (`--changed-since`, plan/changed.ts). */
  changedSince?: string;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  color: boolean;
}

/** Adds the global options to the root program. */
export function addGlobalOptions(program: Command): void {
  program
    .option('--local', 'use the embedded emulator, with state kept in .smus-gitops/ of the current directory')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (as the AWS CLI does)')
    .option('--region <region>', 'region for calls not tied to a manifest region')
    .option('--profile <name>', 'AWS profile for credentials and the default region (as the AWS CLI does)')
    .option(
      '--domain <name>',
      'only this domain; repeat for several (lets a workflow matrix shard a large organisation, see `shards`)',
      (name: string, previous: string[] | undefined) => [...(previous ?? []), name],
    )
    .option(
      '--studio',
      'only the Studio domains: the shard beside the --domain shards, so no kind is left out',
    )
    .option(
      '--changed-since <ref>',
      'plan only the documents changed since this git ref, and what they reference (a pull request plan)',
    )
    .addOption(
      new Option('--log-level <level>', 'structured log level on stderr')
        .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
        .default('warn'),
    )
    .addOption(new Option('--log-format <format>', 'log format').choices(['json', 'pretty']).default('json'))
    .option('--no-color', 'never colour the output');
}

/** The domains a `--domain` shard keeps, sorted and without repeats (empty: no `--domain`). */
export function shardDomains(globals: Pick<GlobalOptions, 'domain'>): string[] {
  return [...new Set(globals.domain ?? [])].sort();
}

/**
 * The key of a shard's own PR comment and failure issue: the domain for a one-domain shard (as
 * before `--domain` could repeat), the domains joined by `+` for several, none without `--domain`.
 */
export function shardKey(globals: Pick<GlobalOptions, 'domain'>): string | undefined {
  const domains = shardDomains(globals);
  return domains.length === 0 ? undefined : domains.join('+');
}
