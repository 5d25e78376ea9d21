/**
 * The pipeline is visible in the tree (brief: "Imports point down the pipeline: no cycles, no
 * stage reaching up"). This test reads every relative import under src/ and fails on a stage
 * importing a later one, on anything but the CLI importing the emulator, on the emulator
 * importing tool code beyond the AWS facts it shares, and on a runtime import cycle. Type-only
 * imports are exempt from the cycle check (they vanish at runtime) but not from layering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Rank of each room: a room may import rooms of lower rank (and shared ones), never higher. */
const RANK: Record<string, number> = {
  load: 1,
  validate: 2,
  live: 3,
  diff: 4,
  plan: 5,
  apply: 6,
  render: 7,
  export: 7,
  iam: 7,
  github: 8,
  cli: 9,
};
/** Rooms every stage may use; they import nothing but each other. */
const SHARED = new Set(['model', 'diagnostics', 'aws', '(top)']);
/** The emulator obeys the service model, not the tool: it may read only these AWS facts. */
const EMULATOR_MAY_IMPORT = new Set(['aws/documented-tps.ts', 'model/blueprints.ts']);

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function room(file: string): string {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0]! : '(top)';
}

function readEdges(): Edge[] {
  const edges: Edge[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const from = relative(SRC, path).split(sep).join('/');
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"](\.[^'"]+)['"]/g)) {
          const target = resolve(dirname(path), m[2]!).replace(/\.js$/, '.ts');
          edges.push({ from, to: relative(SRC, target).split(sep).join('/'), typeOnly: Boolean(m[1]) });
        }
      }
    }
  };
  walk(SRC);
  return edges;
}

/** Every import that breaks the layering, as `from -> to` lines. */
function layeringViolations(edges: readonly Edge[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    const a = room(from);
    const b = room(to);
    if (a === b) continue;
    const line = `${from} -> ${to}`;
    if (a === 'emulator') {
      if (!EMULATOR_MAY_IMPORT.has(to)) bad.push(line);
    } else if (b === 'emulator') {
      if (a !== 'cli') bad.push(line);
    } else if (SHARED.has(a)) {
      if (!SHARED.has(b)) bad.push(line);
    } else if (!SHARED.has(b)) {
      const ra = RANK[a];
      const rb = RANK[b];
      if (ra === undefined || rb === undefined || rb > ra) bad.push(line);
    }
  }
  return bad.sort();
}

/** Runtime import cycles, each as the chain of files that closes it. */
function importCycles(edges: readonly Edge[]): string[] {
  const graph = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly) continue;
    graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('layering of src/', () => {
  const edges = readEdges();

  it('reads the imports of the whole tree', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(new Set(edges.flatMap((e) => [room(e.from), room(e.to)]))).toEqual(
      new Set([...Object.keys(RANK), ...SHARED, 'emulator']),
    );
  });

  it('has no stage importing a later one', () => {
    expect(layeringViolations(edges)).toEqual([]);
  });

  it('has no runtime import cycle', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('catches a stage reaching up, the emulator reaching into the tool, and a cycle', () => {
    const synthetic: Edge[] = [
      { from: 'live/a.ts', to: 'plan/b.ts', typeOnly: true },
      { from: 'emulator/c.ts', to: 'live/d.ts', typeOnly: false },
      { from: 'model/e.ts', to: 'load/f.ts', typeOnly: false },
      { from: 'plan/g.ts', to: 'emulator/h.ts', typeOnly: false },
      { from: 'plan/b.ts', to: 'live/a.ts', typeOnly: false },
      { from: 'x/1.ts', to: 'x/2.ts', typeOnly: false },
      { from: 'x/2.ts', to: 'x/1.ts', typeOnly: false },
    ];
    expect(layeringViolations(synthetic)).toEqual([
      'emulator/c.ts -> live/d.ts',
      'live/a.ts -> plan/b.ts',
      'model/e.ts -> load/f.ts',
      'plan/g.ts -> emulator/h.ts',
    ]);
    expect(importCycles(synthetic)).toEqual(['x/1.ts -> x/2.ts -> x/1.ts']);
  });
});
