/**
 * The benchmark's generated organisations (manifest YAML), deterministic per seed: one domain at
 * DataZone's quotas as the issue sizes it. Unlike test/helpers/generate.ts this one also declares
 * account associations (with the role the tool assumes) and Tooling/DataLake blueprint
 * configurations in every associated account, and its pools draw from the associated accounts in
 * the regions their blueprints are enabled in, so the organisation is coherent end to end.
 */
import { orgWriter, prng, REGIONS, writeProject } from '../test/helpers/generate.js';

/** Sizes of a benchmark organisation. */
export interface BenchOrgSize {
  units: number;
  associations: number;
  pools: number;
  accountsPerPool: number;
  profiles: number;
  projects: number;
  membersPerProject: number;
}

/** The issue's "one domain at quota". */
export const ORG_AT_QUOTA: BenchOrgSize = {
  units: 20,
  associations: 50,
  pools: 100,
  accountsPerPool: 25,
  profiles: 50,
  projects: 1000,
  membersPerProject: 3,
};

/** The associated account number `i` of domain number `d` (distinct per domain). */
function accountOf(d: number, i: number): string {
  return String(300000000000 + d * 1000 + i);
}

/** Builds the YAML of one organisation in domain `domain` (`d` keeps account ids apart per domain). */
export function generateBenchOrg(seed: number, size: BenchOrgSize, domain = 'bench-data', d = 0): string {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { doc, yaml } = orgWriter(domain, `bench ${seed}`);
  for (let u = 0; u < size.units; u++) doc('DomainUnit', `unit-${u}`, `  description: unit ${u}\n`);

  const accounts: { id: string; regions: string[] }[] = [];
  for (let i = 0; i < size.associations; i++) {
    const id = accountOf(d, i);
    const regions = [...new Set([pick(REGIONS), pick(REGIONS), pick(REGIONS)])].sort();
    accounts.push({ id, regions });
    doc(
      'AccountAssociation',
      id,
      `  accountName: acct-${i}\n  access: ${i % 5 === 0 ? 'api' : 'portal'}\n  assumeRoleArn: arn:aws:iam::${id}:role/SmusGitOpsDeployer\n`,
    );
    for (const blueprint of ['Tooling', 'DataLake']) {
      doc(
        'BlueprintConfiguration',
        blueprint,
        `  account: "${id}"\n  enabledRegions: [${regions.join(', ')}]\n  provisioningRole: arn:aws:iam::${id}:role/AmazonSageMakerProvisioning\n  manageAccessRole: arn:aws:iam::${id}:role/AmazonSageMakerManageAccess\n`,
      );
    }
  }

  const pools: { id: string; regions: string[] }[][] = [];
  for (let p = 0; p < size.pools; p++) {
    // A pool holds distinct accounts: a seeded shuffle of the associated ones.
    const order = accounts.map((a) => ({ a, k: random() })).sort((x, y) => x.k - y.k);
    const members = order.slice(0, Math.min(size.accountsPerPool, accounts.length)).map(({ a }) => ({
      id: a.id,
      regions: a.regions.filter(() => random() < 0.7).slice(0, 3),
    }));
    for (const m of members)
      if (m.regions.length === 0) m.regions = [accounts.find((a) => a.id === m.id)!.regions[0]!];
    pools.push(members);
    const list = members.map((a) => `    - { id: "${a.id}", regions: [${a.regions.join(', ')}] }`).join('\n');
    doc('AccountPool', `pool-${p}`, `  description: pool ${p}\n  accounts:\n${list}\n`);
  }

  const profilePools: number[][] = [];
  for (let f = 0; f < size.profiles; f++) {
    const chosen = [...new Set([Math.floor(random() * size.pools), Math.floor(random() * size.pools)])].sort(
      (a, b) => a - b,
    );
    profilePools.push(chosen);
    const target = `{ accountPools: [${chosen.map((p) => `pool-${p}`).join(', ')}] }`;
    doc(
      'ProjectProfile',
      `profile-${f}`,
      `  description: profile ${f}\n  status: ENABLED\n  environments:\n` +
        `    - { name: Tooling, blueprint: Tooling, deploymentMode: ON_CREATE, deploymentOrder: 0, target: ${target} }\n` +
        `    - { name: Lakehouse, blueprint: DataLake, deploymentMode: ON_CREATE, deploymentOrder: 1, target: ${target} }\n` +
        `    - { name: Lakehouse Extra, blueprint: DataLake, deploymentMode: ON_DEMAND, deploymentOrder: 2, target: ${target} }\n`,
    );
  }

  for (let j = 0; j < size.projects; j++) {
    const f = Math.floor(random() * size.profiles);
    // An account and region every pool of the profile allows, so each environment accepts the target.
    const [first, ...rest] = profilePools[f]!.map((p) => pools[p]!);
    const candidates = first!.flatMap((a) =>
      a.regions
        .filter((r) => rest.every((pool) => pool.some((b) => b.id === a.id && b.regions.includes(r))))
        .map((r) => ({ id: a.id, region: r })),
    );
    const fallback = first!.map((a) => ({ id: a.id, region: a.regions[0]! }));
    const target = pick(candidates.length > 0 ? candidates : fallback);
    writeProject({ doc, random, j, f, size }, () => target);
  }
  return yaml();
}
