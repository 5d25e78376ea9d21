/**
 * The normalised GlossaryTerm (docs/metadata.md), shared by the desired side
 * (plan/normalize-desired.ts) and the live reader (live/glossary-terms.ts) so that both sides fill
 * the same defaults. A term's address name is `<glossary>/<term>`: term names are unique only in
 * their glossary, so two glossaries may each hold a term of one name.
 */
import type { GlossaryTermSpec } from './manifest.js';
import { compact } from './normalized.js';

/** Relations by term name (other terms of the same glossary); each list sorted. */
export interface NormalTermRelations {
  isA?: string[];
  classifies?: string[];
}

/** GlossaryTerm (identity: domain + glossary + name). Every field but `glossary` changes in place. */
export interface NormalGlossaryTerm {
  /** The glossary's name (part of the identity). */
  glossary: string;
  shortDescription?: string;
  longDescription?: string;
  status: 'ENABLED' | 'DISABLED';
  relations?: NormalTermRelations;
}

/** The address name of a term: its glossary and its own name. */
export function termAddressName(glossary: string, name: string): string {
  return `${glossary}/${name}`;
}

/** The glossary and term name of a term's address name (the glossary is up to the first `/`). */
export function splitTermAddress(addressName: string): { glossary: string; name: string } {
  const cut = addressName.indexOf('/');
  return { glossary: addressName.slice(0, cut), name: addressName.slice(cut + 1) };
}

/** Sorted copies of both relation lists (order carries no meaning in the API). */
export function sortedRelations(relations: NormalTermRelations | undefined): NormalTermRelations {
  const sorted = (names: readonly string[] | undefined) =>
    names && [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { isA: sorted(relations?.isA), classifies: sorted(relations?.classifies) };
}

/** The normal value of a GlossaryTerm manifest's spec (status defaults to ENABLED, as in the API). */
export function normalizeGlossaryTerm(spec: GlossaryTermSpec): NormalGlossaryTerm {
  const term: NormalGlossaryTerm = {
    glossary: spec.glossary,
    shortDescription: spec.shortDescription,
    longDescription: spec.longDescription,
    status: spec.status ?? 'ENABLED',
    relations: sortedRelations(spec.relations),
  };
  return compact(term);
}
