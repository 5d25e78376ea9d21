/**
 * Duplicate-free creates for DataZone resources whose create call has no idempotency token
 * (CreateAccountPool, CreateProjectProfile, CreateProject; reference §13.1). The name is looked
 * up first (unless the kind's create answers Conflict on a taken name) and an existing resource
 * is adopted; when the create itself fails in a way that may hide a committed create
 * (ConflictException "already exists", or a 5xx / dropped connection after the tool's retries,
 * whose earlier attempt may have committed), the name is looked up again and a match is adopted. Either way the caller then brings the adopted resource to the
 * desired state with an update.
 */
import { isTransient } from '../retry.js';
import { ApplyError } from '../types.js';
import { isConflict } from './dz-calls.js';

/** An item of a list answer, as far as name lookups need it. */
export interface NamedItem {
  id?: string;
  name?: string;
}

/** The id of the one item named exactly `name`; undefined when none; an ApplyError when several are. */
export function exactMatch(items: readonly NamedItem[], name: string, what: string): string | undefined {
  const found = items.filter((item) => item.name === name && item.id);
  if (found.length > 1)
    throw new ApplyError(`${found.length} live ${what}s are named ${name}: resolve the ambiguity by hand`);
  return found[0]?.id;
}

/** How to find and create one named resource. */
export interface CreateOrAdopt {
  /** Looks the name up (every page, exact match). */
  find(): Promise<string | undefined>;
  /** Creates the resource and returns its id. */
  create(): Promise<string>;
  /**
   * False to skip the lookup before the create, for a kind whose create answers Conflict on a
   * taken name (projects: names are unique per domain): the plan's read just saw the name free,
   * and a name taken since (another run, a crashed one, a retried create that had committed)
   * comes back as Conflict, which is looked up and adopted all the same. Default true.
   */
  lookFirst?: boolean;
}

/** The resource's id, and whether it already existed (then it still needs an update to the desired state). */
export interface Ensured {
  id: string;
  adopted: boolean;
}

/** Finds the resource by name or creates it; never creates a second one of the same name. */
export async function createOrAdopt(steps: CreateOrAdopt): Promise<Ensured> {
  const existing = steps.lookFirst === false ? undefined : await steps.find();
  if (existing) return { id: existing, adopted: true };
  try {
    return { id: await steps.create(), adopted: false };
  } catch (error) {
    if (!isConflict(error) && !isTransient(error)) throw error;
    const again = await steps.find();
    if (again) return { id: again, adopted: true };
    throw error;
  }
}
