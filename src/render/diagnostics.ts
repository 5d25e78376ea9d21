/**
 * Renders diagnostics for people (`text`), machines (`json`) and GitHub Actions (`github`:
 * workflow commands that become annotations on the manifest lines). Pure functions of the data.
 */
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MANIFEST_KINDS, type ManifestKind } from '../model/manifest.js';
import { sanitizeLine } from './plan-values.js';
import { redactSecrets } from './redact.js';

/** The formats `validate` offers. */
export type DiagnosticFormat = 'text' | 'json' | 'github';

/** What the summary line is about. */
export interface ValidationSummary {
  fileCount: number;
  documentCount: number;
  counts: Partial<Record<ManifestKind, number>>;
}

/**
 * `file:line:col  severity  CODE  message`, one per line. The file name and the message are user
 * text (a committed file name may hold a newline and a `::error` workflow command), so both are
 * put on one line with controls escaped and credentials redacted.
 */
export function formatDiagnosticText(d: Diagnostic): string {
  const where = d.location
    ? `${sanitizeLine(d.location.file)}:${d.location.start.line}:${d.location.start.col}  `
    : '';
  return `${where}${d.severity}  ${d.code}  ${sanitizeLine(d.message)}`;
}

function countBy(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line: documents per kind, then error and warning counts. */
export function summaryLine(summary: ValidationSummary, diagnostics: readonly Diagnostic[]): string {
  const kinds = MANIFEST_KINDS.filter((k) => summary.counts[k]).map((k) => `${summary.counts[k]} ${k}`);
  return (
    `${plural(summary.documentCount, 'document')} in ${plural(summary.fileCount, 'file')}` +
    (kinds.length ? ` (${kinds.join(', ')})` : '') +
    `: ${plural(countBy(diagnostics, 'error'), 'error')}, ${plural(countBy(diagnostics, 'warning'), 'warning')}`
  );
}

/** The whole text report. */
export function renderDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  summary: ValidationSummary,
): string {
  const lines = diagnostics.map(formatDiagnosticText);
  return [...lines, summaryLine(summary, diagnostics)].join('\n') + '\n';
}

/** The JSON report (versioned; codes come with their registry sentence). */
export function renderDiagnosticsJson(
  diagnostics: readonly Diagnostic[],
  summary: ValidationSummary,
): string {
  const doc = {
    formatVersion: 1,
    valid: countBy(diagnostics, 'error') === 0,
    files: summary.fileCount,
    documents: Object.fromEntries(
      MANIFEST_KINDS.filter((k) => summary.counts[k]).map((k) => [k, summary.counts[k]]),
    ),
    diagnostics: diagnostics.map((d) => ({ ...d, description: DIAGNOSTIC_CODES[d.code] })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Text for the data part of a GitHub workflow command: `%`, CR and LF escaped, credentials redacted. */
export function escapeData(text: string): string {
  return redactSecrets(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Text for a property of a GitHub workflow command: also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Diagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};

/** GitHub workflow commands: `::error file=…,line=…,col=…,title=CODE::message`. */
export function renderDiagnosticsGithub(
  diagnostics: readonly Diagnostic[],
  summary: ValidationSummary,
): string {
  const lines = diagnostics.map((d) => {
    const props: string[] = [];
    if (d.location) {
      props.push(
        `file=${escapeProperty(d.location.file)}`,
        `line=${d.location.start.line}`,
        `col=${d.location.start.col}`,
      );
      if (d.location.end) props.push(`endLine=${d.location.end.line}`, `endColumn=${d.location.end.col}`);
    }
    props.push(`title=${escapeProperty(d.code)}`);
    return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
  });
  return [...lines, summaryLine(summary, diagnostics)].join('\n') + '\n';
}
