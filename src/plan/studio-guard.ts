/**
 * The account guard of Studio domains, as `Domain.spec.account` has one (cli/run/make-plan.ts):
 * a StudioDomain (or a Studio prune scope) in another account than the caller's is acted on only
 * through a role whose credentials are of that account. When there is no role to reach it, or the
 * role turns out to be of another account, the run is refused before anything is planned, with a
 * located error at the document's `spec.account`. Pure: the reaching was done by the live read.
 * Two StudioDomains that are one domain once the caller's account is known are refused too.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Observation } from '../live/types.js';
import { locate, type ValidDocument } from '../validate/schema-validator.js';

/**
 * Validation cannot know the caller's account, so a StudioDomain that names it and one that leaves
 * it out (the same domain) pass as two; once the caller is known they are reported as duplicates.
 */
function sameDomainTwice(documents: readonly ValidDocument[], caller: string): Diagnostic[] {
  const seen = new Map<string, ValidDocument>();
  const out: Diagnostic[] = [];
  for (const doc of documents) {
    const m = doc.manifest;
    if (m.kind !== 'StudioDomain') continue;
    const account = m.spec.account === caller ? '' : (m.spec.account ?? '');
    const key = `${account}/${m.spec.region}/${m.metadata.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, doc);
      continue;
    }
    out.push(
      diagnostic(
        'SG300',
        'error',
        `StudioDomain ${m.metadata.name} (region ${m.spec.region}) is declared twice: account ${caller} is the caller's, the default (first in ${first.source.file})`,
        locate(doc.source, '/metadata/name', false),
      ),
    );
  }
  return out;
}

/** The located refusals: duplicates by the caller's account, then accounts not reached as themselves. */
export function studioAccountGuard(
  documents: readonly ValidDocument[],
  observation: Observation,
): Diagnostic[] {
  const twice = observation.caller.account ? sameDomainTwice(documents, observation.caller.account) : [];
  if (twice.length > 0) return twice;
  const problems = new Map(
    (observation.studioAccounts ?? []).flatMap((a) => (a.problem ? [[a.account, a.problem] as const] : [])),
  );
  if (problems.size === 0) return [];
  const caller = observation.caller.account || 'unknown';
  const out: Diagnostic[] = [];
  for (const doc of documents) {
    const m = doc.manifest;
    if (m.kind === 'StudioDomain' && m.spec.account && problems.has(m.spec.account)) {
      const how = m.spec.assumeRoleArn ? 'spec.assumeRoleArn' : 'an AccountAssociation assumeRoleArn';
      out.push(
        diagnostic(
          'SG330',
          'error',
          `StudioDomain ${m.metadata.name} declares account ${m.spec.account}, but the credentials are of account ${caller} and ${problems.get(m.spec.account)} (set ${how} to a role in ${m.spec.account}); refusing to act`,
          locate(doc.source, '/spec/account', false),
        ),
      );
    }
    if (m.kind !== 'Policy') continue;
    (m.spec.reconcile?.studioDomains?.prune ?? []).forEach((scope, i) => {
      if (!scope.account || !problems.has(scope.account)) return;
      out.push(
        diagnostic(
          'SG330',
          'error',
          `Policy ${m.metadata.name} prunes Studio domains in account ${scope.account}, but the credentials are of account ${caller} and ${problems.get(scope.account)}; refusing to act`,
          locate(doc.source, `/spec/reconcile/studioDomains/prune/${i}/account`, false),
        ),
      );
    });
  }
  return out;
}
