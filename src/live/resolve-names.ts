/**
 * Ids to names. Manifests name things (pools, profiles, blueprints, unit paths, members) where the
 * API answers ids, so the live side resolves every id through the lists it has already read. An id
 * that resolves to nothing stays visible as `id:<id>` rather than disappearing, so the diff shows
 * it instead of hiding a dangling reference.
 */

/** An id that matched no known name. */
export function unresolved(id: string): string {
  return `id:${id}`;
}

/** Names by id, from a list that was read (or not: then every id is unresolved). */
export class NameIndex {
  private readonly names: Map<string, string>;

  constructor(entries: Iterable<readonly [string, string]> = []) {
    this.names = new Map(entries);
  }

  /** The name of `id`, or `id:<id>`. */
  name(id: string): string {
    return this.names.get(id) ?? unresolved(id);
  }

  /** True when the id is known. */
  has(id: string): boolean {
    return this.names.has(id);
  }

  /** A new index that also knows `entries` (this one is left as it is). */
  with(entries: Iterable<readonly [string, string]>): NameIndex {
    return new NameIndex([...this.names, ...entries]);
  }
}

/** Domain unit paths (`HR/Benefits`) by unit id; the root unit has no path (manifests leave it unset). */
export class UnitPaths {
  constructor(
    private readonly rootId: string,
    private readonly paths: ReadonlyMap<string, string>,
  ) {}

  /** The path of a unit id: undefined for the root (or no unit), `id:<id>` for an unknown unit. */
  path(unitId: string | undefined): string | undefined {
    if (unitId === undefined || unitId === '' || unitId === this.rootId) return undefined;
    return this.paths.get(unitId) ?? unresolved(unitId);
  }
}
