/**
 * The fast path of manifest parsing. The `yaml` library (which gives exact source positions and
 * the diagnostics users see) parses about 1 MB/s; an organisation of 10,000 projects is 7 MB of
 * manifests. js-yaml builds plain data about ten times faster, so a file is first read with it,
 * and `yaml` runs only when a location is needed (a diagnostic) or the file uses anything outside
 * the plain subset that both parsers read identically:
 * - no tags, anchors, aliases, directives, explicit (`?`) keys or collections as keys — a text
 *   pre-scan sends any file that might contain one to the exact path (quoted text that merely
 *   looks like one is read exactly too: slower, never wrong);
 * - plain scalars resolve with the YAML 1.2 core schema exactly as `yaml` resolves them (the
 *   regular expressions below are the core schema's), quoted and block scalars stay strings;
 * - anything js-yaml rejects or warns about (syntax, duplicate keys), an empty document, nesting
 *   deeper than the limit or a key that the exact path reports, also goes the exact way.
 * A differential property test holds the two paths to the same data. parse.ts tries the still
 * narrower line reader (plain-lines.ts) before this path.
 */
import jsYaml from 'js-yaml';
import { LOAD_LIMITS } from './limits.js';

const CORE = 'tag:yaml.org,2002:';

/** The forms of each core tag, in the order `yaml` tries them (built into js-yaml types below). */
const CORE_FORMS: { formOf: (text: unknown) => [RegExp, (text: string) => unknown] | undefined }[] = [];

/** One core tag: its forms (pattern → value), tried in order, as `yaml` tries its tags. */
function scalarType(
  name: string,
  firstChars: string,
  forms: [RegExp, (text: string) => unknown][],
): jsYaml.Type {
  // js-yaml keeps one implicit type per tag, so the forms of a tag live in one type. Most plain
  // scalars are names and ARNs: the first character rules them out before any pattern runs.
  const formOf = (text: unknown) =>
    typeof text === 'string' && (text === '' || firstChars.includes(text[0]!))
      ? forms.find(([test]) => test.test(text))
      : undefined;
  CORE_FORMS.push({ formOf });
  return new jsYaml.Type(`${CORE}${name}`, {
    kind: 'scalar',
    resolve: (text: unknown) => formOf(text) !== undefined,
    construct: (text: string) => formOf(text)![1](text),
  });
}

/** A plain scalar's value under the core schema, exactly as the js-yaml schema below constructs it. */
export function resolvePlain(text: string): unknown {
  for (const { formOf } of CORE_FORMS) {
    const form = formOf(text);
    if (form) return form[1](text);
  }
  return text;
}

// The YAML 1.2 core schema: the `yaml` library's patterns and its order (null, bool, int, float).
const CORE_PLAIN_SCALARS = [
  scalarType('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
  scalarType('bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T']]),
  scalarType('int', '0123456789+-', [
    [/^0o[0-7]+$/, (t) => parseInt(t.slice(2), 8)],
    [/^[-+]?[0-9]+$/, (t) => parseInt(t, 10)],
    [/^0x[0-9a-fA-F]+$/, (t) => parseInt(t.slice(2), 16)],
  ]),
  scalarType('float', '0123456789+-.', [
    [
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity),
    ],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (t) => parseFloat(t)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (t) => parseFloat(t)],
  ]),
];

const SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_PLAIN_SCALARS });

/**
 * Text that may hold a construct outside the plain subset: a node property (`!tag`, `&anchor`,
 * `*alias`) at the start of a token, a directive, an explicit key, a flow collection used as a
 * key (`[a]: b`, which js-yaml would turn into the string key "a"), or one of the spots where
 * the differential test found js-yaml reading differently: a compact nested sequence (`- - a`),
 * a sequence entry with nothing after its dash, a block scalar with an indentation indicator
 * (`|2`), a comment glued to a closing bracket or quote (`[a]#`, an error for `yaml`), an
 * escaped line break in a double-quoted scalar (a backslash ending a line), a line of blanks
 * only (around block scalars `yaml` and js-yaml disagree on them).
 */
const OUTSIDE_PLAIN_SUBSET = new RegExp(
  [
    String.raw`(?:^|[\s[{,])[!&*]`,
    String.raw`["']:[!&*]`,
    String.raw`^%`,
    String.raw`(?:^|[\s[{,])\?(?:\s|$)`,
    String.raw`[\]}]\s*:(?:\s|$)`,
    String.raw`(?:^|\s)-[ \t]+-(?:\s|$)`,
    String.raw`(?:^|\s)-[ \t]*$`,
    String.raw`(?:^|\s)[|>][+-]?[0-9]`,
    String.raw`[\]}"']#`,
    String.raw`\\\r?$`,
    String.raw`^[ \t]+\r?$`,
  ].join('|'),
  'm',
);

// Keys the exact path reports (forbidden or not plain strings): read those files exactly.
const EXACT_ONLY_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'null', 'Null', 'NULL', '~', '']);

function plainTree(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth >= LOAD_LIMITS.maxDepth) return false;
  if (Array.isArray(value)) return value.every((item) => plainTree(item, depth + 1));
  for (const key of Object.keys(value)) {
    if (EXACT_ONLY_KEYS.has(key)) return false;
    if (!plainTree((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * The documents of a manifest file as plain data when the whole file is inside the plain subset,
 * or undefined when it must be parsed exactly (see the module comment).
 */
export function parsePlainDocuments(text: string): unknown[] | undefined {
  if (OUTSIDE_PLAIN_SUBSET.test(text)) return undefined;
  let warned = false;
  let documents: unknown[];
  try {
    documents = jsYaml.loadAll(text, null, {
      schema: SCHEMA,
      onWarning: () => {
        warned = true;
      },
    });
  } catch {
    return undefined;
  }
  if (warned) return undefined;
  for (const doc of documents) {
    // An empty document and an explicit null read the same here; the exact path tells them apart.
    if (doc === null || doc === undefined || !plainTree(doc, 0)) return undefined;
  }
  return documents;
}
