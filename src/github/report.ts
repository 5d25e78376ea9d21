/**
 * Running a GitHub report from a command: a configuration mistake (GITHUB_REPOSITORY unset...) or
 * an API failure is said plainly on stderr and fails the run, rather than surfacing as an
 * "internal error"; anything else is a real defect and propagates.
 */
import { GitHubApiError } from './client.js';
import { GitHubConfigError, type GitHubIo } from './context.js';

/** Runs `report`; returns false (after saying why) when GitHub could not be reported to. */
export async function reportingToGitHub(io: GitHubIo, report: () => Promise<void>): Promise<boolean> {
  try {
    await report();
    return true;
  } catch (error) {
    if (!(error instanceof GitHubConfigError || error instanceof GitHubApiError)) throw error;
    io.stderr(`smus-gitops: cannot report on GitHub: ${error.message}\n`);
    return false;
  }
}
