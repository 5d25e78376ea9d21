/**
 * A generated organisation for the sharding tests and the `sharded` benchmark: ten domains, each
 * a small coherent generated organisation (bench/org.ts: associated accounts of its own with
 * blueprint configurations, pools, profiles, projects) with its Domain moved to its own
 * account (`accounts: true`, ten accounts) or left to the caller's, spread over the five
 * generated regions, plus one Studio domain in the caller's account. Deterministic per seed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBenchOrg, type BenchOrgSize } from '../../bench/org.js';
import { HOME_ACCOUNT, REGIONS } from '../helpers/generate.js';

/** Sizes of each domain of the sharded organisation (small: the shards matter, not the volume). */
export const SHARD_DOMAIN_SIZE: BenchOrgSize = {
  units: 1,
  associations: 2,
  pools: 1,
  accountsPerPool: 2,
  profiles: 1,
  projects: 2,
  membersPerProject: 2,
};

/** The account of domain `d` of the ten-account organisation. */
export function shardAccount(d: number): string {
  return String(400000000000 + d * 1001);
}

/** The region of domain `d`: the ten domains go round the five generated regions. */
export function shardRegion(d: number): string {
  return REGIONS[d % REGIONS.length]!;
}

const STUDIO = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata:
  name: shared-studio
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a9b8c7d6e5f40302
  subnetIds: [subnet-0b1c2d3e4f5a60011, subnet-0b1c2d3e4f5a60012]
  appNetworkAccessType: VpcOnly
  defaultUserSettings:
    executionRole: arn:aws:iam::${HOME_ACCOUNT}:role/SharedStudioExecution
    securityGroups: [sg-0a1b2c3d4e5f60021]
`;

/** The YAML of domain `d` (named `dom-<d>`), in its own account when `accounts`. */
export function shardDomainYaml(
  d: number,
  accounts: boolean,
  size: BenchOrgSize = SHARD_DOMAIN_SIZE,
): string {
  const account = accounts ? shardAccount(d) : undefined;
  const region = shardRegion(d);
  const domainSpec = `  region: us-east-1\n  account: "${HOME_ACCOUNT}"\n  executionRole: arn:aws:iam::${HOME_ACCOUNT}:`;
  const yaml = generateBenchOrg(d + 1, size, `dom-${d}`, d);
  if (!yaml.includes(domainSpec)) throw new Error('the generated Domain document changed shape');
  return yaml.replace(
    domainSpec,
    `  region: ${region}\n${account ? `  account: "${account}"\n` : ''}  executionRole: arn:aws:iam::${account ?? HOME_ACCOUNT}:`,
  );
}

/** Writes the ten domains (one file each) and the Studio domain into a fresh folder; returns it. */
export function writeShardedOrg(
  accounts: boolean,
  domains = 10,
  size: BenchOrgSize = SHARD_DOMAIN_SIZE,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-shards-'));
  for (let d = 0; d < domains; d++)
    writeFileSync(join(dir, `dom-${d}.yaml`), shardDomainYaml(d, accounts, size));
  writeFileSync(join(dir, 'studio.yaml'), STUDIO);
  return dir;
}
