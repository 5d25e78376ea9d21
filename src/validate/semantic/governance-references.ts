/**
 * References of the governance kinds (docs/metadata.md): the owning project of a Glossary or a
 * FormType; a MetadataRule's unit, required form types and scoped projects. A reference
 * References of the governance kinds (docs/metadata.md): a Glossary's owning project, and a
 * GlossaryTerm's glossary and related terms (glossary-term-references.ts). A reference
 * to an undeclared project is an error with a did-you-mean when a declared name is close (or the
 * domain prunes projects); otherwise it is deferred to plan time like every other reference. The
 * domain itself is checked by checkReferences, and a tombstone's references are not checked.
 */
import type { CheckContext } from './context.js';
import { checkGlossaryTermReferences } from './glossary-term-references.js';
import { isPresent } from './inventory.js';
import { reference } from './references.js';

/** Runs the reference checks of the governance kinds. */
export function checkGovernanceReferences(ctx: CheckContext): void {
  for (const doc of ctx.inventory.all) {
    const m = doc.manifest;
    // The kind first: most documents (projects) have no governance reference to look at.
    if (m.kind !== 'Glossary' && m.kind !== 'FormType' && m.kind !== 'MetadataRule') continue;
    if (!isPresent(doc) || !ctx.inventory.domains.has(m.metadata.domain ?? '')) continue;
    const domain = m.metadata.domain ?? '';
    if (m.kind === 'Glossary' || m.kind === 'FormType')
      reference(ctx, doc, 'Project', domain, m.spec.owningProject, '/spec/owningProject');
    if (m.kind === 'MetadataRule') {
      if (m.spec.domainUnit) reference(ctx, doc, 'DomainUnit', domain, m.spec.domainUnit, '/spec/domainUnit');
      m.spec.requiredForms.forEach((name, i) =>
        reference(ctx, doc, 'FormType', domain, name, `/spec/requiredForms/${i}`),
      );
      const projects = m.spec.scope?.projects;
      if (Array.isArray(projects))
        projects.forEach((name, i) =>
          reference(ctx, doc, 'Project', domain, name, `/spec/scope/projects/${i}`),
        );
    }
  }
  checkGlossaryTermReferences(ctx);
}
