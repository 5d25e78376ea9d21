/**
 * Reads the emulator's world the way an auditor would: natural keys (names within their scope)
 * that exist more than once are duplicates, which apply must never create.
 */
import type { EmulatorWorld } from '../../src/emulator/types.js';
import type { DataZoneState } from '../../src/emulator/services/datazone/state.js';
import type { RamState } from '../../src/emulator/services/ram/state.js';
import type { SageMakerState } from '../../src/emulator/services/sagemaker/state.js';
import { grantNaturalKeys } from '../campaigns/lib/grants.js';

function repeated(keys: string[]): string[] {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  return [...seen]
    .filter(([, n]) => n > 1)
    .map(([k]) => k)
    .sort();
}

/** Natural keys that occur twice or more across domains, units, pools, profiles, projects, memberships, shares and Studio domains. */
export function duplicateNaturalKeys(world: EmulatorWorld): string[] {
  const dz = (world.services.datazone ?? {}) as Partial<DataZoneState>;
  const keys: string[] = [];
  for (const d of Object.values(dz.domains ?? {}))
    if (d.deletingSince === undefined) keys.push(`domain:${d.accountId}/${d.region}/${d.name}`);
  for (const u of Object.values(dz.domainUnits ?? {}))
    keys.push(`unit:${u.domainId}/${u.parentDomainUnitId ?? ''}/${u.name}`);
  for (const p of Object.values(dz.accountPools ?? {})) keys.push(`pool:${p.domainId}/${p.name}`);
  for (const p of Object.values(dz.projectProfiles ?? {})) keys.push(`profile:${p.domainId}/${p.name}`);
  for (const p of Object.values(dz.projects ?? {})) {
    if (p.deletingSince !== undefined) continue;
    keys.push(`project:${p.domainId}/${p.name}`);
    for (const m of p.memberships) keys.push(`member:${p.id}/${m.member.userId ?? m.member.groupId ?? ''}`);
  }
  const ram = (world.services.ram ?? {}) as Partial<RamState>;
  for (const s of Object.values(ram.shares ?? {}))
    if (s.deletedAt === undefined) keys.push(`share:${s.owningAccountId}/${s.region}/${s.name}`);
  const sm = (world.services.sagemaker ?? {}) as Partial<SageMakerState>;
  for (const d of Object.values(sm.domains ?? {})) {
    if (d.deleteStartedAt === undefined)
      keys.push(`studio:${d.accountId}/${d.region}/${d.config.DomainName}`);
  }
  keys.push(...grantNaturalKeys(world));
  return repeated(keys);
}
