/**
 * A Mermaid flowchart of the plan's changed resources and the order apply will follow, coloured
 * by action, for the PR comment (GitHub renders ```mermaid blocks). Only a subset of Mermaid is
 * emitted (`flowchart LR`, `n<i>["label"]` nodes, `-->` edges, `classDef`/`class` lines), labels
 * keep only a few plain characters and spell every other one as a Mermaid entity (`#35;`), so a
 * resource name can neither break the diagram nor inject markup. The diagram is capped in nodes,
 * edges and size; what is left out is counted in a final node. Same plan, same bytes.
 */
import { formatAddress } from '../model/identity.js';
import { identityKey } from '../model/identity.js';
import type { Action, Change, Plan } from '../plan/types.js';
import { budgetSize } from './plan-budget.js';
import { ACTION_LABELS, plural } from './plan-labels.js';
import { cutText, sanitizeLine } from './plan-values.js';

/** Actions drawn, most consequential first: when capped, these are kept before the others. */
type DrawnAction = Extract<Action, 'replace' | 'delete' | 'update' | 'create'>;
const DRAWN: readonly DrawnAction[] = ['replace', 'delete', 'update', 'create'];

/** Most nodes drawn (a diagram past this is unreadable, and GitHub stops rendering large ones). */
export const MERMAID_NODE_CAP = 50;
/** Most edges drawn, after transitive reduction. */
export const MERMAID_EDGE_CAP = 150;
/** Largest block, in the budget's measure (characters and UTF-8 bytes), before nodes are halved. */
export const MERMAID_SIZE_CAP = 16_000;
/** Longest label text before it is cut (before escaping). */
const LABEL_LIMIT = 60;

/** Fill, border and text colours per action: GitHub's light palette, dark text for contrast. */
const CLASS_STYLE: { readonly [A in DrawnAction | 'more']: string } = {
  create: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  update: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  replace: 'fill:#fbefff,stroke:#8250df,color:#1f2328',
  delete: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  more: 'fill:#f6f8fa,stroke:#8c959f,color:#1f2328',
};

/** Options of the diagram. */
export interface MermaidOptions {
  maxNodes?: number;
  maxEdges?: number;
  /** Largest block (characters and UTF-8 bytes); nodes are halved until it fits. */
  maxSize?: number;
}

/** Characters shown as themselves in a label; everything else becomes an entity. */
const PLAIN = /^[A-Za-z0-9 _.,/@()+=~-]$/;

/**
 * Label text for a quoted Mermaid label. Mermaid decodes `#<decimal>;` as a character, so any
 * character outside a small plain set is written that way: quotes, `<`, `#`, `:` (which its
 * `style` preprocessing would misread), backticks (markdown strings), and all non-ASCII text.
 */
export function mermaidLabel(text: string, limit = LABEL_LIMIT): string {
  const line = sanitizeLine(text);
  const cut = line.length > limit ? `${cutText(line, limit - 1)}…` : line;
  let out = '';
  for (const char of cut) {
    const code = char.codePointAt(0) ?? 0xfffd;
    // A lone surrogate has no character to name; show the replacement character instead.
    const safe = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
    out += PLAIN.test(char) ? char : `#${safe};`;
  }
  return out;
}

function isDrawn(action: Action): action is DrawnAction {
  return (DRAWN as readonly Action[]).includes(action);
}

function nodeText(change: Change & { action: DrawnAction }): string {
  const domain = change.address.domain ? ` (${change.address.domain})` : '';
  return `${ACTION_LABELS[change.action].symbol} ${formatAddress(change.address)}${domain}`;
}

/** Keeps only edges not implied by a longer path: `a → c` goes when `a → b → c` exists. */
function reduceEdges(
  keys: readonly string[],
  deps: ReadonlyMap<string, readonly string[]>,
): [string, string][] {
  const ancestors = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const ancestorsOf = (key: string): Set<string> => {
    const known = ancestors.get(key);
    if (known) return known;
    const out = new Set<string>();
    // A cycle cannot come from the planner; if one did, it is cut here rather than recursing forever.
    if (visiting.has(key)) return out;
    visiting.add(key);
    for (const dep of deps.get(key) ?? []) {
      out.add(dep);
      for (const a of ancestorsOf(dep)) out.add(a);
    }
    visiting.delete(key);
    ancestors.set(key, out);
    return out;
  };
  const edges: [string, string][] = [];
  for (const key of keys) {
    const direct = deps.get(key) ?? [];
    for (const dep of direct) {
      const implied = direct.some((other) => other !== dep && ancestorsOf(other).has(dep));
      if (!implied) edges.push([dep, key]);
    }
  }
  return edges;
}

function render(
  drawn: readonly (Change & { action: DrawnAction })[],
  shown: number,
  maxEdges: number,
): string {
  const nodes = drawn.slice(0, shown);
  const ids = new Map<string, string>();
  nodes.forEach((c, i) => ids.set(identityKey(c.address), `n${i}`));
  const deps = new Map<string, string[]>();
  for (const c of nodes) {
    const key = identityKey(c.address);
    deps.set(key, [...new Set(c.dependsOn)].filter((d) => ids.has(d) && d !== key).sort());
  }
  const edges = reduceEdges([...ids.keys()], deps);
  const lines = ['flowchart LR'];
  nodes.forEach((c, i) => lines.push(`  n${i}["${mermaidLabel(nodeText(c))}"]`));
  for (const [from, to] of edges.slice(0, maxEdges)) lines.push(`  ${ids.get(from)} --> ${ids.get(to)}`);
  const rest = drawn.slice(shown);
  const hiddenEdges = Math.max(0, edges.length - maxEdges);
  if (rest.length > 0 || hiddenEdges > 0) {
    const counts = DRAWN.map((a) => [a, rest.filter((c) => c.action === a).length] as const)
      .filter(([, n]) => n > 0)
      .map(([a, n]) => `${n} ${a}`);
    const parts: string[] = [];
    if (rest.length > 0) parts.push(`${plural(rest.length, 'more resource')} (${counts.join(', ')})`);
    if (hiddenEdges > 0) parts.push(plural(hiddenEdges, 'more edge'));
    lines.push(`  more["${mermaidLabel(`… and ${parts.join(', ')} not drawn`, 200)}"]`);
  }
  for (const action of [...DRAWN, 'more'] as const) {
    const members =
      action === 'more'
        ? lines.some((l) => l.startsWith('  more['))
          ? ['more']
          : []
        : nodes.flatMap((c, i) => (c.action === action ? [`n${i}`] : []));
    if (members.length === 0) continue;
    lines.push(`  classDef ${action} ${CLASS_STYLE[action]}`);
    lines.push(`  class ${members.join(',')} ${action}`);
  }
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}

/**
 * The plan's changed resources (create, update, replace, delete) as a fenced Mermaid block, or ''
 * when nothing changes. Edges read "before": a dependency points at what waits for it.
 */
export function renderPlanMermaid(plan: Plan, options: MermaidOptions = {}): string {
  const maxSize = options.maxSize ?? MERMAID_SIZE_CAP;
  const changes = plan.changes.filter((c): c is Change & { action: DrawnAction } => isDrawn(c.action));
  if (changes.length === 0) return '';
  // Most consequential first, plan order (a topological order) within an action.
  const drawn = DRAWN.flatMap((a) => changes.filter((c) => c.action === a));
  let shown = Math.min(drawn.length, Math.max(0, options.maxNodes ?? MERMAID_NODE_CAP));
  for (;;) {
    const block = render(drawn, shown, Math.max(0, options.maxEdges ?? MERMAID_EDGE_CAP));
    // Long escaped labels can make even a capped diagram large: halve until it fits the budget.
    if (budgetSize(block) <= maxSize) return block;
    if (shown === 0) return '';
    shown = Math.floor(shown / 2);
  }
}
