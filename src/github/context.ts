/**
 * What a GitHub step knows from the standard Actions variables: the repository, the API client,
 * the pull request of the triggering event, the run's page (where the full plan is uploaded as an
 * artifact), and which account our token writes as.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GitHubApiError, GitHubClient, type RepoRef } from './client.js';

/** Environment variables, as `CliIo.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The author of comments written with an Actions `GITHUB_TOKEN` (an installation token, for which
 * `GET /user` answers 403).
 */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** A client and repository for the step. */
export interface GitHubContext {
  client: GitHubClient;
  repo: RepoRef;
}

/** Builds the client from GITHUB_TOKEN, GITHUB_API_URL and GITHUB_REPOSITORY (or uses the one given). */
export function githubContext(env: Env, client?: GitHubClient): GitHubContext {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
  if (!match?.[1] || !match[2])
    throw new Error(`GITHUB_REPOSITORY must be "owner/name" (got ${JSON.stringify(repository)})`);
  const token = env['GITHUB_TOKEN'];
  if (!client && !token) throw new Error('GITHUB_TOKEN is not set: the GitHub integration needs a token');
  return {
    client: client ?? new GitHubClient({ token: token ?? '', ...apiUrl(env) }),
    repo: { owner: match[1], repo: match[2] },
  };
}

function apiUrl(env: Env): { apiUrl?: string } {
  const url = env['GITHUB_API_URL'];
  return url ? { apiUrl: url } : {};
}

/**
 * The pull request number from the event payload at GITHUB_EVENT_PATH: `pull_request.number`
 * (pull_request events), else `number`, else `issue.number` when that issue is a pull request
 * (issue_comment events).
 */
export async function pullRequestNumber(env: Env, cwd: string): Promise<number> {
  const path = env['GITHUB_EVENT_PATH'];
  if (!path)
    throw new Error('GITHUB_EVENT_PATH is not set: --github-comment runs in a pull request workflow');
  let event: unknown;
  try {
    event = JSON.parse(await readFile(resolve(cwd, path), 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${path})`, { cause: error });
  }
  const candidates = [
    field(field(event, 'pull_request'), 'number'),
    field(event, 'number'),
    field(field(event, 'issue'), 'pull_request') === undefined
      ? undefined
      : field(field(event, 'issue'), 'number'),
  ];
  const number = candidates.find((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0);
  if (number === undefined)
    throw new Error(
      'the event at GITHUB_EVENT_PATH is not a pull request event (no pull_request.number or number)',
    );
  return number;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The workflow run's page (it lists the run's artifacts), when running in Actions. */
export function runUrl(env: Env): string | undefined {
  const id = env['GITHUB_RUN_ID'];
  const repository = env['GITHUB_REPOSITORY'];
  if (!id || !repository) return undefined;
  const server = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repository}/actions/runs/${id}`;
}

/**
 * The login our comments and issues are written under: the token's user, or for an Actions or App
 * installation token (which `GET /user` refuses with 403) the Actions bot.
 */
export async function ourLogin(client: GitHubClient): Promise<string> {
  try {
    return (await client.getAuthenticatedUser()).login;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}
