/**
 * The normalised Glossary (docs/metadata.md), shared by the desired side (plan/normalize-desired.ts)
 * and the live reader (live/glossaries.ts) so that both sides fill the same defaults.
 */
import type { GlossarySpec } from './manifest.js';
import { compact } from './normalized.js';

/** Glossary (identity: domain + name). `owningProject` and `usageRestrictions` are immutable. */
export interface NormalGlossary {
  /** The owning project's name. */
  owningProject: string;
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  usageRestrictions?: string[];
}

/** The normal value of a Glossary manifest's spec (status defaults to ENABLED, as in the API). */
export function normalizeGlossary(spec: GlossarySpec): NormalGlossary {
  const glossary: NormalGlossary = {
    owningProject: spec.owningProject,
    description: spec.description,
    status: spec.status ?? 'ENABLED',
    usageRestrictions: spec.usageRestrictions && [...spec.usageRestrictions],
  };
  return compact(glossary);
}
