/**
 * What the CLI says about an error that reached the top. Configuration errors (ConfigError, and
 * the system errors a configuration causes: a busy port, a path that cannot be read, missing
 * credentials) get a plain message; only anything else, which only a bug can cause, is an
 * "internal error".
 */
import { isConfigError } from '../diagnostics/config-error.js';
import { ExitCode } from './exit-codes.js';

/** The message and exit code for an error, or undefined when it is a bug (an internal error). */
export function describeConfigError(error: unknown): { message: string; exitCode: number } | undefined {
  if (isConfigError(error)) return { message: error.message, exitCode: error.exitCode };
  if (!(error instanceof Error)) return undefined;
  const system = error as NodeJS.ErrnoException & { port?: number; address?: string };
  switch (system.code) {
    case 'EADDRINUSE':
      return {
        message: `port ${system.port ?? '?'} is in use: another process listens on it; stop it or choose another port (${error.message})`,
        exitCode: ExitCode.Error,
      };
    case 'EADDRNOTAVAIL':
    case 'EACCES':
    case 'EPERM':
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EROFS':
    case 'ENOSPC':
      if (system.path || system.port !== undefined)
        return {
          message: system.path
            ? `cannot use ${system.path}: ${plainReason(system.code)} (${error.message})`
            : `cannot listen on port ${system.port}: ${plainReason(system.code)} (${error.message})`,
          exitCode: ExitCode.Error,
        };
      return undefined;
    default:
      break;
  }
  // The SDK's credential chain found nothing usable: a setup problem, not a bug.
  if (error.name === 'CredentialsProviderError')
    return {
      message: `no usable AWS credentials: ${error.message} (set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a role is available)`,
      exitCode: ExitCode.Error,
    };
  return undefined;
}

function plainReason(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return 'address not available';
  }
}
