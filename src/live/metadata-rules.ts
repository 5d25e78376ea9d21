/**
 * Metadata enforcement rules: ListRules answers the rules of one target (a domain unit), so every
 * unit of the walked tree, root included, is listed (ruleType METADATA_FORM_ENFORCEMENT, without
 * cascaded rules so each rule is found once, on its own unit). The summary has no detail nor
 * description, so each rule is read with GetRule. Ids resolve to manifest names: the unit to its
 * path, projects to names; required forms are form type names, with `@<revision>` when the rule
 * pins an older revision than the form type's latest, so the plan shows the stale pin.
 */
import {
  GetRuleCommand,
  ListRulesCommand,
  type FormTypeData,
  type GetRuleOutput,
  type ProjectSummary,
  type RuleSummary,
} from '@aws-sdk/client-datazone';
import type { NormalMetadataRule, NormalRuleScope } from '../model/form-type.js';
import { compact } from '../model/normalized.js';
import type { DomainContext } from './domain-context.js';
import type { UnitTree } from './domain-units.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';
import { NameIndex } from './resolve-names.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';

/** What a rule's ids resolve through. */
export interface RuleNames {
  tree: UnitTree;
  projects: ProjectSummary[] | undefined;
  /** The custom form types (latest revision each); undefined when they could not be listed. */
  forms: FormTypeData[] | undefined;
}

/** The normalised value of a rule (the mirror of model/form-type.ts normalizeMetadataRule). */
export function normalizeRule(rule: GetRuleOutput, names: RuleNames): NormalMetadataRule {
  const projects = new NameIndex((names.projects ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const));
  const latest = new Map((names.forms ?? []).map((f) => [f.name ?? '', f.revision ?? '']));
  const target = rule.target?.domainUnitTarget;
  const forms = rule.detail?.metadataFormEnforcementDetail?.requiredMetadataForms ?? [];
  const s = rule.scope;
  const scope: NormalRuleScope = {
    projects:
      s?.project?.selectionMode === 'ALL'
        ? 'ALL'
        : s?.project?.specificProjects?.map((id) => projects.name(id)),
    assetTypes: s?.assetType?.selectionMode === 'ALL' ? 'ALL' : s?.assetType?.specificAssetTypes,
    dataProduct: s?.dataProduct,
  };
  return compact({
    domainUnit: names.tree.paths.path(target?.domainUnitId),
    includeChildDomainUnits: target?.includeChildDomainUnits ?? false,
    action: rule.action ?? '',
    requiredForms: forms.map((f) => {
      const name = f.typeIdentifier ?? '';
      const current = latest.get(name);
      // Unknown latest (list failed): the pin cannot be judged, so it is not reported.
      return names.forms === undefined || current === f.typeRevision ? name : `${name}@${f.typeRevision}`;
    }),
    description: rule.description,
    scope,
  });
}

async function listUnitRules(dc: DomainContext, unit: { id: string; path: string }) {
  return dc.read.list(
    'ListRules',
    `${dc.where} rules of unit ${unit.path || '(root)'}`,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new ListRulesCommand({
          domainIdentifier: dc.domain.id,
          targetType: 'DOMAIN_UNIT',
          targetIdentifier: unit.id,
          ruleType: 'METADATA_FORM_ENFORCEMENT',
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
}

async function readRule(dc: DomainContext, summary: RuleSummary, names: RuleNames): Promise<LiveResource> {
  const id = summary.identifier ?? '';
  const got = await dc.read.getListed(
    'GetRule',
    `${dc.where} rule ${summary.name ?? id}`,
    viaDataZone(dc.clients),
    () => dc.clients.dataZone.send(new GetRuleCommand({ domainIdentifier: dc.domain.id, identifier: id })),
  );
  return liveResource({
    address: { kind: 'MetadataRule', domain: dc.domain.name, name: summary.name ?? '' },
    id,
    summary,
    normal: got.ok ? normalizeRule(got.value, names) : undefined,
    // The rule as answered: a form type revised by this apply must not make the rule look changed.
    fingerprintSource: got.ok ? { ...got.value, $metadata: undefined } : undefined,
    meta: {
      domainId: dc.domain.id,
      revision: summary.revision,
      ...(got.ok ? {} : { [READ_FAILED_META]: 'GetRule' }),
    },
    lastUpdatedAt: summary.updatedAt,
  });
}

/**
 * True when the plan needs the rules: some are declared or pruned, or form types are (a form type
 * delete is judged against the rules that require it). A read scoped to one other resource (the
 * apply's conflict re-read) skips them: listing every unit's rules then would race the deletes of
 * units running beside it.
 */
export function rulesWanted(dc: DomainContext): boolean {
  const { wanted, allKinds } = dc.scope;
  return (['MetadataRule', 'FormType'] as const).some((k) => allKinds.includes(k) || wanted[k] !== undefined);
}

/** The LiveResources of every metadata enforcement rule of the domain, unit by unit. */
export async function readMetadataRules(dc: DomainContext, names: RuleNames): Promise<LiveResource[]> {
  if (!rulesWanted(dc)) return [];
  const units = [{ id: dc.domain.rootDomainUnitId, path: '' }, ...names.tree.units];
  const perUnit = await Promise.all(
    units.map(async (unit) => {
      const rules = await listUnitRules(dc, unit);
      return Promise.all((rules ?? []).map((r) => readRule(dc, r, names)));
    }),
  );
  return perUnit.flat();
}
