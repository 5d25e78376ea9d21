/**
 * Parses the text of one manifest file into documents, each with its data and source map.
 * Pure: the caller reads the file. YAML errors become located diagnostics; a document with a
 * syntax error is not returned (its data cannot be trusted), the others in the file still are.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstExcessiveFlowNesting } from './flow-depth.js';
import { LOAD_LIMITS } from './limits.js';
import type { SourceMap } from './source-map.js';
import { convertDocument } from './yaml-tree.js';

/** One YAML document of a manifest file, converted to data. */
export interface LoadedDocument {
  /** File path as discovered (relative to the working directory when under it). */
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  /** The document's data (not yet validated). */
  data: unknown;
  /** Pointer → source span. */
  sourceMap: SourceMap;
}

/** Documents and diagnostics of one file. */
export interface ParsedFile {
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
}

function yamlErrorCode(code: string): Diagnostic['code'] {
  if (code === 'DUPLICATE_KEY') return 'SG111';
  if (code === 'TAG_RESOLVE_FAILED') return 'SG115';
  return 'SG110';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function documentProblems(file: string, doc: Document): Diagnostic[] {
  return [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')].map((e) => {
    const [start, end] = e.linePos ?? [{ line: 1, col: 1 }];
    const location = end ? { file, start, end } : { file, start };
    return diagnostic(yamlErrorCode(e.code), 'error', firstLine(e.message), location);
  });
}

/** Parses a manifest file's text. */
export function parseManifestText(file: string, text: string): ParsedFile {
  const deep = firstExcessiveFlowNesting(text, LOAD_LIMITS.maxDepth);
  if (deep >= 0) {
    const line = text.slice(0, deep).split('\n').length;
    const p = { line, col: deep - text.lastIndexOf('\n', deep - 1) };
    return {
      documents: [],
      diagnostics: [
        diagnostic('SG113', 'error', `nesting is deeper than ${LOAD_LIMITS.maxDepth} levels`, {
          file,
          start: { line: p.line, col: p.col },
        }),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  const documents: LoadedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((doc, index) => {
    const problems = documentProblems(file, doc);
    diagnostics.push(...problems);
    if (problems.some((p) => p.severity === 'error' && p.code !== 'SG115')) return;
    if (doc.contents === null) return; // an empty document (a trailing `---`) declares nothing
    const tree = convertDocument(file, doc, lineCounter);
    diagnostics.push(...tree.diagnostics);
    documents.push({ file, index, data: tree.value, sourceMap: tree.map });
  });
  return { documents, diagnostics };
}
