/**
 * The workflow rules of acceptance (6), as a pure function over one workflow (or composite
 * action) file's text: every third-party action pinned to a full commit SHA, `permissions` set
 * (at the workflow level or on every job) and never broad, no `pull_request_target`, and
 * `id-token: write` only on jobs that assume an AWS role with configure-aws-credentials (or that
 * publish to npm with provenance).
 */
import { parse } from 'yaml';

const FULL_SHA = /^[^@\s]+@[0-9a-f]{40}$/;
const DOCKER_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const CONFIGURE_AWS = /^aws-actions\/configure-aws-credentials@/;

type Map = Record<string, unknown>;

function isMap(value: unknown): value is Map {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function steps(job: Map): Map[] {
  return Array.isArray(job['steps']) ? job['steps'].filter(isMap) : [];
}

/** Why a `uses:` reference is not pinned, or undefined when it is (local paths are this repository's own commit). */
function unpinned(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined;
  if (uses.startsWith('docker://'))
    return DOCKER_DIGEST.test(uses) ? undefined : 'a docker image without a sha256 digest';
  return FULL_SHA.test(uses) ? undefined : 'not pinned to a full 40-character commit SHA';
}

/** The trigger names of `on:` (string, list or map). */
function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return isMap(on) ? Object.keys(on) : [];
}

/** Problems of a permissions value at `where` (`workflow` or `job NAME`). */
function broadPermissions(value: unknown, where: string, topLevel: boolean): string[] {
  if (typeof value === 'string') {
    return [`${where}: permissions "${value}" is broad; list the scopes the job needs`];
  }
  if (!isMap(value)) return [`${where}: permissions must be a map of scopes`];
  const problems: string[] = [];
  for (const [scope, access] of Object.entries(value)) {
    if (access !== 'read' && access !== 'write' && access !== 'none')
      problems.push(`${where}: permissions.${scope} has an unknown access "${String(access)}"`);
    // Write access belongs on the job that needs it, never on every job of the workflow.
    if (topLevel && access === 'write')
      problems.push(`${where}: ${scope}: write at the workflow level; grant it on the job that needs it`);
  }
  return problems;
}

/** Lints a workflow file; returns its problems (empty when it follows every rule). */
export function lintWorkflow(text: string, file: string): string[] {
  const doc: unknown = parse(text);
  if (!isMap(doc)) return [`${file}: not a YAML map`];
  const problems: string[] = [];
  const at = (message: string) => problems.push(`${file}: ${message}`);

  if (triggers(doc['on']).includes('pull_request_target'))
    at('uses pull_request_target (runs fork code with a write token and secrets)');

  const jobs = isMap(doc['jobs']) ? doc['jobs'] : {};
  const workflowPermissions = doc['permissions'];
  if (workflowPermissions !== undefined) broadPermissions(workflowPermissions, 'workflow', true).forEach(at);

  for (const [name, job] of Object.entries(jobs)) {
    if (!isMap(job)) continue;
    const where = `job ${name}`;
    if (job['permissions'] !== undefined) broadPermissions(job['permissions'], where, false).forEach(at);
    else if (workflowPermissions === undefined)
      at(`${where}: no permissions (set them on the workflow or on every job)`);

    if (typeof job['uses'] === 'string') {
      const why = unpinned(job['uses']);
      if (why) at(`${where}: ${job['uses']} is ${why}`);
    }
    for (const step of steps(job)) {
      if (typeof step['uses'] !== 'string') continue;
      const why = unpinned(step['uses']);
      if (why) at(`${where}: ${step['uses']} is ${why}`);
    }

    const effective = job['permissions'] ?? workflowPermissions;
    const assumesRole = steps(job).some(
      (s) => typeof s['uses'] === 'string' && CONFIGURE_AWS.test(s['uses']),
    );
    // npm provenance (release.yml) signs the package through the same OIDC token.
    const publishesWithProvenance = steps(job).some(
      (s) => typeof s['run'] === 'string' && /\bnpm publish\b.*--provenance/.test(s['run']),
    );
    if (isMap(effective) && effective['id-token'] === 'write' && !assumesRole && !publishesWithProvenance)
      at(`${where}: id-token: write without a configure-aws-credentials step (it assumes no role)`);
  }
  return problems;
}

/** Lints a composite action (action.yml): every step's action pinned. */
export function lintAction(text: string, file: string): string[] {
  const doc: unknown = parse(text);
  if (!isMap(doc) || !isMap(doc['runs'])) return [`${file}: not an action (no runs:)`];
  return steps(doc['runs'])
    .filter((s): s is Map & { uses: string } => typeof s['uses'] === 'string')
    .flatMap((s) => {
      const why = unpinned(s.uses);
      return why ? [`${file}: ${s.uses} is ${why}`] : [];
    });
}
