/**
 * Reads the manifest JSON Schemas shipped in `schemas/` (beside `src/` and `dist/`, so the same
 * relative path works from both). Read once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIRECTORY = fileURLToPath(new URL('../../schemas/', import.meta.url));
let cached: object[] | undefined;

/** The schema documents, sorted by file name. */
export function loadManifestSchemas(): object[] {
  cached ??= readdirSync(SCHEMA_DIRECTORY)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${SCHEMA_DIRECTORY}${f}`, 'utf8')) as object);
  return cached;
}
