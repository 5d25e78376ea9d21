/** The `*.schema.json` files of a directory: their documents and a digest of their bytes. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

function schemaFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
}

/** The schema documents of a directory (`*.schema.json`, sorted by file name). */
export function readSchemas(directory: string): object[] {
  return schemaFiles(directory).map((f) => JSON.parse(readFileSync(`${directory}${f}`, 'utf8')) as object);
}

/**
 * sha256 over the names and bytes of the `*.schema.json` files of a directory: the generated
 * validators record it, and the CLI compiles at run time instead when schemas/ no longer matches
 * (a schema added or edited without rebuilding), so a stale build is slow, never wrong.
 */
export function schemasDigest(directory: string): string {
  const hash = createHash('sha256');
  for (const f of schemaFiles(directory))
    hash
      .update(`${f}\u0000`)
      .update(readFileSync(`${directory}${f}`))
      .update('\u0000');
  return hash.digest('hex');
}
