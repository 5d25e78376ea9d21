/**
 * Sharding an organisation onto a CI matrix (issue 18, "Across runners"), pure: one shard per
 * rate-limit bucket, so shards running side by side never draw on the same budget. AWS meters
 * DataZone and SageMaker calls per account, region and service, and a `--domain` shard calls
 * DataZone in its domain's account and region only (plus one listing of blueprint configurations
 * per associated account, in that account): domains declared in the same account and region go
 * into one shard, each other domain into its own. Studio domains are read through SageMaker, a
 * service with buckets of its own, so the one `--studio` shard shares no bucket with a `--domain`
 * shard. Where two shards would still share a bucket (two domain accounts associating the same
 * account in one region) they cannot be merged, as each runs with its own account's credentials,
 * so the collision is reported instead of hidden.
 */
import type { ValidDocument } from '../validate/schema-validator.js';
import { readScope } from './scope.js';
import { studioPlaces } from './studio-scope.js';

/** How a bucket's account reads when a manifest leaves it to the caller's credentials. */
export const CALLER_ACCOUNT = '(caller)';

/** One shard: a job of the matrix. */
export interface Shard {
  /** Unique, stable, safe in artifact names: the domain names joined by `+`, or `studio`. */
  name: string;
  /** The global options that select the shard (`--domain a --domain b`, or `--studio`). */
  args: string[];
  /** Account whose credentials the shard runs with; empty when the manifests leave it to the caller. */
  account: string;
  /** Region of the shard's domains (empty for a Studio shard spread over several regions). */
  region: string;
  /** DataZone domains of the shard (none for the Studio shard). */
  domains: string[];
  /** The rate-limit buckets the shard calls: `service account region`, sorted. */
  buckets: string[];
}

/** A bucket two or more shards call. */
export interface BucketCollision {
  bucket: string;
  shards: string[];
}

/** The shards of an organisation and the buckets they would still share. */
export interface Sharding {
  shards: Shard[];
  collisions: BucketCollision[];
}

/**
 * The documents one shard plans: a `--domain` shard its domains' documents, a `--studio` shard
 * the Studio kinds; both keep the Policy (it scopes prunes). No selection keeps everything.
 */
export function shardDocuments(
  documents: readonly ValidDocument[],
  select: { domains: readonly string[]; studio: boolean },
): ValidDocument[] {
  const inShard = new Set(select.domains);
  if (select.studio)
    return documents.filter((d) => d.manifest.kind === 'Policy' || d.manifest.kind.startsWith('Studio'));
  if (inShard.size === 0) return [...documents];
  return documents.filter(({ manifest: m }) => {
    if (m.kind === 'Policy') return true;
    return inShard.has((m.kind === 'Domain' ? m.metadata.name : m.metadata.domain) ?? '');
  });
}

const bucketOf = (service: string, account: string | undefined, region: string) =>
  `${service} ${account || CALLER_ACCOUNT} ${region}`;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups the documents into shards; deterministic (shards sorted by name, the Studio shard last). */
export function planShards(documents: readonly ValidDocument[]): Sharding {
  const groups = new Map<string, { account: string; region: string; domains: string[] }>();
  for (const { manifest } of documents) {
    if (manifest.kind !== 'Domain') continue;
    const account = manifest.spec.account ?? '';
    const key = `${account}\u0000${manifest.spec.region}`;
    const group = groups.get(key) ?? { account, region: manifest.spec.region, domains: [] };
    group.domains.push(manifest.metadata.name);
    groups.set(key, group);
  }
  const shards: Shard[] = [];
  for (const group of groups.values()) {
    const domains = [...new Set(group.domains)].sort(compare);
    const scope = readScope(documents, domains);
    const buckets = new Set([bucketOf('datazone', group.account, group.region)]);
    for (const read of scope.accounts) {
      if (read.account && read.account !== group.account)
        buckets.add(bucketOf('datazone', read.account, group.region));
    }
    shards.push({
      name: domains.join('+'),
      args: domains.flatMap((d) => ['--domain', d]),
      account: group.account,
      region: group.region,
      domains,
      buckets: [...buckets].sort(compare),
    });
  }
  shards.sort((a, b) => compare(a.name, b.name));
  const studio = studioShard(documents, new Set(shards.map((s) => s.name)));
  if (studio) shards.push(studio);
  return { shards, collisions: collisions(shards) };
}

/**
 * The `--studio` shard, wherever Studio domains are read: where one is declared or pruned, and in
 * every Domain's region (the full plan lists the Studio domains found there as unmanaged, so the
 * shards must too). Its account and region are those of its places when they all agree (empty
 * otherwise: the workflow's default role and region; other accounts are reached through their
 * declared roles).
 */
function studioShard(documents: readonly ValidDocument[], taken: ReadonlySet<string>): Shard | undefined {
  const places = studioPlaces(documents);
  if (places.length === 0) return undefined;
  const accounts = [...new Set(places.map((p) => p.account ?? ''))];
  const regions = [...new Set(places.map((p) => p.region))];
  // A domain may be called `studio`; the shard names stay unique all the same.
  let name = 'studio';
  while (taken.has(name)) name = `${name}+sagemaker`;
  return {
    name,
    args: ['--studio'],
    account: accounts.length === 1 ? accounts[0]! : '',
    region: regions.length === 1 ? regions[0]! : '',
    domains: [],
    buckets: [...new Set(places.map((p) => bucketOf('sagemaker', p.account, p.region)))].sort(compare),
  };
}

function collisions(shards: readonly Shard[]): BucketCollision[] {
  const users = new Map<string, string[]>();
  for (const shard of shards)
    for (const bucket of shard.buckets) users.set(bucket, [...(users.get(bucket) ?? []), shard.name]);
  return [...users.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([bucket, names]) => ({ bucket, shards: names }))
    .sort((a, b) => compare(a.bucket, b.bucket));
}
