/**
 * Compiles every JSON Schema in schemas/ into standalone validation code (ajv/dist/standalone), so
 * the CLI does not compile schemas on every start (~200 ms). Iterates over schemas/ generically:
 * a new `*.schema.json` is picked up by the next build without touching this script.
 *
 * Usage: `tsx scripts/build-validators.ts` (writes src/validate/generated/validators.ts) or
 * `tsx scripts/build-validators.ts --check` (exits 1 when the generated file is out of step).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidatorsSource } from '../src/validate/generate-validators.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const target = `${root}src/validate/generated/validators.ts`;
const source = generateValidatorsSource(`${root}schemas/`);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of step like a stale one.
  }
  if (current !== source) {
    process.stderr.write(`${target} is out of step with schemas/: run npm run build:validators\n`);
    process.exit(1);
  }
} else {
  writeFileSync(target, source);
}
