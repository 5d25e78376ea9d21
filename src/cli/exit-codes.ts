/** Exit codes of DESIGN §7; scripts depend on these numbers. */
export const ExitCode = {
  /** Success, no changes, in sync. */
  Ok: 0,
  /** Bad input or an API failure. */
  Error: 1,
  /** Changes or drift present (`plan --detailed-exitcode`, `drift`). */
  Changes: 2,
  /** Refused by a safety rule (stale plan, protected resource, too many deletes, replace not allowed). */
  Refused: 3,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
