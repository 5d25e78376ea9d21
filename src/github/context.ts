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
 * What the GitHub steps use of the command's IO: the working directory (the commit a report names)
 * and stderr. Declared here, not imported from the CLI that calls these steps, so the dependency
 * runs one way only; the CLI's `CliIo` satisfies it.
 */
export interface GitHubIo {
  readonly cwd: string;
  readonly stderr: (text: string) => void;
}

/**
 * A configuration mistake of the GitHub integration (a missing or malformed variable): reported
 * as such, with the variable to set, never as an internal error.
 */
export class GitHubConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitHubConfigError';
  }
}

/** Names the account whose comments and issues are ours, when `GET /user` cannot say (App tokens). */
export const LOGIN_VARIABLE = 'SMUS_GITOPS_GITHUB_LOGIN';

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
    throw new GitHubConfigError(
      repository === ''
        ? 'GITHUB_REPOSITORY is not set: the GitHub integration needs the repository as "owner/name" (Actions sets it)'
        : `GITHUB_REPOSITORY must be "owner/name" (got ${JSON.stringify(repository)})`,
    );
  const token = env['GITHUB_TOKEN'];
  if (!client && !token)
    throw new GitHubConfigError('GITHUB_TOKEN is not set: the GitHub integration needs a token');
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
    throw new GitHubConfigError(
      'GITHUB_EVENT_PATH is not set: --github-comment runs in a pull request workflow',
    );
  let event: unknown;
  try {
    event = JSON.parse(await readFile(resolve(cwd, path), 'utf8'));
  } catch (error) {
    throw new GitHubConfigError(
      `cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`,
    );
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
    throw new GitHubConfigError(
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
 * Who our comments and issues are written by. An explicit login (SMUS_GITOPS_GITHUB_LOGIN) wins;
 * else the token's user. For an installation token (Actions' GITHUB_TOKEN or a GitHub App's, which
 * `GET /user` refuses with 403) the author's login is not knowable in advance (`github-actions[bot]`,
 * `smus-bot[bot]`...): `undefined` then means "any Bot account", which a person pasting our marker
 * cannot be.
 */
export async function ourLogin(client: GitHubClient, env: Env = {}): Promise<string | undefined> {
  const explicit = env[LOGIN_VARIABLE]?.trim();
  if (explicit) return explicit;
  try {
    return (await client.getAuthenticatedUser()).login;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403) return undefined;
    throw error;
  }
}

/** The commit a report is about: the pull request's head (not the merge commit), else GITHUB_SHA. */
export async function reportedCommit(env: Env, cwd: string): Promise<string | undefined> {
  const path = env['GITHUB_EVENT_PATH'];
  if (path) {
    try {
      const event: unknown = JSON.parse(await readFile(resolve(cwd, path), 'utf8'));
      const head = field(field(field(event, 'pull_request'), 'head'), 'sha');
      if (typeof head === 'string' && /^[0-9a-f]{7,64}$/i.test(head)) return head;
    } catch {
      // No readable event: fall back to GITHUB_SHA.
    }
  }
  const sha = env['GITHUB_SHA'];
  return sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
}

/** The line every comment and issue ends with: which commit it is about, and the run that wrote it. */
export function provenanceLine(commit: string | undefined, run: string | undefined): string {
  const parts = [...(commit ? [`Commit \`${commit}\``] : []), ...(run ? [`[workflow run](${run})`] : [])];
  return parts.length === 0 ? '' : `<sub>${parts.join(' · ')}</sub>`;
}
