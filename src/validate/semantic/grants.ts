/**
 * PolicyGrant references: the unit a grant is on, the profiles of a CREATE_PROJECT_FROM_PROJECT_PROFILE
 * grant, and the project or unit its principal names resolve like every other by-name reference
 * (references.ts: an error when undeclared in a pruned kind or when a declared name is close, else
 * deferred to plan). Users and groups live in IAM Identity Center, which manifests do not declare:
 * a name close to (but not equal to) one that project members use is flagged as a likely typo. Natural-key collisions are duplicates
 * (checkDuplicates: the identity of a grant is its key).
 */
import { MANAGED_BLUEPRINT_NAMES } from '../../model/blueprints.js';
import { closest, didYouMean } from '../suggest.js';
import type { ValidDocument } from '../schema-validator.js';
import { defer, report, type CheckContext } from './context.js';
import { isPresent, isPruned, type DocOf } from './inventory.js';
import { reference } from './references.js';

/** User and group names project members use, per domain (the only place manifests name IdC principals). */
function knownPrincipals(ctx: CheckContext): Map<string, { user: Set<string>; group: Set<string> }> {
  const known = new Map<string, { user: Set<string>; group: Set<string> }>();
  const of = (domain: string) => {
    let entry = known.get(domain);
    if (!entry) known.set(domain, (entry = { user: new Set(), group: new Set() }));
    return entry;
  };
  for (const doc of ctx.inventory.ofKind('Project')) {
    if (!isPresent(doc)) continue;
    for (const m of doc.manifest.spec.members ?? []) {
      if (m.user) of(doc.manifest.metadata.domain ?? '').user.add(m.user);
      if (m.group) of(doc.manifest.metadata.domain ?? '').group.add(m.group);
    }
  }
  return known;
}

function checkPrincipalName(
  ctx: CheckContext,
  doc: ValidDocument,
  kind: 'user' | 'group',
  name: string,
  known: ReadonlySet<string>,
): void {
  if (known.has(name)) return;
  const near = closest(name, known);
  if (near === undefined) return;
  report(
    ctx,
    doc,
    'SG345',
    `${kind} "${name}" is not a project member here; did you mean "${near}"?`,
    `/spec/principal/${kind}`,
    { severity: 'warning' },
  );
}

/**
 * The configuration a blueprint grant is on: a managed blueprint, declared as a
 * BlueprintConfiguration of that account (one without `account` is the domain account's); an
 * undeclared one is an error where the domain prunes the kind, else deferred to plan, which
 * refuses it when it is not live either (AddPolicyGrant would fail on it at apply).
 */
function checkBlueprintTarget(ctx: CheckContext, doc: DocOf<'PolicyGrant'>, domain: string): void {
  const target = doc.manifest.spec.blueprintConfiguration;
  if (!target) return;
  const pointer = '/spec/blueprintConfiguration';
  if (!(MANAGED_BLUEPRINT_NAMES as readonly string[]).includes(target.blueprint)) {
    const hint = didYouMean(target.blueprint, MANAGED_BLUEPRINT_NAMES);
    report(
      ctx,
      doc,
      'SG349',
      `"${target.blueprint}" is not a managed blueprint${hint}`,
      `${pointer}/blueprint`,
    );
    return;
  }
  const domainAccount = ctx.inventory.domains.get(domain)?.manifest.spec.account;
  const declared = ctx.inventory
    .ofKind('BlueprintConfiguration')
    .find(
      (c) =>
        c.manifest.metadata.domain === domain &&
        c.manifest.metadata.name === target.blueprint &&
        (c.manifest.spec.account ?? domainAccount) === target.account,
    );
  if (declared) return;
  if (isPruned(ctx.inventory, domain, 'BlueprintConfiguration')) {
    report(
      ctx,
      doc,
      'SG349',
      `BlueprintConfiguration ${target.blueprint} of account ${target.account} is not declared in domain ${domain} (it prunes BlueprintConfiguration, so it cannot exist undeclared)`,
      pointer,
    );
    return;
  }
  defer(
    ctx,
    doc,
    { kind: 'BlueprintConfiguration', domain, name: target.blueprint, account: target.account },
    pointer,
  );
}

function checkGrant(ctx: CheckContext, doc: DocOf<'PolicyGrant'>, known: ReturnType<typeof knownPrincipals>) {
  const { spec, metadata } = doc.manifest;
  const domain = metadata.domain ?? '';
  if (!ctx.inventory.domains.has(domain)) return; // reported once by checkReferences (SG301)
  checkBlueprintTarget(ctx, doc, domain);
  if (spec.domainUnit) reference(ctx, doc, 'DomainUnit', domain, spec.domainUnit, '/spec/domainUnit');
  (spec.projectProfiles ?? []).forEach((name, i) =>
    reference(ctx, doc, 'ProjectProfile', domain, name, `/spec/projectProfiles/${i}`),
  );
  const p = spec.principal;
  if (p.project?.name) reference(ctx, doc, 'Project', domain, p.project.name, '/spec/principal/project/name');
  if (p.project?.domainUnit)
    reference(ctx, doc, 'DomainUnit', domain, p.project.domainUnit, '/spec/principal/project/domainUnit');
  if (p.domainUnitOwners && p.domainUnitOwners !== '*')
    reference(ctx, doc, 'DomainUnit', domain, p.domainUnitOwners, '/spec/principal/domainUnitOwners');
  const names = known.get(domain);
  if (p.user && names) checkPrincipalName(ctx, doc, 'user', p.user, names.user);
  if (p.group && names) checkPrincipalName(ctx, doc, 'group', p.group, names.group);
}

/** Runs the grant checks (tombstones are matched on identity alone and not checked). */
export function checkGrants(ctx: CheckContext): void {
  const grants = ctx.inventory.ofKind('PolicyGrant').filter(isPresent);
  // The members of every project are gathered only when there is a grant to check against them.
  if (grants.length === 0) return;
  const known = knownPrincipals(ctx);
  for (const doc of grants) checkGrant(ctx, doc, known);
}
