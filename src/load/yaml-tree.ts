/**
 * Converts one parsed YAML document into plain data while recording where every key and value
 * was written. Conversion is ours rather than `toJS()` so that hostile constructs become located
 * diagnostics: prototype-polluting keys are dropped, alias expansion has a node budget, nesting
 * has a depth limit, and tags that manifests never use are reported.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Alias,
  type Document,
  type LineCounter,
  type Node,
} from 'yaml';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { LOAD_LIMITS } from './limits.js';
import { childPointer, type NodeSpan } from './source-map.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Tags the core schema resolves by itself; anything else (custom !Ref, !!binary, !!set) is not a manifest value.
const ALLOWED_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

interface WalkContext {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  map: Map<string, NodeSpan>;
  diagnostics: Diagnostic[];
  aliasBudget: number;
  aliasReported: boolean;
  /** Depth of alias expansions being walked: nodes inside one were already paid for by the outermost alias. */
  insideAlias: number;
  sizeCache: Map<Node, number>;
  /** Each alias's target, found in one pass (Alias.resolve searches the whole document per call). */
  targets: Map<Alias, unknown>;
}

/**
 * Every alias's target: the latest node before it carrying its anchor, in document order. One
 * visit of the document; resolving alias by alias made 20,000 aliases quadratic (minutes).
 */
function aliasTargets(doc: Document): Map<Alias, unknown> {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    // A pair with no value visits `null`: it carries no anchor (a mutated document reached it).
    else if ((node as { anchor?: string } | null)?.anchor)
      anchors.set((node as { anchor: string }).anchor, node);
  });
  return targets;
}

/** Result of converting one document. */
export interface ConvertedTree {
  value: unknown;
  map: Map<string, NodeSpan>;
  diagnostics: Diagnostic[];
}

function pos(ctx: WalkContext, offset: number): SourcePosition {
  const p = ctx.lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

function spanOf(ctx: WalkContext, node: { range?: [number, number, number] | null }) {
  const [start, end] = node.range ?? [0, 0, 0];
  return { start: pos(ctx, start), end: pos(ctx, end) };
}

function report(
  ctx: WalkContext,
  code: Diagnostic['code'],
  message: string,
  node: Node | { range?: [number, number, number] | null },
) {
  const span = spanOf(ctx, node);
  ctx.diagnostics.push(diagnostic(code, 'error', message, { file: ctx.file, ...span }));
}

/** Nodes a subtree expands to, aliases included (memoised: a bomb is counted without expanding it). */
function expandedSize(ctx: WalkContext, node: unknown, depth = 0): number {
  if (!node || typeof node !== 'object' || depth > LOAD_LIMITS.maxDepth) return 1;
  const cached = ctx.sizeCache.get(node as Node);
  if (cached !== undefined) return cached;
  let size = 1;
  if (isAlias(node)) size = expandedSize(ctx, ctx.targets.get(node), depth + 1);
  else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) size += expandedSize(ctx, item.value, depth + 1);
      else size += expandedSize(ctx, item, depth + 1);
      if (size > LOAD_LIMITS.maxAliasExpandedNodes * 10) break;
    }
  }
  ctx.sizeCache.set(node as Node, size);
  return size;
}

function walk(ctx: WalkContext, node: unknown, pointer: string, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > LOAD_LIMITS.maxDepth) {
    report(ctx, 'SG113', `nesting is deeper than ${LOAD_LIMITS.maxDepth} levels`, node as Node);
    return null;
  }
  if (isAlias(node)) {
    const target = ctx.targets.get(node);
    if (ctx.insideAlias === 0) ctx.aliasBudget -= expandedSize(ctx, target);
    if (ctx.aliasBudget < 0) {
      if (!ctx.aliasReported) {
        report(ctx, 'SG112', `aliases expand to more than ${LOAD_LIMITS.maxAliasExpandedNodes} nodes`, node);
        ctx.aliasReported = true;
      }
      return null;
    }
    ctx.insideAlias++;
    const value = walk(ctx, target, pointer, depth);
    ctx.insideAlias--;
    const existing = ctx.map.get(pointer);
    ctx.map.set(pointer, { ...existing, value: spanOf(ctx, node) });
    return value;
  }
  const n = node as Node;
  if (n.tag && !ALLOWED_TAGS.has(n.tag) && !n.tag.startsWith('tag:yaml.org,2002:')) {
    report(ctx, 'SG115', `YAML tag ${n.tag} is not supported in manifests`, n);
  }
  const existing = ctx.map.get(pointer);
  ctx.map.set(pointer, { ...existing, value: spanOf(ctx, n) });
  if (isScalar(n)) return n.value;
  if (isSeq(n)) return n.items.map((item, i) => walk(ctx, item, childPointer(pointer, i), depth + 1));
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        report(ctx, 'SG115', 'mapping keys must be plain strings', keyNode ?? n);
        continue;
      }
      const key = String(keyNode.value);
      if (FORBIDDEN_KEYS.has(key)) {
        report(ctx, 'SG114', `key "${key}" is not allowed`, keyNode);
        continue;
      }
      const child = childPointer(pointer, key);
      ctx.map.set(child, { key: spanOf(ctx, keyNode), value: spanOf(ctx, keyNode) });
      out[key] = walk(ctx, pair.value, child, depth + 1);
    }
    return out;
  }
  report(ctx, 'SG115', 'unsupported YAML node', n);
  return null;
}

/** Converts a parsed document's contents into data plus its source map. */
export function convertDocument(file: string, doc: Document, lineCounter: LineCounter): ConvertedTree {
  const ctx: WalkContext = {
    file,
    doc,
    lineCounter,
    map: new Map(),
    diagnostics: [],
    aliasBudget: LOAD_LIMITS.maxAliasExpandedNodes,
    aliasReported: false,
    insideAlias: 0,
    sizeCache: new Map(),
    targets: aliasTargets(doc),
  };
  const value = walk(ctx, doc.contents, '', 0);
  return { value, map: ctx.map, diagnostics: ctx.diagnostics };
}
