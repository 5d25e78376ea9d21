/** The inverse of the desired-side normalisation of a Glossary and a GlossaryTerm (model/glossary*.ts). */
import type { NormalGlossary } from '../model/glossary.js';
import type { NormalGlossaryTerm } from '../model/glossary-term.js';
import { compare, envelope, type ExportedDocument } from './document.js';

/** A Glossary manifest; the default status (ENABLED) is left out. */
export function glossaryDocument(domain: string, name: string, normal: NormalGlossary): ExportedDocument {
  return envelope('Glossary', name, domain, {
    owningProject: normal.owningProject,
    description: normal.description,
    status: normal.status === 'ENABLED' ? undefined : normal.status,
    usageRestrictions: normal.usageRestrictions && [...normal.usageRestrictions].sort(compare),
  });
}

/**
 * A GlossaryTerm manifest; `addressName` is `<glossary>/<term>`, cut after the glossary's own
 * name (which may itself hold a `/`). The default status (ENABLED) is left out.
 */
export function glossaryTermDocument(
  domain: string,
  addressName: string,
  normal: NormalGlossaryTerm,
): ExportedDocument {
  const relations = normal.relations && {
    isA: normal.relations.isA && [...normal.relations.isA].sort(compare),
    classifies: normal.relations.classifies && [...normal.relations.classifies].sort(compare),
  };
  return envelope('GlossaryTerm', addressName.slice(normal.glossary.length + 1), domain, {
    glossary: normal.glossary,
    shortDescription: normal.shortDescription,
    longDescription: normal.longDescription,
    status: normal.status === 'ENABLED' ? undefined : normal.status,
    relations,
  });
}
