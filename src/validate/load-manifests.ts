/**
 * Loads and validates the manifests under the given paths: the effects (discovery, reading,
 * the schema files) around the pure validation stage. Every command starts here.
 */
import { createHash } from 'node:crypto';
import {
  createCompiledSchemaValidator,
  createSchemaValidator,
  type SchemaValidator,
} from './schema-validator.js';
import { validateManifests, type ManifestFile, type ValidationResult } from './validate-manifests.js';
import { discoverManifestFiles, readManifestBytes } from '../load/files.js';
import { loadManifestSchemas, precompiledSchemas } from './schemas.js';

let validator: SchemaValidator | undefined;

/** The shared schema validator (compiled once per process). */
export function manifestSchemaValidator(): SchemaValidator {
  const precompiled = validator ? undefined : precompiledSchemas();
  validator ??= precompiled
    ? createCompiledSchemaValidator(precompiled)
    : createSchemaValidator(loadManifestSchemas());
  return validator;
}

/** What loading found, plus a digest of the manifests read (saved plans record it). */
export interface LoadResult extends ValidationResult {
  /** sha256 over every file's path and bytes, in path order. */
  manifestsDigest: string;
}

/** Discovers, reads and validates manifests. */
export async function loadManifests(paths: readonly string[], cwd: string): Promise<LoadResult> {
  const discovery = await discoverManifestFiles(paths, cwd);
  const files: ManifestFile[] = [];
  for (const file of discovery.files) {
    const read = await readManifestBytes(file, cwd);
    files.push(read.ok ? { file, bytes: read.bytes } : { file, diagnostic: read.diagnostic });
  }
  const result = validateManifests(files, manifestSchemaValidator());
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f.file)
      .update('\0')
      .update('bytes' in f ? f.bytes : '')
      .update('\0');
  return {
    ...result,
    diagnostics: [...discovery.diagnostics, ...result.diagnostics],
    manifestsDigest: `sha256:${hash.digest('hex')}`,
  };
}
