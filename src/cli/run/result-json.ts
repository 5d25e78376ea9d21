/**
 * The JSON results of `apply --format json` and `export --format json` (shapes documented in
 * docs/json-output.md; `formatVersion` changes only when a field changes meaning or goes away).
 * Deterministic: entries are sorted, and timings, which differ run to run, are left out.
 */
import type { ChangeOutcome } from '../../apply/executor.js';
import type { ExportedDocument } from '../../export/document.js';
import { formatAddress } from '../../model/identity.js';

/** One change of an apply, as it ended. */
export interface ApplyChangeJson {
  address: string;
  kind: string;
  action: string;
  /** done: carried out; failed: tried and failed (see error); notStarted: skipped after a failure or an interrupt. */
  outcome: 'done' | 'failed' | 'notStarted';
  /** The new resource's id, for a done create or replace of a kind that has one. */
  id?: string;
  error?: string;
}

/** The result of `apply --format json`. */
export interface ApplyJson {
  formatVersion: 1;
  command: 'apply';
  /** complete: every change done; stopped: some failed or were not started; nothingToApply: the plan had no changes. */
  status: 'complete' | 'stopped' | 'nothingToApply';
  summary: {
    created: number;
    updated: number;
    replaced: number;
    deleted: number;
    failed: number;
    notStarted: number;
  };
  changes: ApplyChangeJson[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The apply result as JSON text (one document, newline-terminated). */
export function renderApplyJson(outcomes: readonly ChangeOutcome[]): string {
  const done = (action: string) =>
    outcomes.filter((o) => o.status === 'done' && o.change.action === action).length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const notStarted = outcomes.filter((o) => o.status === 'skipped').length;
  const result: ApplyJson = {
    formatVersion: 1,
    command: 'apply',
    status: outcomes.length === 0 ? 'nothingToApply' : failed + notStarted > 0 ? 'stopped' : 'complete',
    summary: {
      created: done('create'),
      updated: done('update'),
      replaced: done('replace'),
      deleted: done('delete'),
      failed,
      notStarted,
    },
    changes: sortBy(
      outcomes.map((o) => ({
        address: formatAddress(o.change.address),
        kind: o.change.address.kind,
        action: o.change.action,
        outcome: o.status === 'skipped' ? 'notStarted' : o.status,
        ...(o.id ? { id: o.id } : {}),
        ...(o.status === 'failed' ? { error: message(o.error) } : {}),
      })),
      (c) => c.address,
    ),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The result of `export --format json`. */
export interface ExportJson {
  formatVersion: 1;
  command: 'export';
  region: string;
  domain?: string;
  studioDomains: boolean;
  /** The --out directory as given. */
  out: string;
  layout: string;
  /** Paths written, relative to `out`, sorted. */
  files: string[];
  /** The manifests written, by kind then name. */
  manifests: { kind: string; name: string; account?: string }[];
  warnings: string[];
  /** What AWS does not let export read (the text output's "Not exported" line). */
  notExported: string[];
}

/** The export result as JSON text. */
export function renderExportJson(
  fields: Omit<ExportJson, 'formatVersion' | 'command' | 'manifests'>,
  documents: readonly ExportedDocument[],
): string {
  const result: ExportJson = {
    formatVersion: 1,
    command: 'export',
    ...fields,
    manifests: sortBy(
      documents.map((d) => ({ kind: d.kind, name: d.name, ...(d.account ? { account: d.account } : {}) })),
      (m) => `${m.kind}\u0000${m.name}\u0000${m.account ?? ''}`,
    ),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}
