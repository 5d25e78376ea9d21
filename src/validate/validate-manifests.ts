/**
 * The pure validation stage: file contents in, valid documents and diagnostics out. Decoding,
 * YAML, schema and semantic problems are all collected, so one run reports every mistake.
 */
import { expandProfileTemplate } from './profile-templates.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeManifestBytes } from '../load/decode.js';
import { parseManifestText, type ParsedFile } from '../load/parse.js';
import type { ManifestKind } from '../model/manifest.js';
import type { SchemaValidator, ValidDocument } from './schema-validator.js';
import { checkSemantics, type DeferredReference } from './semantic/index.js';

/** A manifest file's bytes (or the diagnostic that stopped reading it). */
export type ManifestFile = { file: string; bytes: Uint8Array } | { file: string; diagnostic: Diagnostic };

/** What validation found. */
export interface ValidationResult {
  /** Documents that passed their schema (semantic errors do not remove them). */
  documents: ValidDocument[];
  /** Every finding, sorted by location. */
  diagnostics: Diagnostic[];
  /** References only live state can settle. */
  deferred: DeferredReference[];
  /** Number of files read. */
  fileCount: number;
  /** Number of YAML documents parsed (valid or not). */
  documentCount: number;
  /** Valid documents per kind. */
  counts: Partial<Record<ManifestKind, number>>;
}

function validateFile(parsed: ParsedFile, validator: SchemaValidator) {
  const diagnostics = [...parsed.diagnostics];
  const documents: ValidDocument[] = [];
  for (const doc of parsed.documents) {
    const result = validator.validate(doc);
    diagnostics.push(...result.diagnostics);
    if (!result.valid) continue;
    // Issue 15: a profile template becomes ordinary environments before any later check.
    const expanded = expandProfileTemplate(result.valid);
    diagnostics.push(...expanded.diagnostics);
    if (expanded.doc) documents.push(expanded.doc);
  }
  return { exact: parsed.exact, diagnostics, documents, documentCount: parsed.documents.length };
}

/** Validates the contents of manifest files. */
export function validateManifests(
  files: readonly ManifestFile[],
  validator: SchemaValidator,
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const documents: ValidDocument[] = [];
  let documentCount = 0;
  for (const entry of files) {
    if ('diagnostic' in entry) {
      diagnostics.push(entry.diagnostic);
      continue;
    }
    const decoded = decodeManifestBytes(entry.file, entry.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    let file = validateFile(parseManifestText(entry.file, decoded.text), validator);
    // Every diagnostic is made over the exact parse's data (the fast path is only trusted where
    // nothing is wrong), so a file with a problem is parsed and validated again, exactly.
    if (!file.exact && file.diagnostics.length > 0)
      file = validateFile(parseManifestText(entry.file, decoded.text, true), validator);
    diagnostics.push(...file.diagnostics);
    documentCount += file.documentCount;
    documents.push(...file.documents);
  }
  const semantic = checkSemantics(documents);
  diagnostics.push(...semantic.diagnostics);
  const counts: Partial<Record<ManifestKind, number>> = {};
  for (const doc of documents) counts[doc.manifest.kind] = (counts[doc.manifest.kind] ?? 0) + 1;
  return {
    documents,
    diagnostics: sortDiagnostics(diagnostics),
    deferred: semantic.deferred,
    fileCount: files.length,
    documentCount,
    counts,
  };
}
