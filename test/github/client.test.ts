/**
 * The GitHub client against the fake API over HTTP: standard headers, pagination through Link
 * headers (and never off the API's origin), bounded retries on 5xx and secondary rate limits,
 * and error messages that name the call but never the token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApiError, GitHubClient, nextLink } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const REPO = { owner: 'o', repo: 'r' };
const TOKEN = 'ghp_secret_token_value';

let gh: FakeGitHub;
let sleeps: number[];
let client: GitHubClient;

beforeEach(async () => {
  gh = await startFakeGitHub({ prefix: '/api/v3' });
  gh.addToken(TOKEN, 'alice');
  sleeps = [];
  client = new GitHubClient({ token: TOKEN, apiUrl: gh.url, sleep: async (ms) => void sleeps.push(ms) });
});
afterEach(() => gh.close());

describe('nextLink', () => {
  it.each([
    ['<https://a/x?page=2>; rel="next", <https://a/x?page=5>; rel="last"', 'https://a/x?page=2'],
    ['<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel=next', 'https://a/x?page=3'],
    ['<https://a/x?page=4>; rel="next last"', 'https://a/x?page=4'],
    ['<https://a/x?page=1>; rel="first"', undefined],
    ['', undefined],
  ])('%s → %s', (header, next) => {
    expect(nextLink(header)).toBe(next);
  });
});

describe('GitHubClient', () => {
  it('sends the bearer token, the JSON media type and the API version, under a GHES path prefix', async () => {
    expect((await client.getAuthenticatedUser()).login).toBe('alice');
    expect(gh.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/v3/user',
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      apiVersion: '2022-11-28',
    });
  });

  it('follows every page of comments', async () => {
    const pr = gh.addPullRequest();
    for (let i = 0; i < 250; i++) gh.addComment(pr, 'bob', `c${i}`);
    const comments = await client.listIssueComments(REPO, pr);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i}`));
    expect(gh.requests.filter((r) => r.path.includes('/comments')).length).toBe(3);
  });

  it('retries a 502 and a secondary rate limit, then succeeds', async () => {
    gh.failNext(
      { status: 502, body: { message: 'Bad Gateway' } },
      {
        status: 403,
        headers: { 'retry-after': '7' },
        body: { message: 'You have exceeded a secondary rate limit' },
      },
    );
    expect((await client.getAuthenticatedUser()).login).toBe('alice');
    expect(sleeps).toEqual([1000, 7000]);
  });

  it('gives up after a bounded number of attempts with a clear message and no token', async () => {
    gh.failNext(
      ...Array.from({ length: 10 }, () => ({ status: 503, body: { message: `down; token ${TOKEN}` } })),
    );
    const error = await client.getAuthenticatedUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(503);
    expect((error as Error).message).toBe(
      'GitHub API GET /api/v3/user failed with 503 after 4 attempts: down; token ***',
    );
    expect(gh.requests.length).toBe(4);
  });

  it('does not retry a client error', async () => {
    const error = await client.updateIssueComment(REPO, 424242, 'x').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'GitHub API PATCH /api/v3/repos/o/r/issues/comments/424242 failed with 404: Not Found',
    );
    expect(gh.requests.length).toBe(1);
  });

  it('reports bad credentials without the token', async () => {
    const other = new GitHubClient({ token: 'wrong-token', apiUrl: gh.url, sleep: async () => undefined });
    const error = (await other.getAuthenticatedUser().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('GitHub API GET /api/v3/user failed with 401: Bad credentials');
    expect(error.message).not.toContain('wrong-token');
  });

  it('retries a connection failure, then reports it without the token', async () => {
    const dead = new GitHubClient({
      token: TOKEN,
      apiUrl: 'http://127.0.0.1:1',
      sleep: async (ms) => void sleeps.push(ms),
    });
    const error = (await dead.getAuthenticatedUser().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^GitHub API GET \/user failed after 4 attempts: /);
    expect(error.message).not.toContain(TOKEN);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('refuses a pagination link to another origin (the token would go there)', async () => {
    const evil = new GitHubClient({
      token: TOKEN,
      apiUrl: 'https://api.github.example',
      fetch: async () =>
        new Response('[]', {
          status: 200,
          headers: { link: '<https://evil.example/steal?page=2>; rel="next"' },
        }),
    });
    await expect(evil.listIssueComments(REPO, 1)).rejects.toThrow(
      'GitHub API pagination link leaves https://api.github.example: https://evil.example',
    );
  });
});
