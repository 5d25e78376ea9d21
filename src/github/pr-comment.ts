/** The sticky plan comment on a pull request (implemented with the GitOps issue). */
import type { Plan } from '../plan/types.js';
import type { CliIo } from '../cli/io.js';

/** What the comment needs besides the plan. */
export interface PlanCommentOptions {
  /** Environment with GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL. */
  env: Readonly<Record<string, string | undefined>>;
  /** Link to the full plan (workflow artifact), when known. */
  fullPlanUrl?: string;
  /** Which comment this is: one per domain shard (`--domain`), or the whole repository. */
  key?: string;
}

/** Creates or edits the plan comment on the pull request; returns the comment URL. */
export async function upsertPlanComment(
  _plan: Plan,
  _options: PlanCommentOptions,
  _io: CliIo,
): Promise<string> {
  throw new Error('plan --github-comment is not implemented yet');
}
