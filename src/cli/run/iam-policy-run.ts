/**
 * The `iam-policy` command's body. Without `--studio-domain`: the tool's own least-privilege
 * policy for `--mode plan|apply`, generated from the operation table. The account in its ARNs is
 * the caller's (STS GetCallerIdentity) when an endpoint is given (`--local`, `--endpoint-url`),
 * else `*`: printing a policy must not need AWS credentials (it is usually printed before the
 * role exists). With `--studio-domain NAME...`: the isolation policy of those live Studio domains.
 */
import { buildTrustPolicy, renderTrustPolicy } from '../../iam/trust-policy.js';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { renderPolicy } from '../../iam/policy-document.js';
import { buildStudioIsolationPolicy } from '../../iam/studio-isolation.js';
import { readStudioDomainFacts, StudioDomainLookupError } from '../../iam/studio-domains.js';
import { declaredStudioFacts, studioManifestNamed } from '../../iam/studio-manifest-facts.js';
import { buildToolPolicy } from '../../iam/tool-policy.js';
import { loadManifests } from '../../validate/load-manifests.js';
import { formatDiagnosticText } from '../../render/diagnostics.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { IamPolicyCommandOptions } from '../commands/iam-policy.js';
import { connect } from '../connect.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';

// As the live reader does when nothing names a region.
const FALLBACK_REGION = 'us-east-1';

/** The region for calls no manifest places: --region, then the SDK's environment variables, then the profile's. */
export function commandRegion(globals: GlobalOptions, io: CliIo, profileRegion?: string): string {
  return (
    globals.region ?? io.env['AWS_REGION'] ?? io.env['AWS_DEFAULT_REGION'] ?? profileRegion ?? FALLBACK_REGION
  );
}

async function callerAccount(globals: GlobalOptions, io: CliIo): Promise<string> {
  if (!globals.local && !globals.endpointUrl) return '*';
  const connection = await connect(io, globals);
  try {
    const out = await connection.clients
      .home(commandRegion(globals, io, connection.profileRegion))
      .sts.send(new GetCallerIdentityCommand({}));
    return out.Account ?? '*';
  } catch (error) {
    // The policy is still useful unscoped; say why the account is a wildcard.
    io.stderr(
      `smus-gitops: GetCallerIdentity failed (${(error as Error).message}); the account is left as *\n`,
    );
    return '*';
  } finally {
    await connection.close();
  }
}

async function studioPolicy(
  names: readonly string[],
  manifestPaths: readonly string[] | undefined,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const declared = manifestPaths && (await loadManifests(manifestPaths, io.cwd));
  if (declared) {
    for (const d of declared.diagnostics)
      if (d.severity !== 'note') io.stderr(`${formatDiagnosticText(d)}\n`);
    if (hasErrors(declared.diagnostics)) return ExitCode.Error;
  }
  const connection = await connect(io, globals);
  try {
    const domains = [];
    for (const name of new Set(names)) {
      if (!declared) {
        domains.push(
          await readStudioDomainFacts(
            connection.clients.home(commandRegion(globals, io, connection.profileRegion)),
            name,
          ),
        );
        continue;
      }
      const manifests = declared.documents.map((d) => d.manifest);
      const manifest = studioManifestNamed(manifests, name, globals.region);
      const live = await readStudioDomainFacts(connection.clients.home(manifest.spec.region), name);
      domains.push(declaredStudioFacts(manifest, live));
    }
    const publicOnes = domains.filter((d) => d.appNetworkAccessType !== 'VpcOnly').map((d) => d.name);
    if (publicOnes.length > 0 && publicOnes.length < domains.length) {
      io.stderr(
        `smus-gitops: the VpcOnly denies also bind the users of ${publicOnes.join(', ')} (PublicInternetOnly)\n`,
      );
    }
    io.stdout(renderPolicy(buildStudioIsolationPolicy(domains)));
    return ExitCode.Ok;
  } catch (error) {
    if (!(error instanceof StudioDomainLookupError)) throw error;
    io.stderr(`smus-gitops: ${error.message}\n`);
    return ExitCode.Error;
  } finally {
    await connection.close();
  }
}

/** Runs `iam-policy`; returns the exit code. */
export async function runIamPolicy(
  options: IamPolicyCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  if (options.studioDomain && options.studioDomain.length > 0)
    return studioPolicy(options.studioDomain, options.manifests, globals, io);
  const account = await callerAccount(globals, io);
  if (options.trust) {
    const trust = buildTrustPolicy(options.mode, {
      // A trust policy's principal cannot hold a wildcard account: a placeholder to replace.
      toolAccount: account === '*' ? 'ACCOUNT_ID' : account,
      repository: options.githubRepository ?? io.env['GITHUB_REPOSITORY'] ?? 'OWNER/REPO',
      environment: options.environment,
      ...(options.externalId ? { externalId: options.externalId } : {}),
    });
    io.stdout(renderTrustPolicy(trust));
    return ExitCode.Ok;
  }
  // The reader and deployer policies are attached in the other accounts: their own resources are
  // any account's (`*`), the DataZone domains those of the domain account (the caller's).
  const assumed = options.mode === 'reader' || options.mode === 'deployer';
  io.stdout(
    renderPolicy(buildToolPolicy(options.mode, { account: assumed ? '*' : account, domainAccount: account })),
  );
  return ExitCode.Ok;
}
