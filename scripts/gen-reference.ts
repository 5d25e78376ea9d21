/**
 * Generates docs/reference/<kind>.md, one page per manifest kind, from the JSON Schemas in
 * schemas/ (every `*.schema.json` whose `kind` is a constant, so a new kind's schema gets its page
 * without touching this script): the spec's fields with their types, whether required, defaults,
 * descriptions, which are immutable (src/plan/kinds.ts IMMUTABLE_PATHS: changing them means a
 * replace), and an example from manifests-example/ when it has one.
 *
 *   npx tsx scripts/gen-reference.ts        writes the pages
 * test/release/reference.test.ts regenerates them and compares, so the pages stay in step.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMMUTABLE_PATHS } from '../src/plan/kinds.js';

type Schema = Record<string, unknown>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS = join(ROOT, 'schemas');
const EXAMPLES = join(ROOT, 'manifests-example');
/** Nested objects are listed this deep; below, the schema file is the reference. */
const MAX_DEPTH = 4;

function loadSchemas(): Map<string, Schema> {
  const all = new Map<string, Schema>();
  for (const file of readdirSync(SCHEMAS)
    .filter((f) => f.endsWith('.schema.json'))
    .sort())
    all.set(file, JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Schema);
  return all;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows `$ref`s (`file#/pointer` or `#/pointer`), merging the referring schema's own keys over the target. */
function deref(
  schema: Schema,
  file: string,
  all: Map<string, Schema>,
  seen = 0,
): { s: Schema; file: string } {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || seen > 10) return { s: schema, file };
  const [target = '', pointer = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  let node: unknown = all.get(targetFile);
  for (const part of pointer.split('/').filter(Boolean)) node = isSchema(node) ? node[part] : undefined;
  if (!isSchema(node)) return { s: schema, file };
  const { $ref: _ref, ...own } = schema;
  const inner = deref(node, targetFile, all, seen + 1);
  return { s: { ...inner.s, ...own }, file: inner.file };
}

function typeOf(s: Schema): string {
  if ('const' in s) return `\`${JSON.stringify(s['const'])}\``;
  if (Array.isArray(s['enum']))
    return (s['enum'] as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const t = s['type'];
  if (Array.isArray(t)) return t.join(' \\| ');
  if (t === 'array' && isSchema(s['items'])) return 'array';
  if (typeof t === 'string') return t;
  if (Array.isArray(s['oneOf']) || Array.isArray(s['anyOf'])) return 'one of several shapes';
  return 'any';
}

function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

interface Row {
  path: string;
  type: string;
  required: boolean;
  default: string;
  description: string;
}

function walk(
  schema: Schema,
  file: string,
  all: Map<string, Schema>,
  prefix: string,
  depth: number,
  rows: Row[],
): void {
  const { s, file: at } = deref(schema, file, all);
  const props = isSchema(s['properties']) ? s['properties'] : {};
  const required = Array.isArray(s['required']) ? (s['required'] as string[]) : [];
  for (const [name, raw] of Object.entries(props)) {
    if (!isSchema(raw)) continue;
    const { s: p, file: pf } = deref(raw, at, all);
    const path = `${prefix}/${name}`;
    rows.push({
      path,
      type: typeOf(p),
      required: required.includes(name),
      default: 'default' in p ? `\`${JSON.stringify(p['default'])}\`` : '',
      description: cell(p['description']),
    });
    if (depth >= MAX_DEPTH) continue;
    if (p['type'] === 'object' || isSchema(p['properties'])) walk(p, pf, all, path, depth + 1, rows);
    else if (p['type'] === 'array' && isSchema(p['items']))
      walk(p['items'], pf, all, `${path}/*`, depth + 1, rows);
    else if (isSchema(p['additionalProperties']))
      walk(p['additionalProperties'], pf, all, `${path}/*`, depth + 1, rows);
  }
}

function immutable(kind: string, path: string): boolean {
  const patterns = (IMMUTABLE_PATHS as Record<string, readonly string[] | undefined>)[kind] ?? [];
  const segs = path.split('/');
  return patterns.some((pattern) => {
    const p = pattern.split('/');
    return p.length === segs.length && p.every((seg, i) => seg === '*' || seg === segs[i]);
  });
}

/** The first document of `kind` in manifests-example/, as written there. */
function example(kind: string): string | undefined {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path);
    }
  };
  visit(EXAMPLES);
  for (const file of files) {
    for (const doc of readFileSync(file, 'utf8').split(/^---\s*$/m)) {
      if (new RegExp(`^kind:\\s*${kind}\\s*(#.*)?$`, 'm').test(doc)) return doc.trim();
    }
  }
  return undefined;
}

/** Every page, by file name (`<schema name>.md`), in schema order. */
export function renderReference(): Map<string, string> {
  const all = loadSchemas();
  const pages = new Map<string, string>();
  for (const [file, schema] of all) {
    const props = isSchema(schema['properties']) ? schema['properties'] : {};
    const kindSchema = props['kind'];
    const kind = isSchema(kindSchema) ? kindSchema['const'] : undefined;
    if (typeof kind !== 'string') continue;
    const rows: Row[] = [];
    const defs = isSchema(schema['$defs']) ? schema['$defs'] : {};
    const spec = isSchema(defs['spec']) ? defs['spec'] : isSchema(props['spec']) ? props['spec'] : {};
    walk(spec, file, all, '', 1, rows);
    const lines = [
      `# ${kind}`,
      '',
      '<!-- Generated by scripts/gen-reference.ts from schemas/' + file + '; do not edit. -->',
      '',
      cell(schema['description']),
      '',
      `Schema: [\`schemas/${file}\`](../../schemas/${file}). Fields of \`spec\`; **immutable** fields`,
      'cannot change in place: a change plans a replace (delete, then create), which apply carries',
      'out only with `--allow-replace`.',
      '',
      '| Field | Type | Required | Default | Immutable | Description |',
      '| ----- | ---- | -------- | ------- | --------- | ----------- |',
      ...rows.map(
        (r) =>
          `| \`${r.path}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.default} | ${immutable(kind, r.path) ? '**yes**' : ''} | ${r.description} |`,
      ),
      '',
    ];
    const sample = example(kind);
    if (sample) lines.push('## Example', '', 'From `manifests-example/`:', '', '```yaml', sample, '```', '');
    pages.set(file.replace(/\.schema\.json$/, '.md'), lines.join('\n'));
  }
  return pages;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(ROOT, 'docs', 'reference');
  mkdirSync(out, { recursive: true });
  for (const [name, text] of renderReference()) writeFileSync(join(out, name), text);
}
