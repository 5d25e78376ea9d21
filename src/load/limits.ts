/** Limits that keep hostile input from exhausting the tool: each breach is a located diagnostic. */
export const LOAD_LIMITS = {
  /** Largest manifest file accepted, in bytes. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Deepest nesting of mappings and sequences accepted. */
  maxDepth: 100,
  /** Most nodes that alias expansion may produce in one document (defeats "billion laughs"). */
  maxAliasExpandedNodes: 10_000,
} as const;
