/**
 * Cross-reference check of the example manifests: every name they use resolves to a document in
 * the same set, the way DESIGN §3 describes. It exists to prove the examples coherent; the loader's
 * semantic checks are the product's version of these rules.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { SCHEMA_BASE_URL } from '../../src/version.js';
import { KIND_SCHEMA, isObject } from './support.js';
import type { ExampleDoc, Kind } from './support.js';

interface Meta {
  name: string;
  domain: string;
}
interface AccountRegion {
  account: string;
  region: string;
}
type Target = { accountPools: string[] } | AccountRegion | { allAssociatedAccounts: true };

interface DomainDoc {
  metadata: { name: string };
  spec: { account?: string; reconcile?: { protect?: string[] } };
}
interface AssociationDoc {
  metadata: Meta;
  spec: { assumeRoleArn?: string };
}
interface BlueprintDoc {
  metadata: Meta;
  spec: {
    account?: string;
    enabledRegions: string[];
    regionalParameters?: Record<string, Record<string, string>>;
  };
}
interface PoolDoc {
  metadata: Meta;
  spec: { accounts?: { id: string; regions: string[] }[] };
}
interface ProfileEnvironment {
  name: string;
  blueprint: string;
  target: Target;
  parameters?: { name: string; editable?: boolean }[];
}
interface ProfileDoc {
  metadata: Meta;
  spec: { domainUnit?: string; environments?: ProfileEnvironment[] };
}
interface ProjectDoc {
  metadata: Meta;
  spec: {
    profile: string;
    domainUnit?: string;
    target?: AccountRegion;
    environments?: { name: string; target?: AccountRegion; parameters?: Record<string, string> }[];
  };
}

/** The Tooling blueprint's required regional parameters (reference §9). */
const TOOLING_REGIONAL_KEYS = ['AZs', 'S3Location', 'Subnets', 'VpcId'];

/**
 * Returns one line per unresolved reference (empty when the set is coherent). Documents must
 * already be valid against their schemas: validation is what narrows them to the types above.
 */
export function danglingReferences(ajv: Ajv2020, docs: ExampleDoc[]): string[] {
  const problems: string[] = [];
  const of = <T>(kind: Kind): { doc: T; label: string }[] => {
    const found: { doc: T; label: string }[] = [];
    for (const { doc, label } of docs) {
      if (!isObject(doc) || doc.kind !== kind) continue;
      const candidate: unknown = doc;
      // Validation against the kind's schema is what narrows the document to T.
      if (ajv.validate<T>(SCHEMA_BASE_URL + KIND_SCHEMA[kind], candidate))
        found.push({ doc: candidate, label });
    }
    return found;
  };
  const domains = new Map(of<DomainDoc>('Domain').map(({ doc }) => [doc.metadata.name, doc]));
  const units = new Set(of<{ metadata: Meta }>('DomainUnit').map(({ doc }) => doc.metadata.name));
  const associations = of<AssociationDoc>('AccountAssociation');
  const associated = new Set(associations.map(({ doc }) => doc.metadata.name));
  const blueprints = of<BlueprintDoc>('BlueprintConfiguration');
  const pools = new Map(of<PoolDoc>('AccountPool').map(({ doc }) => [doc.metadata.name, doc]));
  const profiles = new Map(of<ProfileDoc>('ProjectProfile').map(({ doc }) => [doc.metadata.name, doc]));
  const projects = of<ProjectDoc>('Project');

  const domainAccount = (domain: string): string | undefined => domains.get(domain)?.spec.account;
  const usable = (domain: string, account: string): boolean =>
    associated.has(account) || account === domainAccount(domain);
  const enabledRegions = (domain: string, account: string, blueprint: string): string[] | undefined =>
    blueprints.find(
      ({ doc }) => doc.metadata.name === blueprint && (doc.spec.account ?? domainAccount(domain)) === account,
    )?.doc.spec.enabledRegions;
  const requireEnabled = (label: string, domain: string, blueprint: string, at: AccountRegion): void => {
    if (!enabledRegions(domain, at.account, blueprint)?.includes(at.region))
      problems.push(`${label}: blueprint ${blueprint} is not enabled in ${at.account}/${at.region}`);
  };

  const declared = new Set<string>();
  for (const { doc, label } of docs) {
    if (!isObject(doc) || !isObject(doc.metadata)) continue;
    declared.add(`${String(doc.kind)}/${String(doc.metadata.name)}`);
    const domain = doc.metadata.domain;
    if (typeof domain === 'string' && !domains.has(domain))
      problems.push(`${label}: domain ${domain} is not declared`);
  }
  for (const path of units) {
    const parent = path.split('/').slice(0, -1).join('/');
    if (parent !== '' && !units.has(parent))
      problems.push(`DomainUnit ${path}: parent ${parent} is not declared`);
  }
  for (const { doc, label } of associations) {
    if (doc.spec.assumeRoleArn && doc.spec.assumeRoleArn.split(':')[4] !== doc.metadata.name)
      problems.push(`${label}: assumeRoleArn is not a role of account ${doc.metadata.name}`);
  }
  for (const { doc, label } of blueprints) {
    const account = doc.spec.account ?? domainAccount(doc.metadata.domain) ?? '?';
    if (!usable(doc.metadata.domain, account))
      problems.push(`${label}: account ${account} is not associated`);
    if (doc.metadata.name !== 'Tooling') continue;
    for (const region of doc.spec.enabledRegions) {
      const keys = Object.keys(doc.spec.regionalParameters?.[region] ?? {}).sort();
      if (!TOOLING_REGIONAL_KEYS.every((key) => keys.includes(key)))
        problems.push(`${label}: regionalParameters.${region} lacks ${TOOLING_REGIONAL_KEYS.join('/')}`);
    }
  }
  for (const [name, pool] of pools) {
    for (const { id } of pool.spec.accounts ?? []) {
      if (!usable(pool.metadata.domain, id))
        problems.push(`AccountPool ${name}: account ${id} is not associated`);
    }
  }
  for (const [name, profile] of profiles) {
    const label = `ProjectProfile ${name}`;
    const domain = profile.metadata.domain;
    if (profile.spec.domainUnit && !units.has(profile.spec.domainUnit))
      problems.push(`${label}: domain unit ${profile.spec.domainUnit} is not declared`);
    for (const env of profile.spec.environments ?? []) {
      const target = env.target;
      if ('accountPools' in target) {
        for (const poolName of target.accountPools) {
          const pool = pools.get(poolName);
          if (!pool) problems.push(`${label}: pool ${poolName} is not declared`);
          for (const { id, regions } of pool?.spec.accounts ?? []) {
            for (const region of regions)
              requireEnabled(label, domain, env.blueprint, { account: id, region });
          }
        }
      } else if ('account' in target) {
        requireEnabled(label, domain, env.blueprint, target);
      } else {
        for (const account of associated) {
          if (!enabledRegions(domain, account, env.blueprint)?.length)
            problems.push(`${label}: blueprint ${env.blueprint} is not enabled in associated ${account}`);
        }
      }
    }
  }
  for (const { doc, label } of projects) {
    const domain = doc.metadata.domain;
    const profile = profiles.get(doc.spec.profile);
    if (doc.spec.domainUnit && !units.has(doc.spec.domainUnit))
      problems.push(`${label}: domain unit ${doc.spec.domainUnit} is not declared`);
    if (!profile) {
      problems.push(`${label}: profile ${doc.spec.profile} is not declared`);
      continue;
    }
    for (const env of doc.spec.environments ?? []) {
      const profileEnv = profile.spec.environments?.find((candidate) => candidate.name === env.name);
      if (!profileEnv) problems.push(`${label}: profile has no environment ${env.name}`);
      for (const parameter of Object.keys(env.parameters ?? {})) {
        if (!profileEnv?.parameters?.some((p) => p.name === parameter && p.editable))
          problems.push(`${label}: parameter ${parameter} of ${env.name} is not editable in the profile`);
      }
    }
    for (const profileEnv of profile.spec.environments ?? []) {
      const chosen =
        doc.spec.environments?.find((env) => env.name === profileEnv.name)?.target ?? doc.spec.target;
      const target = profileEnv.target;
      if ('account' in target) continue; // fixed by the profile: nothing to choose
      if (!chosen) {
        problems.push(`${label}: environment ${profileEnv.name} needs an account and region`);
        continue;
      }
      if ('accountPools' in target) {
        const allowed = target.accountPools.some((poolName) =>
          pools
            .get(poolName)
            ?.spec.accounts?.some(
              ({ id, regions }) => id === chosen.account && regions.includes(chosen.region),
            ),
        );
        if (!allowed)
          problems.push(
            `${label}: ${chosen.account}/${chosen.region} is not allowed by the pools of ${profileEnv.name}`,
          );
      } else if (!usable(domain, chosen.account)) {
        problems.push(`${label}: ${chosen.account} is not an associated account`);
      }
      requireEnabled(label, domain, profileEnv.blueprint, chosen);
    }
  }
  for (const [name, domain] of domains) {
    for (const address of domain.spec.reconcile?.protect ?? []) {
      if (!/[*?[]/.test(address) && !declared.has(address))
        problems.push(`Domain ${name}: protected address ${address} is not declared`);
    }
  }
  return problems;
}
