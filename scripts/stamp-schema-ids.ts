/**
 * `npx tsx scripts/stamp-schema-ids.ts`: sets every schema's `$id` to the published URL of this
 * version (SCHEMA_BASE_URL + file name). Run it after a version bump or when adding a schema;
 * test/schemas/schemas.test.ts fails until it is run. Only the `$id` line changes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_BASE_URL } from '../src/version.js';

const directory = new URL('../schemas/', import.meta.url);
for (const file of readdirSync(directory)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const path = new URL(file, directory);
  const text = readFileSync(path, 'utf8');
  // A textual edit keeps the file's formatting (prettier's) byte for byte apart from the id.
  const stamped = text.replace(/^( {2}"\$id": )"[^"]*"/m, `$1${JSON.stringify(SCHEMA_BASE_URL + file)}`);
  if (!/^ {2}"\$id": /m.test(text)) throw new Error(`${file} has no top-level "$id" line`);
  if (stamped !== text) writeFileSync(path, stamped);
}
