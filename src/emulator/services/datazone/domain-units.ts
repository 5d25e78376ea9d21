/**
 * Domain units: a tree under the domain's root unit. Names are unique among siblings; a unit
 * cannot move (no parent update); at most `domainUnitsPerDomain` non-root units and
 * `domainUnitDepth` levels below the root (the root is level 0). A unit can only be deleted when
 * nothing hangs off it: child units, projects, account pools or project profiles.
 */
import type {
  CreateDomainUnitInput,
  DeleteDomainUnitInput,
  GetDomainUnitInput,
  ListDomainUnitsForParentInput,
  UpdateDomainUnitInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { ownersView } from './entity-owners.js';
import { opaqueId } from './ids.js';
import { checkNameFree, findDomain, findUnit, inDomain, requireAvailable } from './lookups.js';
import { callerProfileId } from './principals.js';
import { checkQuota } from './quotas.js';
import type { DomainUnitRecord } from './state.js';

/** Ids of the unit's ancestors, nearest first (root last). */
function ancestorsOf(call: DzCall, unit: DomainUnitRecord): string[] {
  const ancestors: string[] = [];
  let parentId = unit.parentDomainUnitId;
  while (parentId !== undefined) {
    ancestors.push(parentId);
    parentId = call.state.domainUnits[parentId]?.parentDomainUnitId;
  }
  return ancestors;
}

function view(unit: DomainUnitRecord) {
  return {
    id: unit.id,
    domainId: unit.domainId,
    name: unit.name,
    parentDomainUnitId: unit.parentDomainUnitId,
    description: unit.description,
    owners: ownersView(unit),
    createdAt: new Date(unit.createdAt),
    createdBy: unit.createdBy,
  };
}

function siblings(call: DzCall, domainId: string, parentId: string | undefined): DomainUnitRecord[] {
  return inDomain(call.state.domainUnits, domainId).filter((u) => u.parentDomainUnitId === parentId);
}

const createDomainUnit: DzHandler<CreateDomainUnitInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const parent = findUnit(call, domain, input.parentDomainUnitIdentifier ?? '');
  const name = input.name ?? '';
  checkNameFree(siblings(call, domain.id, parent.id), name, 'domain unit under this parent');
  const nonRoot = inDomain(call.state.domainUnits, domain.id).length - 1;
  checkQuota(call, 'domainUnitsPerDomain', nonRoot + 1, 'domain units per domain');
  checkQuota(
    call,
    'domainUnitDepth',
    ancestorsOf(call, parent).length + 1,
    'levels of domain units below the root',
  );
  const unit: DomainUnitRecord = {
    id: opaqueId(call.ctx, 'unit'),
    domainId: domain.id,
    name,
    description: input.description,
    parentDomainUnitId: parent.id,
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
    createdBy: callerProfileId(call, domain.id),
  };
  call.state.domainUnits[unit.id] = unit;
  return { ...view(unit), ancestorDomainUnitIds: ancestorsOf(call, unit) };
};

function fullView(unit: DomainUnitRecord) {
  return { ...view(unit), lastUpdatedAt: new Date(unit.lastUpdatedAt), lastUpdatedBy: unit.lastUpdatedBy };
}

const getDomainUnit: DzHandler<GetDomainUnitInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return fullView(findUnit(call, domain, input.identifier ?? ''));
};

const updateDomainUnit: DzHandler<UpdateDomainUnitInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const unit = findUnit(call, domain, input.identifier ?? '');
  if (input.name !== undefined) {
    checkNameFree(
      siblings(call, domain.id, unit.parentDomainUnitId),
      input.name,
      'domain unit under this parent',
      unit.id,
    );
    unit.name = input.name;
  }
  if (input.description !== undefined) unit.description = input.description;
  unit.lastUpdatedAt = call.nowMs;
  unit.lastUpdatedBy = callerProfileId(call, domain.id);
  return fullView(unit);
};

const deleteDomainUnit: DzHandler<DeleteDomainUnitInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const unit = findUnit(call, domain, input.identifier ?? '');
  if (unit.id === domain.rootDomainUnitId)
    fail('ConflictException', 'The root domain unit cannot be deleted.');
  const { state } = call;
  const owned = (table: Record<string, { domainId: string; domainUnitId: string }>) =>
    inDomain(table, domain.id).filter((r) => r.domainUnitId === unit.id).length;
  const dependents: [number, string][] = [
    [siblings(call, domain.id, unit.id).length, 'child domain unit(s)'],
    [owned(state.projects), 'project(s)'],
    [owned(state.accountPools), 'account pool(s)'],
    [owned(state.projectProfiles), 'project profile(s)'],
  ];
  const blocking = dependents.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  if (blocking.length > 0)
    fail('ConflictException', `Domain unit ${unit.id} still has ${blocking.join(', ')}.`);
  delete state.domainUnits[unit.id];
  return {};
};

const listDomainUnitsForParent: DzHandler<ListDomainUnitsForParentInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const parent = findUnit(call, domain, input.parentDomainUnitIdentifier ?? '');
  const items = siblings(call, domain.id, parent.id).map((u) => ({ name: u.name, id: u.id }));
  const page = paginate(
    items,
    input,
    pageOptions(call, `${domain.id}:${parent.id}`, (u) => u.id),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** Domain unit handlers by operation name. */
export const domainUnitHandlers = {
  CreateDomainUnit: createDomainUnit,
  GetDomainUnit: getDomainUnit,
  UpdateDomainUnit: updateDomainUnit,
  DeleteDomainUnit: deleteDomainUnit,
  ListDomainUnitsForParent: listDomainUnitsForParent,
};
