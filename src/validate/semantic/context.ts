/** What every semantic check receives and how it reports. */
import { diagnostic, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { addressOf, type Address } from '../../model/identity.js';
import type { ManifestKind } from '../../model/manifest.js';
import { locate, type ValidDocument } from '../schema-validator.js';
import type { Inventory } from './inventory.js';

/**
 * A reference the manifests do not declare but live state may hold: the planner must resolve it
 * and fail the plan if it does not exist (the loader cannot know).
 */
export interface DeferredReference {
  kind: ManifestKind;
  domain: string;
  name: string;
  /** Whose it is, for kinds keyed by account too (BlueprintConfiguration). */
  account?: string;
  /** The document that refers to it. */
  from: Address;
  /** Where the reference is written (`file:line:col` of the value), for the plan's refusal. */
  location?: string;
}

/** Records a reference only the plan can resolve, located at the value at `pointer` of `doc`. */
export function defer(
  ctx: CheckContext,
  doc: ValidDocument,
  ref: Omit<DeferredReference, 'from' | 'location'>,
  pointer: string,
): void {
  const at = locate(doc.source, pointer, false);
  ctx.deferred.push({
    ...ref,
    from: addressOf(doc.manifest),
    location: `${at.file}:${at.start.line}:${at.start.col}`,
  });
}

/** Shared state of one semantic pass. */
export interface CheckContext {
  inventory: Inventory;
  diagnostics: Diagnostic[];
  deferred: DeferredReference[];
}

/** Reports a finding at a pointer inside a document. */
export function report(
  ctx: CheckContext,
  doc: ValidDocument,
  code: DiagnosticCode,
  message: string,
  pointer: string,
  options: { severity?: Severity; atKey?: boolean } = {},
): void {
  ctx.diagnostics.push(
    diagnostic(
      code,
      options.severity ?? 'error',
      message,
      locate(doc.source, pointer, options.atKey ?? false),
    ),
  );
}
