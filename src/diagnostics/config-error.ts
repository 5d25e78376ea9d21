/**
 * A configuration error: the run cannot start as configured (a missing environment variable, a
 * busy port, an unreadable directory, a bad option). Any layer may throw it; the CLI prints its
 * message as it is, without "internal error" or a stack trace, and exits with `exitCode`.
 * "internal error" is kept for what only a bug can cause.
 */
export class ConfigError extends Error {
  /** The exit code the CLI ends with (1: bad input, DESIGN §7). */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** True for a ConfigError, also one from another copy of this module (checked by name). */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'ConfigError');
}
