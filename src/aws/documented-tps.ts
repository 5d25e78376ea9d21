/**
 * Request rates AWS documents per account and region (reference §12, DataZone quotas page), and
 * the rate assumed for operations it documents none for. One table for both sides: the tool's
 * executor budgets its calls with it, and the emulator throttles with it.
 */

/** Documented TPS, keyed `service.Operation`. */
export const DOCUMENTED_TPS: Readonly<Record<string, number>> = {
  'datazone.CreateDomain': 8,
  'datazone.UpdateDomain': 8,
  'datazone.CreateProjectProfile': 3,
  'datazone.UpdateProjectProfile': 3,
  'datazone.CreateProject': 3,
  'datazone.UpdateProject': 3,
  'datazone.DeleteProject': 3,
  'datazone.ListProjects': 8,
  'datazone.CreateProjectMembership': 3,
  'datazone.DeleteProjectMembership': 3,
  'datazone.ListProjectMemberships': 8,
  'datazone.ListEnvironmentBlueprints': 8,
  'datazone.PutEnvironmentBlueprintConfiguration': 10,
  'datazone.CreateDomainUnit': 20,
};

/**
 * TPS of operations AWS documents no limit for. An assumption, chosen to be conservative like
 * the documented ones: mutating calls are metered tighter than reads.
 */
export const UNDOCUMENTED_TPS = { mutating: 10, read: 20 } as const;

/** True for operations that only read (their names say so in every AWS API). */
export function isReadOperation(operation: string): boolean {
  return /^(Get|List|Describe|Search)/.test(operation);
}

/** The TPS budget of an operation. */
export function tpsOf(service: string, operation: string): number {
  return (
    DOCUMENTED_TPS[`${service}.${operation}`] ??
    (isReadOperation(operation) ? UNDOCUMENTED_TPS.read : UNDOCUMENTED_TPS.mutating)
  );
}
