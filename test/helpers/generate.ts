/**
 * Deterministic generated organisations (manifest YAML) for convergence tests and benchmarks:
 * one domain with units, static pools, pool-based profiles and projects with members, sized by
 * the caller and varied by a seed.
 */

/** Sizes of a generated organisation. */
export interface OrgSize {
  units: number;
  pools: number;
  accountsPerPool: number;
  profiles: number;
  projects: number;
  membersPerProject: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same organisation. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Regions generated accounts support. */
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
/** Designations of generated non-owner members. */
export const DESIGNATIONS = ['PROJECT_CONTRIBUTOR', 'PROJECT_CATALOG_VIEWER', 'PROJECT_CATALOG_CONSUMER'];
/** The domain account of generated organisations. */
export const HOME_ACCOUNT = '111122223333';

/**
 * Collects the YAML documents of one generated organisation: `doc` appends one (scoped to the
 * domain unless told otherwise), and the Domain document itself is written first.
 */
export function orgWriter(domain: string, description: string) {
  const docs: string[] = [];
  const doc = (kind: string, name: string, spec: string, scoped = true) =>
    docs.push(
      `apiVersion: smus-gitops/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${JSON.stringify(name)}\n${scoped ? `  domain: ${domain}\n` : ''}spec:\n${spec}`,
    );
  doc(
    'Domain',
    domain,
    `  region: us-east-1\n  account: "${HOME_ACCOUNT}"\n  executionRole: arn:aws:iam::${HOME_ACCOUNT}:role/service-role/AmazonSageMakerDomainExecution\n  description: ${description}\n  reconcile: { prune: [AccountPool, ProjectProfile], maxDeletes: 1000 }\n`,
    false,
  );
  return { doc, yaml: () => docs.join('---\n') };
}

function account(n: number): string {
  return String(200000000000 + n);
}

/** What writing a project needs from its organisation's generator. */
export interface ProjectContext {
  doc: ReturnType<typeof orgWriter>['doc'];
  random: () => number;
  /** The project's number and its profile's. */
  j: number;
  f: number;
  size: { units: number; membersPerProject: number };
}

/**
 * Writes project `j` of profile `f`: an owner and groups as members, half the time a domain unit,
 * and the target `target()` gives (called last, so a generator may draw it after the members).
 */
export function writeProject(
  { doc, random, j, f, size }: ProjectContext,
  target: () => { id: string; region: string },
): void {
  const members = Array.from({ length: size.membersPerProject }, (_, m) =>
    m === 0
      ? `    - { user: "arn:aws:iam::${HOME_ACCOUNT}:role/owner-${j}", designation: PROJECT_OWNER }`
      : `    - { group: "group-${j}-${m}", designation: ${DESIGNATIONS[Math.floor(random() * DESIGNATIONS.length)]} }`,
  ).join('\n');
  const unit =
    size.units > 0 && random() < 0.5 ? `  domainUnit: unit-${Math.floor(random() * size.units)}\n` : '';
  const { id, region } = target();
  doc(
    'Project',
    `project-${j}`,
    `  description: project ${j}\n  profile: profile-${f}\n${unit}  target: { account: "${id}", region: ${region} }\n${members ? `  members:\n${members}\n` : ''}`,
  );
}

/** Builds the YAML of one organisation in domain `domain`. */
export function generateOrg(seed: number, size: OrgSize, domain = 'gen-data'): string {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { doc, yaml } = orgWriter(domain, `generated ${seed}`);
  for (let u = 0; u < size.units; u++)
    doc('DomainUnit', `unit-${u}`, `  description: unit ${u} of ${seed}\n`);
  const poolAccounts: { account: string; regions: string[] }[][] = [];
  for (let p = 0; p < size.pools; p++) {
    const accounts = Array.from({ length: size.accountsPerPool }, (_, i) => {
      const regions = [...new Set([pick(REGIONS), pick(REGIONS)])].sort();
      return { account: account(p * size.accountsPerPool + i), regions };
    });
    poolAccounts.push(accounts);
    const list = accounts
      .map((a) => `    - { id: "${a.account}", regions: [${a.regions.join(', ')}] }`)
      .join('\n');
    doc('AccountPool', `pool-${p}`, `  description: pool ${p}\n  accounts:\n${list}\n`);
  }
  const profilePools: number[][] = [];
  for (let f = 0; f < size.profiles; f++) {
    const pools = [...new Set([Math.floor(random() * size.pools), Math.floor(random() * size.pools)])].sort(
      (a, b) => a - b,
    );
    profilePools.push(pools);
    doc(
      'ProjectProfile',
      `profile-${f}`,
      `  description: profile ${f}\n  environments:\n    - name: Tooling\n      blueprint: Tooling\n      deploymentMode: ON_DEMAND\n      target: { accountPools: [${pools.map((p) => `pool-${p}`).join(', ')}] }\n`,
    );
  }
  for (let j = 0; j < size.projects; j++) {
    const f = Math.floor(random() * size.profiles);
    const target = pick(poolAccounts[pick(profilePools[f]!)]!);
    writeProject({ doc, random, j, f, size }, () => ({ id: target.account, region: pick(target.regions) }));
  }
  return yaml();
}
