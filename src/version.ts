/** The tool's version, recorded in saved plans and printed by `--version`. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';
