/**
 * The manifest JSON Schemas shipped in `schemas/` (beside `src/` and `dist/`, so the same relative
 * path works from both), and their validators: precompiled at build time
 * (scripts/build-validators.ts → src/validate/generated/validators.ts) when they are in step with
 * the files, compiled by Ajv at run time otherwise. Read once per process.
 */
import { fileURLToPath } from 'node:url';
import * as generated from './generated/validators.js';
import type { CompiledSchemas } from './schema-validator.js';
import { readSchemas, schemasDigest } from './schema-files.js';

const SCHEMA_DIRECTORY = fileURLToPath(new URL('../../schemas/', import.meta.url));
let cached: object[] | undefined;

/** The schema documents, sorted by file name. */
export function loadManifestSchemas(): object[] {
  cached ??= readSchemas(SCHEMA_DIRECTORY);
  return cached;
}

/**
 * The build-time validators when they were generated from exactly the schemas on disk; undefined
 * when they are missing or stale (the caller then compiles at run time).
 */
export function precompiledSchemas(): CompiledSchemas | undefined {
  if (generated.digest !== schemasDigest(SCHEMA_DIRECTORY)) return undefined;
  const functions = generated as unknown as Record<string, CompiledSchemas['validators'][string]>;
  const validators = Object.fromEntries(
    Object.entries(generated.schemaIds as Record<string, string>).map(([id, name]) => [id, functions[name]!]),
  );
  return { validators, schemas: generated.schemas as Record<string, object> };
}
