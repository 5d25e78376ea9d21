/**
 * Parses the text of one manifest file into documents, each with its data and source map.
 * Pure: the caller reads the file. YAML errors become located diagnostics; a document with a
 * syntax error is not returned (its data cannot be trusted), the others in the file still are.
 * Files inside the plain subset are read by a fast path (plain-lines.ts, else fast-yaml.ts) and their source maps
 * are built by the exact path only when something asks for a location.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstExcessiveFlowNesting } from './flow-depth.js';
import { LOAD_LIMITS } from './limits.js';
import { parsePlainDocuments, resolvePlain } from './fast-yaml.js';
import { parsePlainLines } from './plain-lines.js';
import type { NodeSpan, SourceMap } from './source-map.js';
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
  /** True when the documents' data came from the exact path (`yaml`), false for the fast path. */
  exact: boolean;
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

/**
 * Parses a manifest file's text: the fast path when the file allows it, else (or with `exact`)
 * the `yaml` library, which owns every diagnostic and position.
 */
export function parseManifestText(file: string, text: string, exact = false): ParsedFile {
  // The line reader needs no pre-scan: it checks depth and constructs as it reads (plain-lines.ts).
  const lines = exact ? undefined : parsePlainLines(text, resolvePlain);
  const deep = lines ? -1 : firstExcessiveFlowNesting(text, LOAD_LIMITS.maxDepth);
  const plain = lines ?? (exact || deep >= 0 ? undefined : parsePlainDocuments(text));
  if (!plain) return parseExactly(file, text, deep);
  const maps = new ExactMaps(file, text);
  return {
    documents: plain.map((data, index) => ({ file, index, data, sourceMap: new LazySourceMap(maps, index) })),
    diagnostics: [],
    exact: false,
  };
}

/**
 * The source maps of one fast-parsed file, made by its exact parse on the first request: most
 * runs never ask (only diagnostics do), and then once per file, not once per document.
 */
class ExactMaps {
  private byIndex: Map<number, SourceMap> | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  /** The source map of the document at `index`, undefined when the exact parse has none. */
  of(index: number): SourceMap | undefined {
    this.byIndex ??= new Map(
      parseExactly(this.file, this.text, -1).documents.map((d) => [d.index, d.sourceMap]),
    );
    return this.byIndex.get(index);
  }
}

/**
 * A fast-parsed document's source map, built on first use. One small object per document: the
 * documents of a large organisation live until the plan ends, and closures per document (what
 * this replaced) held five objects each.
 */
class LazySourceMap implements SourceMap {
  private built: SourceMap | undefined;

  constructor(
    private readonly maps: ExactMaps,
    private readonly index: number,
  ) {}

  get(pointer: string): NodeSpan | undefined {
    this.built ??= this.maps.of(this.index) ?? new Map<string, NodeSpan>();
    return this.built.get(pointer);
  }
}

function parseExactly(file: string, text: string, deep: number): ParsedFile {
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
      exact: true,
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
    // Past the alias budget the value is cut short: its schema errors would be noise, and
    // reporting tens of thousands of them is itself quadratic in the schema validator.
    if (tree.diagnostics.some((d) => d.code === 'SG112')) return;
    documents.push({ file, index, data: tree.value, sourceMap: tree.map });
  });
  return { documents, diagnostics, exact: true };
}
