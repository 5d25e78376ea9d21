/**
 * Cross-document references: duplicates, the domain every scoped document names, domain-unit
 * parents and paths, pools, profiles, blueprint names, and references to tombstoned resources.
 * A reference to an undeclared resource of a kind the domain owns completely (`reconcile.prune`)
 * is an error: it could never exist. Of any other kind it may exist live, so it is deferred to
 * plan time and noted. A tombstone's references are not checked (only its domain is).
 */
import { MANAGED_BLUEPRINT_NAMES } from '../../model/blueprints.js';
import { addressOf, identityKey } from '../../model/identity.js';
import { DOMAIN_SCOPED_KINDS, type ManifestKind } from '../../model/manifest.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { ValidDocument } from '../schema-validator.js';
import { didYouMean } from '../suggest.js';
import { defer, report, type CheckContext } from './context.js';
import { isPresent, isPruned } from './inventory.js';

/** Reports documents that declare an identity already declared. */
export function checkDuplicates(ctx: CheckContext): void {
  const first = new Map<string, ValidDocument>();
  for (const doc of ctx.inventory.all) {
    const key = identityKey(addressOf(doc.manifest));
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, doc);
      continue;
    }
    const at = earlier.source.sourceMap.get('/metadata/name')?.value.start;
    report(
      ctx,
      doc,
      'SG300',
      `${doc.manifest.kind} "${doc.manifest.metadata.name}" is already declared at ${earlier.source.file}:${at?.line ?? 1}:${at?.col ?? 1}`,
      '/metadata/name',
    );
  }
}

const MISSING_CODE: Partial<Record<ManifestKind, DiagnosticCode>> = {
  ProjectProfile: 'SG302',
  AccountPool: 'SG303',
  DomainUnit: 'SG304',
  Project: 'SG340',
  FormType: 'SG341',
  Glossary: 'SG342',
};

/**
 * Checks one by-name reference from `doc` (at `pointer`) to a resource of `kind` in `domain`.
 * Returns the referenced document when it is declared.
 */
export function reference(
  ctx: CheckContext,
  doc: ValidDocument,
  kind: ManifestKind,
  domain: string,
  name: string,
  pointer: string,
): ValidDocument | undefined {
  const declared = ctx.inventory.inDomain(kind, domain);
  const target = declared.get(name);
  if (target) {
    if (isPresent(doc) && !isPresent(target)) {
      report(
        ctx,
        doc,
        'SG309',
        `${kind} "${name}" is declared absent (lifecycle.ensure) but still referenced here`,
        pointer,
      );
    }
    return target;
  }
  const hint = didYouMean(name, declared.keys());
  if (isPruned(ctx.inventory, domain, kind) || hint) {
    const why = hint || ` (domain ${domain} prunes ${kind}, so it cannot exist undeclared)`;
    report(
      ctx,
      doc,
      MISSING_CODE[kind] ?? 'SG304',
      `${kind} "${name}" is not declared in domain ${domain}${why}`,
      pointer,
    );
    return undefined;
  }
  defer(ctx, doc, { kind, domain, name }, pointer);
  report(
    ctx,
    doc,
    'SG312',
    `${kind} "${name}" is not declared here; plan will look for it in domain ${domain}`,
    pointer,
    {
      severity: 'note',
    },
  );
  return undefined;
}

function checkDomainUnitPath(
  ctx: CheckContext,
  doc: ValidDocument,
  domain: string,
  path: string,
  pointer: string,
) {
  const parts = path.split('/');
  if (parts.length > 5) {
    report(
      ctx,
      doc,
      'SG313',
      `domain-unit path "${path}" has ${parts.length} levels; DataZone allows 5`,
      pointer,
    );
  }
  reference(ctx, doc, 'DomainUnit', domain, path, pointer);
}

/** Runs the reference checks over every document. */
export function checkReferences(ctx: CheckContext): void {
  const { inventory } = ctx;
  for (const doc of inventory.all) {
    const m = doc.manifest;
    if (!DOMAIN_SCOPED_KINDS.has(m.kind)) continue;
    const domain = m.metadata.domain ?? '';
    const domainDoc = inventory.domains.get(domain);
    if (!domainDoc) {
      report(
        ctx,
        doc,
        'SG301',
        `domain "${domain}" is not declared by any Domain manifest${didYouMean(domain, inventory.domains.keys())}`,
        '/metadata/domain',
      );
      continue;
    }
    if (isPresent(doc) && !isPresent(domainDoc)) {
      report(
        ctx,
        doc,
        'SG309',
        `domain "${domain}" is declared absent (lifecycle.ensure) but this resource is declared present`,
        '/metadata/domain',
      );
    }
    // A tombstone is matched on identity alone and is never created: what it would refer to (its
    // profile, pools, parent unit, associated account) need not exist, so a project and its
    // profile can be retired in one change.
    if (!isPresent(doc)) continue;
    switch (m.kind) {
      case 'DomainUnit': {
        const parent = m.metadata.name.split('/').slice(0, -1).join('/');
        if (m.metadata.name.split('/').length > 5) {
          report(
            ctx,
            doc,
            'SG313',
            `domain-unit path "${m.metadata.name}" is deeper than the 5 levels DataZone allows`,
            '/metadata/name',
          );
        }
        if (parent) reference(ctx, doc, 'DomainUnit', domain, parent, '/metadata/name');
        break;
      }
      case 'ProjectProfile': {
        if (m.spec.domainUnit) checkDomainUnitPath(ctx, doc, domain, m.spec.domainUnit, '/spec/domainUnit');
        (m.spec.environments ?? []).forEach((env, i) => {
          if (!(MANAGED_BLUEPRINT_NAMES as readonly string[]).includes(env.blueprint)) {
            report(
              ctx,
              doc,
              'SG305',
              `"${env.blueprint}" is not a managed blueprint${didYouMean(env.blueprint, MANAGED_BLUEPRINT_NAMES)}`,
              `/spec/environments/${i}/blueprint`,
            );
          }
          (env.target.accountPools ?? []).forEach((pool, j) =>
            reference(
              ctx,
              doc,
              'AccountPool',
              domain,
              pool,
              `/spec/environments/${i}/target/accountPools/${j}`,
            ),
          );
        });
        break;
      }
      case 'Project':
        // No profile: a project made without one (its environments are checked in project-targets).
        if (m.spec.profile !== undefined)
          reference(ctx, doc, 'ProjectProfile', domain, m.spec.profile, '/spec/profile');
        if (m.spec.domainUnit) checkDomainUnitPath(ctx, doc, domain, m.spec.domainUnit, '/spec/domainUnit');
        break;
      case 'BlueprintConfiguration':
        if (!(MANAGED_BLUEPRINT_NAMES as readonly string[]).includes(m.metadata.name)) {
          report(
            ctx,
            doc,
            'SG305',
            `"${m.metadata.name}" is not a managed blueprint${didYouMean(m.metadata.name, MANAGED_BLUEPRINT_NAMES)}`,
            '/metadata/name',
          );
        }
        checkAssociatedAccount(ctx, doc, domain, m.spec.account, '/spec/account');
        break;
      case 'AccountAssociation':
      case 'AccountPool':
        break;
      default:
        break;
    }
  }
}

/** Blueprint configurations live in the domain account or an associated one. */
function checkAssociatedAccount(
  ctx: CheckContext,
  doc: ValidDocument,
  domain: string,
  account: string | undefined,
  pointer: string,
) {
  const domainAccount = ctx.inventory.domains.get(domain)?.manifest.spec.account;
  if (!account || account === domainAccount) return;
  const association = ctx.inventory.inDomain('AccountAssociation', domain).get(account);
  if (association) {
    if (isPresent(doc) && !isPresent(association)) {
      report(
        ctx,
        doc,
        'SG309',
        `account ${account} is declared disassociated (lifecycle.ensure: absent) but still used here`,
        pointer,
      );
    }
    return;
  }
  if (isPruned(ctx.inventory, domain, 'AccountAssociation')) {
    report(
      ctx,
      doc,
      'SG311',
      `account ${account} is neither the domain account nor associated with domain ${domain}`,
      pointer,
    );
  } else {
    defer(ctx, doc, { kind: 'AccountAssociation', domain, name: account }, pointer);
    report(
      ctx,
      doc,
      'SG312',
      `account ${account} has no AccountAssociation here; plan will check that it is associated`,
      pointer,
      { severity: 'note' },
    );
  }
}

export { checkAssociatedAccount };
