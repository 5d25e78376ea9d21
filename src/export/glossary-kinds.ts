/** The inverse of the desired-side normalisation of a Glossary (model/glossary.ts). */
import type { NormalGlossary } from '../model/glossary.js';
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
