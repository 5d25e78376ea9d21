/**
 * Serialises the changes that touch one RAM share. The executor runs independent changes in
 * parallel, and two associations of one domain and access level share one share: run together,
 * both would find no share and create two of one name (RAM allows that), or one would delete the
 * share as "its last principal" while the other is being added. Changes of one share therefore
 * take turns; different shares still run in parallel.
 */

const tails = new Map<string, Promise<void>>();

/**
 * Runs `work` once every earlier holder of all of `keys` has finished. Keys are taken in sorted
 * order, so two callers holding overlapping sets cannot wait on each other in a cycle.
 */
export async function withShareLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const releases: (() => void)[] = [];
  try {
    for (const key of sorted) releases.push(await acquire(key));
    return await work();
  } finally {
    for (const release of releases.reverse()) release();
  }
}

async function acquire(key: string): Promise<() => void> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  return () => {
    release();
    // Forget the key once nobody queued behind us, so the map does not grow with every share ever seen.
    if (tails.get(key) === tail) tails.delete(key);
  };
}

/** The lock key of a domain's share of one access level. */
export function shareLockKey(domainArn: string, access: string): string {
  return `${domainArn}\u0000${access}`;
}
