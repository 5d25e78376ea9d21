/**
 * A strict grammar check for the Mermaid subset the plan diagram emits (no Mermaid package is
 * installed). It accepts only:
 *
 *   diagram   := "flowchart LR" NL (line NL?)*
 *   line      := "  " (node | edge | classDef | class)
 *   node      := ID '["' LABEL '"]'             (each ID declared once)
 *   edge      := ID " --> " ID                  (both declared before)
 *   classDef  := "classDef " NAME " " STYLE ("," STYLE)*
 *   class     := "class " ID ("," ID)* " " NAME (NAME defined by a classDef before)
 *   ID, NAME  := [A-Za-z0-9_]+, not a Mermaid keyword
 *   LABEL     := (PLAIN | "#" DIGITS ";")*       PLAIN: no quote, #, <, >, &, `, :, ;, backslash-free controls
 *   STYLE     := ("fill" | "stroke" | "color") ":#" HEX{6}
 *
 * and Mermaid's own preprocessing hazards: a line matching `style.*:\S*#.*;` or
 * `classDef.*:\S*#.*;` (which Mermaid rewrites before parsing) is rejected.
 */

/** A parsed diagram, for assertions. */
export interface MermaidGraph {
  nodes: Map<string, string>;
  edges: [string, string][];
  classes: Map<string, string[]>;
}

const ID = /^[A-Za-z0-9_]+$/;
const KEYWORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classDef',
  'click',
  'linkStyle',
  'default',
  'direction',
]);
// eslint-disable-next-line no-control-regex
const LABEL = /^(?:[^"#<>&`:;\\\u0000-\u001f\u007f]|#\d{1,7};)*$/;
const STYLE = /^(fill|stroke|color):#[0-9a-f]{6}$/;

function id(text: string, what: string, line: number): string {
  if (!ID.test(text) || KEYWORDS.has(text.toLowerCase()))
    throw new Error(`line ${line}: bad ${what} ${JSON.stringify(text)}`);
  return text;
}

/** Parses a diagram body (without the fence); throws with the line number on the first error. */
export function parseMermaid(source: string): MermaidGraph {
  const lines = source.split('\n');
  if (lines[0] !== 'flowchart LR') throw new Error('line 1: expected "flowchart LR"');
  const graph: MermaidGraph = { nodes: new Map(), edges: [], classes: new Map() };
  lines.slice(1).forEach((raw, i) => {
    const n = i + 2;
    if (/style.*:\S*#.*;/.test(raw) || /classDef.*:\S*#.*;/.test(raw))
      throw new Error(`line ${n}: Mermaid's style preprocessing would rewrite this line`);
    if (!raw.startsWith('  ')) throw new Error(`line ${n}: expected two spaces of indentation`);
    const line = raw.slice(2);
    let m: RegExpExecArray | null;
    if ((m = /^([^[\s]+)\["(.*)"\]$/.exec(line))) {
      const node = id(m[1] ?? '', 'node id', n);
      const label = m[2] ?? '';
      if (!LABEL.test(label))
        throw new Error(`line ${n}: label has an unescaped character: ${JSON.stringify(label)}`);
      for (const entity of label.matchAll(/#(\d+);/g))
        if (Number(entity[1]) > 0x10ffff || (Number(entity[1]) >= 0xd800 && Number(entity[1]) <= 0xdfff))
          throw new Error(`line ${n}: entity #${entity[1]}; is not a character`);
      if (graph.nodes.has(node)) throw new Error(`line ${n}: node ${node} declared twice`);
      graph.nodes.set(node, label);
    } else if ((m = /^(\S+) --> (\S+)$/.exec(line))) {
      const from = id(m[1] ?? '', 'edge start', n);
      const to = id(m[2] ?? '', 'edge end', n);
      if (!graph.nodes.has(from) || !graph.nodes.has(to))
        throw new Error(`line ${n}: edge between undeclared nodes`);
      graph.edges.push([from, to]);
    } else if ((m = /^classDef (\S+) (\S+)$/.exec(line))) {
      const name = id(m[1] ?? '', 'class name', n);
      for (const style of (m[2] ?? '').split(','))
        if (!STYLE.test(style)) throw new Error(`line ${n}: bad style ${JSON.stringify(style)}`);
      if (graph.classes.has(name)) throw new Error(`line ${n}: class ${name} defined twice`);
      graph.classes.set(name, []);
    } else if ((m = /^class (\S+) (\S+)$/.exec(line))) {
      const name = id(m[2] ?? '', 'class name', n);
      const members = graph.classes.get(name);
      if (!members) throw new Error(`line ${n}: class ${name} used before its classDef`);
      for (const member of (m[1] ?? '').split(',')) {
        if (!graph.nodes.has(id(member, 'class member', n)))
          throw new Error(`line ${n}: class of undeclared node ${member}`);
        members.push(member);
      }
    } else throw new Error(`line ${n}: not part of the grammar: ${JSON.stringify(line)}`);
  });
  return graph;
}

/** The body of the single ```mermaid block in `markdown` (throws unless exactly one, well fenced). */
export function extractMermaid(markdown: string): string {
  const blocks = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)];
  if (blocks.length !== 1) throw new Error(`expected one mermaid block, found ${blocks.length}`);
  return blocks[0]?.[1] ?? '';
}

/** Decodes a label's `#N;` entities: the text a reader sees. */
export function decodeLabel(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
