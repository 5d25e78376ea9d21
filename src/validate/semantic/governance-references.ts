/**
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
    if (!isPresent(doc) || !ctx.inventory.domains.has(m.metadata.domain ?? '')) continue;
    if (m.kind === 'Glossary')
      reference(ctx, doc, 'Project', m.metadata.domain ?? '', m.spec.owningProject, '/spec/owningProject');
  }
  checkGlossaryTermReferences(ctx);
}
