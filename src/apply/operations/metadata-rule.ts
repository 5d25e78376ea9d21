/**
 * Carries out changes to metadata enforcement rules. CreateRule takes a client token, but the
 * name is still looked up on the target unit first (ListRules, exact match) so that a rule created
 * by an interrupted apply is adopted. Required forms are sent with the form type's latest revision
 * (GetFormType), read right before the call, so a form type revised earlier in the same apply is
 * pinned at its new revision. An update sends the members UpdateRule has (description, scope,
 * detail, includeChildDomainUnits); a changed unit or action is a replace (plan/kinds.ts).
 */
import {
  CreateRuleCommand,
  DeleteRuleCommand,
  GetFormTypeCommand,
  ListRulesCommand,
  UpdateRuleCommand,
  type MetadataFormReference,
  type RuleAction,
  type RuleScope,
} from '@aws-sdk/client-datazone';
import type { NormalMetadataRule } from '../../model/form-type.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { clientToken, listAll, unitId, type DomainRef } from './dz-calls.js';
import { exactMatch } from './dz-named.js';
import { deleteCall, ensureNamed, namedOperation, type NamedTarget } from './dz-named-operation.js';

type RuleTarget = NamedTarget<'MetadataRule'>;

function scopeOf(ctx: OperationContext, d: DomainRef, r: NormalMetadataRule): RuleScope {
  const { projects, assetTypes, dataProduct } = r.scope;
  const projectIds = (names: string[]) =>
    names.map((name) => {
      const id = ctx.ids.get('Project', d.name, name);
      if (!id) throw new ApplyError(`project ${name} does not exist in domain ${d.name}`);
      return id;
    });
  return {
    project:
      projects === undefined
        ? undefined
        : projects === 'ALL'
          ? { selectionMode: 'ALL' }
          : { selectionMode: 'SPECIFIC', specificProjects: projectIds(projects) },
    assetType:
      assetTypes === undefined
        ? undefined
        : assetTypes === 'ALL'
          ? { selectionMode: 'ALL' }
          : { selectionMode: 'SPECIFIC', specificAssetTypes: [...assetTypes] },
    dataProduct,
  };
}

/** The required forms, each at the form type's latest revision. */
async function formsOf(
  ctx: OperationContext,
  d: DomainRef,
  r: NormalMetadataRule,
): Promise<MetadataFormReference[]> {
  return Promise.all(
    r.requiredForms.map(async (name) => {
      const out = await ctx.call('GetFormType', d.scope, () =>
        d.clients.dataZone.send(new GetFormTypeCommand({ domainIdentifier: d.id, formTypeIdentifier: name })),
      );
      return { typeIdentifier: name, typeRevision: out.revision };
    }),
  );
}

async function findRule(ctx: OperationContext, d: DomainRef, unit: string, name: string) {
  const items = await listAll(ctx, 'ListRules', d.scope, async (nextToken) => {
    const out = await d.clients.dataZone.send(
      new ListRulesCommand({
        domainIdentifier: d.id,
        targetType: 'DOMAIN_UNIT',
        targetIdentifier: unit,
        ruleType: 'METADATA_FORM_ENFORCEMENT',
        nextToken,
      }),
    );
    return { items: out.items?.map((i) => ({ id: i.identifier, name: i.name })), nextToken: out.nextToken };
  });
  return exactMatch(items, name, 'rule');
}

async function updateRule({ ctx, d }: RuleTarget, id: string, r: NormalMetadataRule): Promise<void> {
  const requiredMetadataForms = await formsOf(ctx, d, r);
  await ctx.call('UpdateRule', d.scope, () =>
    d.clients.dataZone.send(
      new UpdateRuleCommand({
        domainIdentifier: d.id,
        identifier: id,
        // '' clears a description the manifest no longer sets (an absent member changes nothing).
        description: r.description ?? '',
        scope: scopeOf(ctx, d, r),
        detail: { metadataFormEnforcementDetail: { requiredMetadataForms } },
        includeChildDomainUnits: r.includeChildDomainUnits,
      }),
    ),
  );
}

async function ensureRule(target: RuleTarget, r: NormalMetadataRule, generation: string): Promise<void> {
  const { ctx, d, name } = target;
  const unit = unitId(ctx, d, r.domainUnit);
  await ensureNamed(target, {
    find: () => findRule(ctx, d, unit, name),
    async create() {
      const requiredMetadataForms = await formsOf(ctx, d, r);
      const out = await ctx.call('CreateRule', d.scope, () =>
        d.clients.dataZone.send(
          new CreateRuleCommand({
            domainIdentifier: d.id,
            name,
            target: {
              domainUnitTarget: { domainUnitId: unit, includeChildDomainUnits: r.includeChildDomainUnits },
            },
            action: r.action as RuleAction,
            scope: scopeOf(ctx, d, r),
            detail: { metadataFormEnforcementDetail: { requiredMetadataForms } },
            description: r.description,
            clientToken: clientToken('CreateRule', d.id, name, generation),
          }),
        ),
      );
      if (!out.identifier) throw new ApplyError(`CreateRule of ${name} answered no identifier`);
      return out.identifier;
    },
    update: (id) => updateRule(target, id, r),
  });
}

/** Create, update, replace or delete one metadata enforcement rule. */
export const metadataRuleOperation: Operation = namedOperation<NormalMetadataRule, 'MetadataRule'>({
  kind: 'MetadataRule',
  ensure: ensureRule,
  update: updateRule,
  remove: deleteCall('DeleteRule', (d, request) => d.clients.dataZone.send(new DeleteRuleCommand(request))),
});
