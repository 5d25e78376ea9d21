/**
 * Injected project failures, so that a tool's tests can show what a failed deployment or a
 * failed project update/delete looks like (statuses AWS produces but no emulated check does):
 *
 * - a deployment fault makes the next matching ON_CREATE deployment (CreateProject, or the
 *   redeploy of a failed project) end in FAILED_DEPLOYMENT or FAILED_VALIDATION, with an
 *   `environmentFailureReasons` entry;
 * - a lifecycle fault makes the next matching UpdateProject leave the project UPDATE_FAILED, or
 *   the next matching DeleteProject end in DELETE_FAILED instead of gone, with `failureReasons`.
 *
 * A spec matches projects by name (`'*'` or absent: every project) and applies to every match or
 * only the next `count`. Like the wire faults, the rules live in memory, not in the world.
 */

/** Fails deployments of matching projects. */
export interface DeploymentFaultSpec {
  /** Project names, or `'*'`; absent: every project. */
  projects?: string[];
  status: 'FAILED_DEPLOYMENT' | 'FAILED_VALIDATION';
  /** Apply to the next N matching deployments only. */
  count?: number;
  /** The failure reason's message; a default names the fault. */
  message?: string;
}

/** Fails the update or the deletion of matching projects. */
export interface LifecycleFaultSpec {
  projects?: string[];
  status: 'UPDATE_FAILED' | 'DELETE_FAILED';
  count?: number;
  message?: string;
}

/** Both kinds of project faults, as the control endpoint and the CLI exchange them. */
export interface ProjectFaultSpecs {
  deployments?: DeploymentFaultSpec[];
  lifecycle?: LifecycleFaultSpec[];
}

/** One failure decided for one project: its status and the reason to report. */
export interface InjectedFailure<S extends string> {
  status: S;
  reason: { code: string; message: string };
}

const DEPLOYMENT_STATUSES = ['FAILED_DEPLOYMENT', 'FAILED_VALIDATION'];
const LIFECYCLE_STATUSES = ['UPDATE_FAILED', 'DELETE_FAILED'];

function checkSpec(item: unknown, where: string, statuses: readonly string[]): void {
  const spec = item as { projects?: unknown; status?: unknown; count?: unknown; message?: unknown } | null;
  if (typeof spec !== 'object' || spec === null) throw new Error(`${where}: an object is required`);
  if (typeof spec.status !== 'string' || !statuses.includes(spec.status))
    throw new Error(`${where}: status must be one of ${statuses.join(', ')}`);
  if (
    spec.projects !== undefined &&
    (!Array.isArray(spec.projects) || !spec.projects.every((p) => typeof p === 'string'))
  )
    throw new Error(`${where}: projects must be a list of names or '*'`);
  if (
    spec.count !== undefined &&
    (typeof spec.count !== 'number' || !Number.isInteger(spec.count) || spec.count < 0)
  )
    throw new Error(`${where}: count must be an integer ≥ 0`);
  if (spec.message !== undefined && typeof spec.message !== 'string')
    throw new Error(`${where}: message must be a string`);
}

/** Checks project fault specs received over HTTP or the command line; throws a readable error. */
export function parseProjectFaults(value: unknown): ProjectFaultSpecs {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('project faults must be an object {deployments?: [...], lifecycle?: [...]}');
  const { deployments, lifecycle, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`unknown project fault kind(s): ${unknown.join(', ')}`);
  for (const [name, list, statuses] of [
    ['deployments', deployments, DEPLOYMENT_STATUSES],
    ['lifecycle', lifecycle, LIFECYCLE_STATUSES],
  ] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`${name} must be a list`);
    list.forEach((item, i) => checkSpec(item, `${name}[${i}]`, statuses));
  }
  return structuredClone(value) as ProjectFaultSpecs;
}

function matches(spec: { projects?: string[] }, projectName: string): boolean {
  return spec.projects === undefined || spec.projects.some((p) => p === '*' || p === projectName);
}

/** Takes one use of the first rule that matches (rules whose count is spent are dropped). */
function take<T extends { projects?: string[]; count?: number }>(
  rules: T[],
  projectName: string,
  accept: (rule: T) => boolean,
): T | undefined {
  const rule = rules.find(
    (r) => matches(r, projectName) && accept(r) && (r.count === undefined || r.count > 0),
  );
  if (rule && rule.count !== undefined) rule.count -= 1;
  return rule;
}

/** The project fault rules in force. */
export class ProjectFaults {
  private deployments: DeploymentFaultSpec[] = [];
  private lifecycle: LifecycleFaultSpec[] = [];

  /** Replaces the rules (copied: counts are consumed here, not in the caller's objects). */
  set(specs: ProjectFaultSpecs): void {
    this.deployments = structuredClone(specs.deployments ?? []);
    this.lifecycle = structuredClone(specs.lifecycle ?? []);
  }

  /** The rules in force, remaining counts included. */
  list(): Required<ProjectFaultSpecs> {
    return structuredClone({ deployments: this.deployments, lifecycle: this.lifecycle });
  }

  /** The injected failure of the deployment of `projectName`, if a rule matches (consumes it). */
  deploymentFailure(projectName: string): InjectedFailure<DeploymentFaultSpec['status']> | undefined {
    const rule = take(this.deployments, projectName, () => true);
    if (!rule) return undefined;
    return {
      status: rule.status,
      reason: {
        code: 'EmulatorInjectedFailure',
        message: rule.message ?? `Injected ${rule.status} (emulator fault).`,
      },
    };
  }

  /** The injected failure of an update or a deletion of `projectName` (consumes the rule). */
  lifecycleFailure(
    projectName: string,
    status: LifecycleFaultSpec['status'],
  ): InjectedFailure<LifecycleFaultSpec['status']> | undefined {
    const rule = take(this.lifecycle, projectName, (r) => r.status === status);
    if (!rule) return undefined;
    return {
      status,
      reason: {
        code: 'EmulatorInjectedFailure',
        message: rule.message ?? `Injected ${status} (emulator fault).`,
      },
    };
  }
}
