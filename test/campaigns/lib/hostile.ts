/**
 * The hostile-input campaign: generated organisations and the example, mutated at random (bytes
 * flipped, spans deleted or repeated, lines swapped, hostile snippets inserted: aliases, deep
 * nesting, prototype keys, tags, NULs, invalid UTF-8), validated as `validate` would. No input
 * may throw, pollute a prototype, or fail without a located error; none may ever reach a plan.
 * "Converged" here means: the input ended as valid, or as rejected with a located error.
 * Each input that decodes is also read by both YAML paths: whenever the fast path (js-yaml)
 * accepts it, the exact path (`yaml`) must read it without error and to the same data.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { generateBenchOrg } from '../../../bench/org.js';
import { hasErrors } from '../../../src/diagnostics/diagnostic.js';
import { discoverManifestFiles } from '../../../src/load/files.js';
import { decodeManifestBytes } from '../../../src/load/decode.js';
import { manifestSchemaValidator } from '../../../src/validate/load-manifests.js';
import { parseManifestText } from '../../../src/load/parse.js';
import { validateManifests } from '../../../src/validate/validate-manifests.js';
import { prng } from '../../helpers/generate.js';
import { canary, emptyCounts, exercised, problem, type CampaignCounts } from './counts.js';

const SNIPPETS = [
  ':',
  '- ',
  '\n  ',
  '{',
  '[',
  ']',
  '"',
  "'",
  '&a [1,2,3]',
  '*a',
  '*nosuchanchor',
  '!!binary ',
  '!Ref x',
  '---\n',
  '...\n',
  '__proto__: { polluted: true }\n',
  'constructor: { prototype: { polluted: true } }\n',
  '\t',
  '#',
  '\u0000',
  '\uFEFF',
  '%YAML 1.1\n',
  '<<: *a\n',
  'kind: Project\n',
  'apiVersion: smus-gitops/v9\n',
  `${'['.repeat(300)}${']'.repeat(300)}`,
  'x: 1e999999\n',
  'x: 0x7fffffffffffffffffff\n',
];

function mutate(text: string, random: () => number): Uint8Array {
  const n = () => Math.floor(random() * (text.length + 1));
  let t = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = n();
    switch (Math.floor(random() * 6)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 60));
        break;
      case 1:
        t = t.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + t.slice(at);
        break;
      case 2: {
        const lines = t.split('\n');
        const [a, b] = [Math.floor(random() * lines.length), Math.floor(random() * lines.length)];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        t = lines.join('\n');
        break;
      }
      case 3: {
        const len = Math.floor(random() * 200);
        t = t.slice(0, at) + t.slice(at, at + len).repeat(2 + Math.floor(random() * 3)) + t.slice(at);
        break;
      }
      case 4:
        t = t.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + t.slice(at);
        break;
      default:
        break;
    }
  }
  const bytes = new TextEncoder().encode(t);
  // Now and then, flip raw bytes (invalid UTF-8, control characters).
  if (random() < 0.2 && bytes.length > 0) {
    for (let i = 0; i < 3; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
  }
  return bytes;
}

/** Why the fast YAML path and the exact one read `bytes` differently, or undefined when they agree. */
function yamlPathsDisagree(bytes: Uint8Array, counts: CampaignCounts): string | undefined {
  const decoded = decodeManifestBytes('hostile.yaml', bytes);
  if (!decoded.ok) return undefined;
  // As the loader does: the fast path only where its pre-checks let it.
  const fast = parseManifestText('hostile.yaml', decoded.text);
  if (fast.exact) return undefined;
  exercised(counts, 'fastYamlPath');
  const exact = parseManifestText('hostile.yaml', decoded.text, true);
  if (exact.diagnostics.some((d) => d.severity === 'error')) return 'the exact path reports an error';
  const [a, b] = [fast.documents.map((d) => d.data), exact.documents.map((d) => d.data)];
  return isDeepStrictEqual(a, b) ? undefined : 'the two paths read different data';
}

/** Runs `runs` hostile inputs. */
export async function runHostileCampaign(runs: number, seed = 1): Promise<CampaignCounts> {
  const counts = emptyCounts();
  const random = prng(seed);
  const validator = manifestSchemaValidator();
  const { files } = await discoverManifestFiles(['manifests-example'], process.cwd());
  const sources = [
    ...files.map((f) => readFileSync(f, 'utf8')),
    generateBenchOrg(seed, {
      units: 2,
      associations: 2,
      pools: 2,
      accountsPerPool: 2,
      profiles: 2,
      projects: 2,
      membersPerProject: 2,
    }),
  ];
  const secret = canary(seed);
  for (let i = 0; i < runs; i++) {
    counts.runs += 1;
    const source = sources[Math.floor(random() * sources.length)]!;
    const bytes = mutate(source, random);
    try {
      const result = validateManifests([{ file: `hostile-${i}.yaml`, bytes }], validator);
      const located = result.diagnostics.some((d) => d.severity === 'error' && d.location !== undefined);
      if (!hasErrors(result.diagnostics) || located) counts.converged += 1;
      else problem(counts, `input ${i}: errors without a location`);
      if (JSON.stringify(result.diagnostics).includes(secret)) counts.canariesSeen += 1;
    } catch (error) {
      problem(counts, `input ${i}: threw ${String(error)}`);
    }
    const disagreement = yamlPathsDisagree(bytes, counts);
    if (disagreement) problem(counts, `input ${i}: ${disagreement}`);
    const polluted = ({} as Record<string, unknown>)['polluted'] !== undefined;
    if (polluted) {
      counts.unmanagedOrProtectedTouched += 1;
      problem(counts, `input ${i}: Object.prototype was polluted`);
    }
  }
  return counts;
}
