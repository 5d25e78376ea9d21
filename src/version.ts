/** The tool's version, recorded in saved plans and printed by `--version`. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';

/**
 * Where the schemas of this version live for editors and for copied manifests: every schema's
 * `$id` is this base plus its file name (kept in step by test/schemas/schemas.test.ts), so a
 * `$schema` reference written by `init` or `export` survives being copied out of the repository.
 * The version is in the path because a published version's files never change.
 */
export const SCHEMA_BASE_URL = `https://unpkg.com/smus-gitops@${TOOL_VERSION}/schemas/`;
