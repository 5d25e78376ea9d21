/**
 * References of a GlossaryTerm (docs/metadata.md): its glossary, and the terms its relations name.
 * Related terms are looked up among the terms declared in the same glossary (term names are unique
 * only per glossary, so the domain-wide inventory by name cannot answer). As for every reference,
 * an undeclared name is an error when a declared one is close (did-you-mean) or when the domain
 * prunes the kind, and is otherwise deferred to plan time, where it must be live.
 */
import { termAddressName } from '../../model/glossary-term.js';
import type { ValidDocument } from '../schema-validator.js';
import { didYouMean } from '../suggest.js';
import { defer, report, type CheckContext } from './context.js';
import { isPresent, isPruned } from './inventory.js';
import { reference } from './references.js';

/** Declared terms by `domain \0 glossary`, then by name (the first declaration wins, as elsewhere). */
function termsByGlossary(ctx: CheckContext): Map<string, Map<string, ValidDocument>> {
  const out = new Map<string, Map<string, ValidDocument>>();
  for (const doc of ctx.inventory.ofKind('GlossaryTerm')) {
    const key = `${doc.manifest.metadata.domain ?? ''}\u0000${doc.manifest.spec.glossary}`;
    let names = out.get(key);
    if (!names) out.set(key, (names = new Map()));
    if (!names.has(doc.manifest.metadata.name)) names.set(doc.manifest.metadata.name, doc);
  }
  return out;
}

function checkRelation(
  ctx: CheckContext,
  doc: ValidDocument,
  declared: ReadonlyMap<string, ValidDocument>,
  related: string,
  pointer: string,
): void {
  const m = doc.manifest;
  if (m.kind !== 'GlossaryTerm') return;
  const [domain, glossary] = [m.metadata.domain ?? '', m.spec.glossary];
  if (related === m.metadata.name) {
    report(ctx, doc, 'SG342', `GlossaryTerm "${related}" cannot be related to itself`, pointer);
    return;
  }
  const target = declared.get(related);
  if (target) {
    if (!isPresent(target))
      report(
        ctx,
        doc,
        'SG309',
        `GlossaryTerm "${related}" is declared absent (lifecycle.ensure) but still referenced here`,
        pointer,
      );
    return;
  }
  const hint = didYouMean(related, declared.keys());
  if (hint || isPruned(ctx.inventory, domain, 'GlossaryTerm')) {
    const why = hint || ` (domain ${domain} prunes GlossaryTerm, so it cannot exist undeclared)`;
    report(
      ctx,
      doc,
      'SG342',
      `GlossaryTerm "${related}" is not declared in glossary "${glossary}" of domain ${domain}${why}`,
      pointer,
    );
    return;
  }
  const name = termAddressName(glossary, related);
  defer(ctx, doc, { kind: 'GlossaryTerm', domain, name }, pointer);
  report(
    ctx,
    doc,
    'SG312',
    `GlossaryTerm "${related}" is not declared here; plan will look for it in glossary "${glossary}" of domain ${domain}`,
    pointer,
    { severity: 'note' },
  );
}

/** Checks the glossary and the related terms of every present GlossaryTerm of a declared domain. */
export function checkGlossaryTermReferences(ctx: CheckContext): void {
  const terms = termsByGlossary(ctx);
  for (const doc of ctx.inventory.ofKind('GlossaryTerm')) {
    const m = doc.manifest;
    const domain = m.metadata.domain ?? '';
    if (!isPresent(doc) || !ctx.inventory.domains.has(domain)) continue;
    reference(ctx, doc, 'Glossary', domain, m.spec.glossary, '/spec/glossary');
    const declared = terms.get(`${domain}\u0000${m.spec.glossary}`) ?? new Map<string, ValidDocument>();
    for (const list of ['isA', 'classifies'] as const)
      (m.spec.relations?.[list] ?? []).forEach((related, i) =>
        checkRelation(ctx, doc, declared, related, `/spec/relations/${list}/${i}`),
      );
  }
}
