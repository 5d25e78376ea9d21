/**
 * The shared front half of `plan`, `drift` and `apply`: load and validate the manifests, connect,
 * read live state, and build the plan. Errors a user can fix come back as an exit code with the
 * reason already printed; nothing here mutates anything.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { formatDiagnosticText } from '../../render/diagnostics.js';
import { sanitizeLine } from '../../render/plan-values.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { loadManifests, type LoadResult } from '../../validate/load-manifests.js';
import { readLive } from '../../live/read-live.js';
import type { Observation, ReadScope } from '../../live/types.js';
import { readDependents } from '../../live/dependents.js';
import { addFindings } from '../../plan/findings.js';
import { buildPlanDetailed } from '../../plan/planner.js';
import { destroys } from '../../plan/safety.js';
import { protectedAtBase } from '../../plan/base-protection.js';
import { dependentsPreflight, dependentsRequest } from '../../plan/preflight.js';
import { readScope } from '../../plan/scope.js';
import { changeScope, changeScopeText, type ChangeScope } from '../../plan/changed.js';
import { identityKey } from '../../model/identity.js';
import { loadChangedSince } from './changed-since.js';
import { shardDocuments } from '../../plan/shards.js';
import { studioAccountGuard } from '../../plan/studio-guard.js';
import type { Plan } from '../../plan/types.js';
import { connect, type Connection } from '../connect.js';
import { declaredRoles } from '../../model/roles.js';
import { loadBaseProtection } from './protect-base.js';
import { ExitCode } from '../exit-codes.js';
import { shardDomains, type GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';

/** A plan and everything that produced it. */
export interface PlanRun {
  loaded: LoadResult;
  scope: ReadScope;
  observation: Observation;
  plan: Plan;
  connection: Connection;
}

/** sha256 hex of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Loads, reads and plans; returns the run, or the exit code after printing why it stopped. */
export async function makePlan(
  paths: readonly string[],
  globals: GlobalOptions,
  io: CliIo,
  log: Logger,
  // Plan and drift only read, so they reach other accounts through the declared reader roles;
  // apply passes 'write' (its deployer roles trust only the apply role).
  access: 'read' | 'write' = 'read',
  /** `plan` and `apply`: also hold to the protection of the reviewed base (`--protect-base`, else CI's target branch or the upstream). */
  base?: { protectBase?: string; changedSinceCommit?: string },
): Promise<PlanRun | { exit: number }> {
  const loaded = await loadManifests(paths.length > 0 ? paths : ['.'], io.cwd);
  for (const d of loaded.diagnostics) {
    if (d.severity === 'note') log.debug({ code: d.code }, formatDiagnosticText(d));
    else io.stderr(`${formatDiagnosticText(d)}\n`);
  }
  if (hasErrors(loaded.diagnostics)) return { exit: ExitCode.Error };
  const onlyDomains = shardDomains(globals);
  for (const name of onlyDomains) {
    if (!loaded.documents.some((d) => d.manifest.kind === 'Domain' && d.manifest.metadata.name === name)) {
      io.stderr(`smus-gitops: --domain ${name}: no Domain manifest has that name\n`);
      return { exit: ExitCode.Error };
    }
  }
  if (onlyDomains.length > 0 && globals.studio) {
    io.stderr('smus-gitops: --domain and --studio are two different shards; give one of them\n');
    return { exit: ExitCode.Error };
  }
  const documents = shardDocuments(loaded.documents, {
    domains: onlyDomains,
    studio: globals.studio ?? false,
  });
  const baseOptions = { paths: paths.length > 0 ? paths : ['.'], cwd: io.cwd, env: io.env };
  // An explicit --protect-base is read now: a ref git cannot read is an error before any call.
  const explicitBase = base?.protectBase
    ? await loadBaseProtection({ ...baseOptions, explicit: base.protectBase })
    : undefined;
  if (explicitBase && 'error' in explicitBase) {
    io.stderr(`smus-gitops: ${explicitBase.error}\n`);
    return { exit: ExitCode.Error };
  }
  if (globals.changedSince && (onlyDomains.length > 0 || globals.studio)) {
    io.stderr('smus-gitops: --changed-since and --domain/--studio are different scopes; give one of them\n');
    return { exit: ExitCode.Error };
  }
  // A saved scoped plan is re-derived against the commit it was made from, not where the ref is now.
  const changed: { ref: string; commit: string; scope: ChangeScope } | undefined = globals.changedSince
    ? await (async () => {
        const ref = globals.changedSince!;
        const at = await loadChangedSince(
          base?.changedSinceCommit ?? ref,
          paths.length > 0 ? paths : ['.'],
          io.cwd,
        );
        return {
          ref,
          commit: at.commit,
          scope: changeScope(at.documents, loaded.documents, ref, loaded.deferred),
        };
      })()
    : undefined;
  const scope = changed ? changed.scope.scope : readScope(documents, onlyDomains, loaded.documents);
  const connection = await connect(io, globals, { access });
  connection.clients.declareRoles(declaredRoles(loaded.documents.map((d) => d.manifest)));
  try {
    const observation = await readLive(scope, {
      clients: connection.clients,
      log: (event) => log.debug(event),
      // The read's pacing and retry waits run on the injected clock, as apply's do (CliIo.timing).
      ...(io.timing ? { timing: io.timing } : {}),
    });
    for (const failure of observation.failures) {
      io.stderr(
        sanitizeLine(`smus-gitops: ${failure.operation} failed for ${failure.scope}: ${failure.message}`) +
          '\n',
      );
    }
    for (const domain of scope.domains) {
      if (domain.account && observation.caller.account && domain.account !== observation.caller.account) {
        io.stderr(
          `smus-gitops: Domain ${domain.name} declares account ${domain.account}, but the credentials are of account ${observation.caller.account}; refusing to act\n`,
        );
        await connection.close();
        return { exit: ExitCode.Error };
      }
    }
    const studioGuard = studioAccountGuard(documents, observation);
    for (const d of studioGuard) io.stderr(`${formatDiagnosticText(d)}\n`);
    if (studioGuard.length > 0) {
      await connection.close();
      return { exit: ExitCode.Error };
    }
    const only = changed?.scope.only;
    const planInput = {
      documents: changed ? changed.scope.documents : documents,
      observation,
      // A scoped plan answers for the references of what it plans, which it read; not for the rest.
      deferred: only ? loaded.deferred.filter((r) => only.has(identityKey(r.from))) : loaded.deferred,
      ...(only ? { only } : {}),
      digest: sha256,
    };
    let { plan, preflight } = buildPlanDetailed({
      ...planInput,
      ...(explicitBase ? { base: explicitBase } : {}),
    });
    // The default base (CI's target branch, else the upstream) protects only against deletes and
    // replaces, so it is read from git only when the plan has one: a plan without any is the same
    // with it, and reading it costs a git process per manifest file and a full parse of each. The
    // plan is built again with it only when it protects one of them (else it refuses nothing).
    if (base && !base.protectBase && plan.changes.some(destroys)) {
      const defaultBase = await loadBaseProtection(baseOptions);
      if (
        defaultBase &&
        !('error' in defaultBase) &&
        plan.changes.some((c) => destroys(c) && protectedAtBase(defaultBase, c.address) !== undefined)
      )
        ({ plan, preflight } = buildPlanDetailed({ ...planInput, base: defaultBase }));
    }
    // What apply would otherwise find half-way (missing members, deletes of what is in use) needs a targeted read.
    const request = dependentsRequest(preflight);
    if (request.principals.length + request.projects.length + request.profiles.length > 0) {
      const facts = await readDependents(request, {
        clients: connection.clients,
        log: (event) => log.debug(event),
        ...(io.timing ? { timing: io.timing } : {}),
      });
      addFindings(plan, dependentsPreflight(preflight, facts), sha256);
    }
    const warnings = loaded.diagnostics
      .filter((d) => d.severity === 'warning')
      .map(
        (d) =>
          `${d.code} ${d.message}${d.location ? ` (${d.location.file}:${d.location.start.line}:${d.location.start.col})` : ''}`,
      );
    plan.notes = [...warnings, ...(changed?.scope.notes ?? []), ...plan.notes];
    if (changed) {
      plan.scope = changeScopeText(changed.scope, changed.ref);
      plan.changedSince = { ref: changed.ref, commit: changed.commit };
    }
    if (globals.studio)
      plan.scope =
        'Studio domains only (--studio): DataZone domains and their contents were not read, and none is listed as unmanaged or pruned';
    if (onlyDomains.length > 0) plan.scope = domainScope(onlyDomains);
    return { loaded, scope, observation, plan, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** The header of a `--domain` shard's plan: what it did not read, so its "No changes" never reads as whole. */
function domainScope(domains: readonly string[]): string {
  if (domains.length === 1) {
    const [one] = domains;
    return `domain ${one} only (--domain): other domains, their contents and Studio domains were not read, and nothing outside ${one} is listed as unmanaged or pruned`;
  }
  const list = domains.join(', ');
  return `domains ${list} only (--domain): other domains, their contents and Studio domains were not read, and nothing outside these domains is listed as unmanaged or pruned`;
}
