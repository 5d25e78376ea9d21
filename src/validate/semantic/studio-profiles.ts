/**
 * StudioUserProfile references (issue 16): `spec.domain` must name a StudioDomain manifest of the
 * caller's account (profiles are read and written there), and `spec.singleSignOnUser` must match
 * that domain's auth mode: SageMaker requires the single sign-on identity on every profile of an
 * SSO domain and refuses it on an IAM domain. Both are settled from the manifests alone, so they
 * are errors located at the field, not plan-time surprises.
 */
import type { ManifestOf } from '../../model/manifest.js';
import { didYouMean } from '../suggest.js';
import { report, type CheckContext } from './context.js';
import { isPresent } from './inventory.js';

/** Checks every user profile's domain and single sign-on user. */
export function checkStudioProfiles(ctx: CheckContext): void {
  const domains = new Map<string, ManifestOf<'StudioDomain'>>();
  // By kind (each list in document order): two walks over every document found a few of each.
  for (const { manifest: m } of ctx.inventory.ofKind('StudioDomain'))
    if (!m.spec.account && !domains.has(m.metadata.name)) domains.set(m.metadata.name, m);
  for (const doc of ctx.inventory.ofKind('StudioUserProfile')) {
    const m = doc.manifest;
    const domain = domains.get(m.spec.domain);
    if (!domain) {
      report(
        ctx,
        doc,
        'SG350',
        `StudioDomain "${m.spec.domain}" is not declared in the caller's account${didYouMean(m.spec.domain, domains.keys())}`,
        '/spec/domain',
      );
      continue;
    }
    if (!isPresent(doc) || domain.lifecycle?.ensure === 'absent') continue;
    if (domain.spec.authMode === 'IAM' && m.spec.singleSignOnUser !== undefined)
      report(
        ctx,
        doc,
        'SG351',
        `StudioDomain "${m.spec.domain}" uses authMode IAM: a user profile of it cannot have a singleSignOnUser`,
        '/spec/singleSignOnUser',
      );
    if (domain.spec.authMode === 'SSO' && m.spec.singleSignOnUser === undefined)
      report(
        ctx,
        doc,
        'SG351',
        `StudioDomain "${m.spec.domain}" uses authMode SSO: every user profile of it needs a singleSignOnUser`,
        '/spec',
      );
  }
}
