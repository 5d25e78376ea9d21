/**
 * A small typed GitHub REST client over `fetch`, covering exactly the calls the plan comment and
 * the drift issue make. `@octokit/rest` could replace it one for one; it is written by hand only
 * because the project adds no dependencies for two features. What it promises: the standard
 * headers, pagination through `Link` headers (never leaving the API's origin, so the token is
 * never sent elsewhere), bounded retries on 5xx, network errors and secondary rate limits, and
 * error messages that name the call and GitHub's message but never the token.
 */

/** The default API root (GitHub.com); GitHub Enterprise sets GITHUB_API_URL to `https://host/api/v3`. */
export const DEFAULT_API_URL = 'https://api.github.com';
/** Attempts per call: one try plus retries. */
const MAX_ATTEMPTS = 4;
/** Longest wait honoured from a `Retry-After` header or rate-limit reset, in seconds. */
const MAX_WAIT_SECONDS = 60;
/** A runaway `next` chain stops here (100 pages of 100 items). */
const MAX_PAGES = 100;
/** The longest GitHub message quoted in an error. */
const MESSAGE_LIMIT = 300;

/** A GitHub account as the API reports it on comments and issues. */
export interface GitHubUser {
  login: string;
  type?: string;
}

/** An issue or pull-request comment. */
export interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  /** Null for comments of deleted accounts. */
  user: GitHubUser | null;
}

/** An issue (pull requests are issues too: they carry `pull_request`). */
export interface Issue {
  number: number;
  title: string;
  body?: string | null;
  state: 'open' | 'closed';
  html_url: string;
  user: GitHubUser | null;
  labels: ReadonlyArray<{ name?: string } | string>;
  pull_request?: unknown;
}

/** The fields an issue is created or edited with. */
export interface IssueFields {
  title?: string;
  body?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'reopened';
}

/** A repository, as `owner/name`. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Connection settings and effects (injected so tests never wait). */
export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  apiUrl?: string;
  /** Waits between retries; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** A GitHub API call that failed for good (after retries). The message never contains the token. */
export class GitHubApiError extends Error {
  /** HTTP status, or undefined when no response arrived. */
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitHubApiError';
    this.status = status;
  }
}

/** The URL of the page after this one, from a `Link` header (RFC 8288), if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = (match[2] ?? '')
      .split(';')
      .map((param) => /^\s*rel\s*=\s*"?([^"]*)"?\s*$/i.exec(param)?.[1])
      .filter((rel): rel is string => rel !== undefined);
    // rel may list several relations separated by spaces ("next last").
    if (rels.some((rel) => rel.trim().split(/\s+/).includes('next'))) return match[1];
  }
  return undefined;
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Seconds to wait before retrying, when the response says to retry at all. */
function retryDelay(response: Response, body: string, attempt: number): number | undefined {
  const backoff = Math.min(MAX_WAIT_SECONDS, 2 ** (attempt - 1));
  if (response.status >= 500) return backoff;
  if (response.status !== 403 && response.status !== 429) return undefined;
  // Secondary rate limits say so in a Retry-After header or in the message; primary ones reset at a time.
  const after = response.headers.get('retry-after');
  if (after !== null && /^\d+$/.test(after.trim())) return Math.min(MAX_WAIT_SECONDS, Number(after));
  if (/secondary rate limit/i.test(body)) return backoff;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    const wait = Number.isFinite(reset) ? reset - Math.floor(Date.now() / 1000) : backoff;
    // A reset far away is not worth waiting for inside a CI step: fail with the message instead.
    return wait <= MAX_WAIT_SECONDS ? Math.max(0, wait) : undefined;
  }
  return response.status === 429 ? backoff : undefined;
}

function githubMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string')
      return parsed.message;
  } catch {
    // Not JSON (a proxy's HTML error page): quote the start of it.
  }
  return body.replace(/\s+/g, ' ').trim();
}

/** The calls smus-gitops makes, with retries and pagination. */
export class GitHubClient {
  private readonly base: URL;
  private readonly token: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetchImpl: typeof fetch;

  constructor(options: GitHubClientOptions) {
    if (!options.token) throw new GitHubApiError('GITHUB_TOKEN is empty', undefined);
    const raw = options.apiUrl || DEFAULT_API_URL;
    try {
      this.base = new URL(raw.endsWith('/') ? raw : `${raw}/`);
    } catch (error) {
      throw new GitHubApiError(`GITHUB_API_URL is not a URL: ${raw}`, undefined, { cause: error });
    }
    this.token = options.token;
    this.sleep = options.sleep ?? sleepFor;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The token's user (fails with status 403 for GitHub App and Actions tokens). */
  async getAuthenticatedUser(): Promise<GitHubUser> {
    return (await this.request<GitHubUser>('GET', 'user')).data;
  }

  /** Every comment of an issue or pull request, oldest first, following every page. */
  listIssueComments(ref: RepoRef, issue: number): Promise<IssueComment[]> {
    return this.paginate<IssueComment>(`${repoPath(ref)}/issues/${issue}/comments?per_page=100`);
  }

  /** Adds a comment to an issue or pull request. */
  async createIssueComment(ref: RepoRef, issue: number, body: string): Promise<IssueComment> {
    return (await this.request<IssueComment>('POST', `${repoPath(ref)}/issues/${issue}/comments`, { body }))
      .data;
  }

  /** Replaces a comment's body. */
  async updateIssueComment(ref: RepoRef, commentId: number, body: string): Promise<IssueComment> {
    return (
      await this.request<IssueComment>('PATCH', `${repoPath(ref)}/issues/comments/${commentId}`, { body })
    ).data;
  }

  /**
   * Issues (open and closed) carrying a label, every page. The list endpoint rather than search:
   * search is eventually consistent and would miss an issue opened a moment ago.
   */
  listIssuesByLabel(ref: RepoRef, label: string): Promise<Issue[]> {
    const query = `labels=${encodeURIComponent(label)}&state=all&per_page=100`;
    return this.paginate<Issue>(`${repoPath(ref)}/issues?${query}`);
  }

  /** Opens an issue. */
  async createIssue(ref: RepoRef, fields: IssueFields & { title: string }): Promise<Issue> {
    return (await this.request<Issue>('POST', `${repoPath(ref)}/issues`, fields)).data;
  }

  /** Edits an issue (body, state). */
  async updateIssue(ref: RepoRef, issue: number, fields: IssueFields): Promise<Issue> {
    return (await this.request<Issue>('PATCH', `${repoPath(ref)}/issues/${issue}`, fields)).data;
  }

  private async paginate<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let url: URL | undefined = new URL(path, this.base);
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const { data, headers } = await this.request<T[]>('GET', url);
      if (!Array.isArray(data))
        throw new GitHubApiError(`GitHub API GET ${url.pathname}: expected a list`, 200);
      items.push(...data);
      const next = nextLink(headers.get('link'));
      url = next === undefined ? undefined : this.sameOrigin(next);
    }
    return items;
  }

  /** Follows a `next` link only on the API's own origin: the token must not travel anywhere else. */
  private sameOrigin(link: string): URL {
    const url = new URL(link, this.base);
    if (url.origin !== this.base.origin)
      throw new GitHubApiError(
        `GitHub API pagination link leaves ${this.base.origin}: ${url.origin}`,
        undefined,
      );
    return url;
  }

  private async request<T>(
    method: string,
    target: string | URL,
    body?: unknown,
  ): Promise<{ data: T; headers: Headers }> {
    const url = typeof target === 'string' ? new URL(target, this.base) : target;
    const what = `GitHub API ${method} ${url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'smus-gitops',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        if (attempt < MAX_ATTEMPTS) {
          await this.sleep(1000 * 2 ** (attempt - 1));
          continue;
        }
        const reason = this.redact(error instanceof Error ? error.message : String(error));
        throw new GitHubApiError(`${what} failed after ${attempt} attempts: ${reason}`, undefined, {
          cause: error,
        });
      }
      const text = await response.text();
      if (response.ok) {
        try {
          return { data: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers };
        } catch (error) {
          throw new GitHubApiError(
            `${what} answered ${response.status} with a body that is not JSON`,
            response.status,
            {
              cause: error,
            },
          );
        }
      }
      const delay = retryDelay(response, text, attempt);
      if (delay !== undefined && attempt < MAX_ATTEMPTS) {
        await this.sleep(delay * 1000);
        continue;
      }
      const message = this.redact(githubMessage(text)).slice(0, MESSAGE_LIMIT);
      const tries = attempt > 1 ? ` after ${attempt} attempts` : '';
      throw new GitHubApiError(`${what} failed with ${response.status}${tries}: ${message}`, response.status);
    }
  }

  /** A server (or proxy) that echoes the request must not put the token in our error output. */
  private redact(text: string): string {
    return text.split(this.token).join('***');
  }
}

function repoPath(ref: RepoRef): string {
  return `repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
}
