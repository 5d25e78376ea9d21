/**
 * The `export` command's body: read everything live in one domain (`--domain`) and write it as
 * manifests that `plan` finds in sync. Nothing is written unless the whole domain was read.
 */
import { resolve } from 'node:path';
import { buildExport, ExportError } from '../../export/build.js';
import { studioExport } from '../../export/studio-kinds.js';
import { associatedRoles, exportScope } from '../../export/scope.js';
import { layoutFiles, writeExport } from '../../export/write.js';
import { readLive } from '../../live/read-live.js';
import { ExitCode } from '../exit-codes.js';
import type { ExportCommandOptions } from '../commands/export.js';
import { connect } from '../connect.js';
import { shardDomains, type GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import { renderExportJson } from './result-json.js';

const DEFAULT_REGION = 'us-east-1';

/** The region to export from: `--region`, else the standard AWS variables, else us-east-1. */
export function exportRegion(globals: GlobalOptions, env: CliIo['env'], profileRegion?: string): string {
  return globals.region || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || profileRegion || DEFAULT_REGION;
}

/** What export cannot read from AWS; `reached`: whether associated accounts were read (--assume-role-name). */
function notExported(reached: boolean): string[] {
  const missing = ['reconcile policy'];
  // Without --assume-role-name, other accounts were not reached: their roles and configurations are missing.
  if (!reached)
    missing.push(
      'assumeRoleArn of associations',
      'blueprint configurations of other accounts (--assume-role-name)',
    );
  missing.push('globalParameters');
  return missing;
}

/** Runs `export`; returns the exit code. */
export async function runExport(
  options: ExportCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const domains = shardDomains(globals);
  if (domains.length > 1) {
    io.stderr(`smus-gitops: export reads one domain; --domain was given ${domains.length} times\n`);
    return ExitCode.Error;
  }
  const domain = domains[0];
  if (!domain && !options.studioDomains) {
    io.stderr('smus-gitops: export needs --domain NAME (the domain to export) and/or --studio-domains\n');
    return ExitCode.Error;
  }
  if (options.layout !== 'per-kind' && options.layout !== 'per-resource') {
    io.stderr(`smus-gitops: --layout must be per-kind or per-resource, not ${String(options.layout)}\n`);
    return ExitCode.Error;
  }
  const log = createLogger(io, globals.logLevel, globals.logFormat);
  // Export only reads: associated accounts are reached through their reader roles when declared.
  const connection = await connect(io, globals, { access: 'read' });
  const region = exportRegion(globals, io.env, connection.profileRegion);
  try {
    const studioDomains = options.studioDomains ?? false;
    const read = (roles?: ReadonlyMap<string, string>) =>
      readLive(exportScope(domain, region, { studioDomains, ...(roles ? { roles } : {}) }), {
        clients: connection.clients,
        log: (event) => log.debug(event),
        // The read's pacing and retry waits run on the injected clock, as plan's do (CliIo.timing).
        ...(io.timing ? { timing: io.timing } : {}),
      });
    let observation = await read();
    // The associated accounts are known only once the domain is read: read again, reaching into each.
    const roles =
      domain && options.assumeRoleName
        ? associatedRoles(observation.resources, domain, options.assumeRoleName)
        : new Map<string, string>();
    if (roles.size > 0) observation = await read(roles);
    const result = domain
      ? buildExport(observation, domain, observation.caller.account, roles)
      : { documents: [], warnings: [] };
    if (studioDomains) result.documents.push(...studioExport(observation));
    const what = [domain ? `domain ${domain}` : '', studioDomains ? 'Studio domains' : '']
      .filter(Boolean)
      .join(' and ');
    const outDir = resolve(io.cwd, options.out);
    const files = layoutFiles(result.documents, options.layout);
    await writeExport(outDir, files);
    for (const warning of result.warnings) io.stderr(`smus-gitops: warning: ${warning}\n`);
    const missing = notExported(roles.size > 0);
    if (options.format === 'json') {
      io.stdout(
        renderExportJson(
          {
            region,
            ...(domain ? { domain } : {}),
            studioDomains,
            out: options.out,
            layout: options.layout,
            files: files.map((f) => f.path),
            warnings: result.warnings,
            notExported: missing,
          },
          result.documents,
        ),
      );
      return ExitCode.Ok;
    }
    const count = result.documents.length;
    io.stdout(
      `Exported ${count} manifest${count === 1 ? '' : 's'} of ${what} (${region}) to ${options.out}:\n` +
        files.map((f) => `  ${f.path}\n`).join(''),
    );
    io.stdout(
      `Not exported (not readable from AWS): ${missing.join(', ')}. Each file's comments say where.\n`,
    );
    return ExitCode.Ok;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    io.stderr(`smus-gitops: export of ${domain ?? 'Studio domains'} failed: ${error.message}\n`);
    return ExitCode.Error;
  } finally {
    await connection.close();
  }
}
