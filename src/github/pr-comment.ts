/**
 * The sticky plan comment on a pull request: found again by its hidden marker among every comment
 * of the pull request (all pages), edited in place when it exists, created otherwise. Only a
 * comment that carries the marker AND was written by us counts as ours (see markers.ts), so
 * nobody else's comment is ever edited. Every version names the commit and the run it comes from;
 * a plan that failed replaces the previous plan in the same comment, so the pull request never
 * shows a plan that is no longer true.
 */
import type { Plan } from '../plan/types.js';
import { DEFAULT_TITLE } from '../render/plan-markdown.js';
import type { GitHubClient } from './client.js';
import { composeCommentBody } from './comment-body.js';
import { escapeMarkdown, fencedBlock } from '../render/plan-markdown-escape.js';
import { cutText } from '../render/plan-values.js';
import {
  githubContext,
  ourLogin,
  provenanceLine,
  pullRequestNumber,
  reportedCommit,
  runUrl,
  type GitHubIo,
} from './context.js';
import { isOurs, planMarker } from './markers.js';

/** What the comment needs besides the plan. */
export interface PlanCommentOptions {
  /** Environment with GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL. */
  env: Readonly<Record<string, string | undefined>>;
  /** Link to the full plan (workflow artifact), when known; default the workflow run's page. */
  fullPlanUrl?: string;
  /** Which comment this is: one per domain shard (`--domain`), or the whole repository. */
  key?: string;
  /** A client to use instead of one built from the environment (tests inject one that never sleeps). */
  client?: GitHubClient;
}

/** The longest failure message quoted in the comment. */
const FAILURE_LIMIT = 10_000;

/** Creates or edits the plan comment on the pull request; returns the comment URL. */
export async function upsertPlanComment(
  plan: Plan,
  options: PlanCommentOptions,
  io: GitHubIo,
): Promise<string> {
  const fullPlanUrl = options.fullPlanUrl ?? runUrl(options.env);
  const footer = provenanceLine(await reportedCommit(options.env, io.cwd), runUrl(options.env));
  const body = composeCommentBody(plan, {
    marker: planMarker(options.key),
    title: options.key === undefined ? DEFAULT_TITLE.plan : `${DEFAULT_TITLE.plan}: ${options.key}`,
    ...(fullPlanUrl ? { fullPlanUrl } : {}),
    ...(footer ? { footer } : {}),
  });
  return writeComment(body, options, io);
}

/**
 * Replaces the plan comment with the news that planning failed (bad manifests, unreadable live
 * state, bad credentials): the previous plan is no longer what the pull request would do.
 */
export async function replacePlanCommentWithFailure(
  message: string,
  options: PlanCommentOptions,
  io: GitHubIo,
): Promise<string> {
  const run = runUrl(options.env);
  const footer = provenanceLine(await reportedCommit(options.env, io.cwd), run);
  const title = options.key === undefined ? DEFAULT_TITLE.plan : `${DEFAULT_TITLE.plan}: ${options.key}`;
  const body =
    `${planMarker(options.key)}\n## ${escapeMarkdown(title)}\n\n` +
    `**The plan failed**, so what this pull request would change is unknown. Any plan shown here ` +
    `before is no longer current.\n\n${fencedBlock(cutText(message, FAILURE_LIMIT).split('\n'))}` +
    `${run ? `\nSee [the workflow run](${run}) for the diagnostics.\n` : ''}${footer ? `\n${footer}\n` : ''}`;
  return writeComment(body, options, io);
}

async function writeComment(body: string, options: PlanCommentOptions, io: GitHubIo): Promise<string> {
  const { client, repo } = githubContext(options.env, options.client);
  const pr = await pullRequestNumber(options.env, io.cwd);
  const marker = planMarker(options.key);
  const login = await ourLogin(client, options.env);
  const comments = await client.listIssueComments(repo, pr);
  // The oldest of ours wins, should a race ever have created two.
  const ours = comments.find((c) => isOurs(c, marker, login));
  if (!ours) return (await client.createIssueComment(repo, pr, body)).html_url;
  // An unchanged plan is not written again: no notification, no "edited" mark.
  if (ours.body === body) return ours.html_url;
  return (await client.updateIssueComment(repo, ours.id, body)).html_url;
}
