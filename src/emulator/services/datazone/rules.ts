/**
 * Metadata enforcement rules: CreateRule, GetRule, UpdateRule, ListRules, DeleteRule. A rule
 * targets a domain unit, requires up to five metadata forms (form type name and revision) and is
 * scoped to projects and/or asset types. UpdateRuleInput has name, description, scope, detail and
 * includeChildDomainUnits only: the target unit and the action never change after create. Only
 * METADATA_FORM_ENFORCEMENT rules are served (docs/emulator/decisions.md, "Rules").
 */
import type {
  CreateRuleInput,
  DeleteRuleInput,
  GetRuleInput,
  ListRulesInput,
  MetadataFormReference,
  RuleDetail,
  RuleScope,
  UpdateRuleInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { formTypes } from './form-types.js';
import { opaqueId } from './ids.js';
import {
  checkNameFree,
  findDomain,
  findProject,
  findUnit,
  inDomain,
  notFound,
  requireAvailable,
} from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord } from './state.js';

/** One rule as the emulator stores it. */
export interface RuleRecord {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  revision: number;
  action: string;
  domainUnitId: string;
  includeChildDomainUnits?: boolean;
  scope: RuleScope;
  requiredForms: { typeIdentifier: string; typeRevision: string }[];
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  lastUpdatedBy: string;
}

function rules(call: DzCall): Record<string, RuleRecord> {
  return (call.state.rules ??= {});
}

function findRule(call: DzCall, domain: DomainRecord, id: string): RuleRecord {
  const rule = rules(call)[id];
  if (!rule || rule.domainId !== domain.id) notFound(call, `Rule ${id} not found.`);
  return rule;
}

/** The required forms of a detail; each must name an existing revision of a form type of the domain. */
function requiredForms(call: DzCall, domain: DomainRecord, detail: RuleDetail | undefined) {
  const forms = detail?.metadataFormEnforcementDetail?.requiredMetadataForms;
  if (!forms) fail('ValidationException', 'The emulator serves METADATA_FORM_ENFORCEMENT rules only.');
  return forms.map((f: MetadataFormReference) => {
    const name = f.typeIdentifier ?? '';
    const record = formTypes(call)[`${domain.id}/${name}`];
    if (!record?.revisions.some((r) => r.revision === f.typeRevision))
      notFound(call, `Form type ${name} revision ${f.typeRevision} not found.`);
    return { typeIdentifier: name, typeRevision: f.typeRevision ?? '' };
  });
}

/** The scope as given, after checking that its specific projects exist. */
function checkedScope(call: DzCall, domain: DomainRecord, scope: RuleScope): RuleScope {
  for (const id of scope.project?.specificProjects ?? []) findProject(call, domain, id);
  return structuredClone(scope);
}

function view(rule: RuleRecord) {
  return {
    identifier: rule.id,
    revision: String(rule.revision),
    name: rule.name,
    ruleType: 'METADATA_FORM_ENFORCEMENT',
    targetType: 'DOMAIN_UNIT',
    target: {
      domainUnitTarget: {
        domainUnitId: rule.domainUnitId,
        includeChildDomainUnits: rule.includeChildDomainUnits,
      },
    },
    action: rule.action,
    scope: rule.scope,
    detail: { metadataFormEnforcementDetail: { requiredMetadataForms: rule.requiredForms } },
    description: rule.description,
    createdAt: new Date(rule.createdAt),
    updatedAt: new Date(rule.updatedAt),
    createdBy: rule.createdBy,
    lastUpdatedBy: rule.lastUpdatedBy,
  };
}

const createRule: DzHandler<CreateRuleInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const target = input.target?.domainUnitTarget;
  if (!target) fail('ValidationException', 'target.domainUnitTarget is required.');
  findUnit(call, domain, target.domainUnitId ?? '');
  checkNameFree(inDomain(rules(call), domain.id), input.name ?? '', 'rule');
  const by = callerProfileId(call, domain.id);
  const rule: RuleRecord = {
    id: opaqueId(call.ctx, 'rule'),
    domainId: domain.id,
    name: input.name ?? '',
    description: input.description,
    revision: 1,
    action: input.action ?? '',
    domainUnitId: target.domainUnitId ?? '',
    includeChildDomainUnits: target.includeChildDomainUnits,
    scope: checkedScope(call, domain, input.scope ?? {}),
    requiredForms: requiredForms(call, domain, input.detail),
    createdAt: call.nowMs,
    createdBy: by,
    updatedAt: call.nowMs,
    lastUpdatedBy: by,
  };
  rules(call)[rule.id] = rule;
  const { revision: _r, updatedAt: _u, lastUpdatedBy: _l, ...out } = view(rule);
  return out;
};

const getRule: DzHandler<GetRuleInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return view(findRule(call, domain, input.identifier ?? ''));
};

const updateRule: DzHandler<UpdateRuleInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const rule = findRule(call, domain, input.identifier ?? '');
  if (input.name !== undefined) {
    checkNameFree(inDomain(rules(call), domain.id), input.name, 'rule', rule.id);
    rule.name = input.name;
  }
  if (input.description !== undefined) rule.description = input.description;
  if (input.scope !== undefined) rule.scope = checkedScope(call, domain, input.scope);
  if (input.detail !== undefined) rule.requiredForms = requiredForms(call, domain, input.detail);
  if (input.includeChildDomainUnits !== undefined)
    rule.includeChildDomainUnits = input.includeChildDomainUnits;
  rule.revision += 1;
  rule.updatedAt = call.nowMs;
  rule.lastUpdatedBy = callerProfileId(call, domain.id);
  return view(rule);
};

const deleteRule: DzHandler<DeleteRuleInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const rule = findRule(call, domain, input.identifier ?? '');
  delete rules(call)[rule.id];
  return {};
};

/** The unit and, with includeCascaded, its ancestors whose rules reach their children. */
function cascade(call: DzCall, domain: DomainRecord, unitId: string): Set<string> {
  const ids = new Set<string>();
  let unit = findUnit(call, domain, unitId);
  ids.add(unit.id);
  while (unit.parentDomainUnitId) {
    unit = findUnit(call, domain, unit.parentDomainUnitId);
    ids.add(unit.id);
  }
  return ids;
}

const listRules: DzHandler<ListRulesInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  // Refused rather than ignored: a filter the emulator dropped would make a test pass for the wrong reason.
  if (input.projectIds !== undefined || input.assetTypes !== undefined || input.dataProduct !== undefined)
    fail(
      'ValidationException',
      'The emulator does not serve ListRules project, asset type or data product filters.',
    );
  const unitId = input.targetIdentifier ?? '';
  const reach = input.includeCascaded
    ? cascade(call, domain, unitId)
    : new Set([findUnit(call, domain, unitId).id]);
  const found = inDomain(rules(call), domain.id).filter(
    (r) =>
      (r.domainUnitId === unitId || (reach.has(r.domainUnitId) && r.includeChildDomainUnits === true)) &&
      (input.ruleType === undefined || input.ruleType === 'METADATA_FORM_ENFORCEMENT') &&
      (input.action === undefined || input.action === r.action),
  );
  const key = `${domain.id}:${unitId}:${input.includeCascaded ? 'cascaded' : 'own'}:${input.ruleType ?? ''}:${input.action ?? ''}`;
  const page = paginate(
    found,
    input,
    pageOptions(call, key, (r: RuleRecord) => r.id),
  );
  return {
    items: page.items.map((r) => {
      const { detail: _d, description: _ds, createdAt: _c, createdBy: _b, ...summary } = view(r);
      return summary;
    }),
    nextToken: page.nextToken,
  };
};

/** Rule handlers by operation name. */
export const ruleHandlers = {
  CreateRule: createRule,
  GetRule: getRule,
  UpdateRule: updateRule,
  ListRules: listRules,
  DeleteRule: deleteRule,
};
