/** Hostile manifest files, shared by the hostile-input test and the measuring script. */

/** One hostile file: its content, the code it must produce and where. */
export interface HostileInput {
  name: string;
  content: () => Buffer | string;
  code: string;
  /** [line, col] of the diagnostic. */
  at: [number, number];
}

const HEADER = 'apiVersion: smus-gitops/v1alpha1\nkind: Policy\nmetadata:\n  name: p\n';

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${HEADER}spec:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

function deepBlock(depth: number): string {
  let text = `${HEADER}spec:\n`;
  for (let i = 1; i <= depth; i++) text += `${'  '.repeat(i)}k:\n`;
  return `${text}${'  '.repeat(depth + 1)}v\n`;
}

/** The inputs; positions are 1-based. */
export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'alias-bomb', content: aliasBomb, code: 'SG112', at: [10, 10] },
  {
    // Wide, not deep: 20,000 aliases of one small anchor (each alias used to search the whole document).
    name: 'many-aliases',
    content: () => `${HEADER}x: &a {k: v}\nspec:\n  rules:\n${'    - *a\n'.repeat(20_000)}`,
    code: 'SG112',
    at: [5008, 7],
  },
  { name: 'duplicate-keys', content: () => `${HEADER}  name: q\nspec: {}\n`, code: 'SG111', at: [5, 3] },
  {
    name: 'proto-key',
    content: () => `${HEADER}spec:\n  __proto__: { polluted: true }\n`,
    code: 'SG114',
    at: [6, 3],
  },
  {
    name: 'constructor-key',
    content: () => `${HEADER}spec:\n  constructor: { prototype: { polluted: true } }\n`,
    code: 'SG114',
    at: [6, 3],
  },
  {
    name: 'deep-flow',
    content: () => `${HEADER}spec: ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}\n`,
    code: 'SG113',
    at: [5, 107],
  },
  { name: 'deep-block', content: () => deepBlock(150), code: 'SG113', at: [106, 203] },
  {
    name: 'huge-file',
    content: () => `${HEADER}spec:\n  x: "${'a'.repeat(5 * 1024 * 1024)}"\n`,
    code: 'SG101',
    at: [1, 1],
  },
  {
    name: 'invalid-utf8',
    content: () =>
      Buffer.concat([Buffer.from(`${HEADER}spec:\n  x: "`), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]),
    code: 'SG102',
    at: [6, 7],
  },
  {
    name: 'binary',
    content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    code: 'SG103',
    at: [3, 1],
  },
  { name: 'custom-tag', content: () => `${HEADER}spec: !Ref other\n`, code: 'SG115', at: [5, 7] },
];
