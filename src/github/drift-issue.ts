/** The drift issue of a domain (implemented with the GitOps issue). */
import type { Plan } from '../plan/types.js';
import type { CliIo } from '../cli/io.js';

/** The outcome of a drift run, as the issue reports it. */
export type DriftOutcome =
  { kind: 'drift'; plan: Plan } | { kind: 'in-sync'; plan: Plan } | { kind: 'failed'; message: string };

/** What the issue needs. */
export interface DriftIssueOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** One issue per domain. */
  domain: string;
}

/** Opens, updates, closes or reopens the domain's drift issue; returns its URL. */
export async function syncDriftIssue(
  _outcome: DriftOutcome,
  _options: DriftIssueOptions,
  _io: CliIo,
): Promise<string> {
  throw new Error('drift --github-issue is not implemented yet');
}
