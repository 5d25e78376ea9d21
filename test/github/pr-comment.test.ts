/**
 * The sticky plan comment against the fake GitHub API: the first run creates one comment, later
 * runs edit it; it is found on page 2 behind 150 other comments; other users' comments (even with
 * our marker) are never edited; Actions tokens are recognised as github-actions[bot]; one comment
 * per --domain key; clear errors for a missing pull request or repository.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { GitHubClient } from '../../src/github/client.js';
import { planMarker } from '../../src/github/markers.js';
import { upsertPlanComment } from '../../src/github/pr-comment.js';
import { bulkPlan } from '../render/arbitraries.js';
import { EMPTY_PLAN, FULL_PLAN } from '../render/plans.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const dir = mkdtempSync(join(tmpdir(), 'smus-gh-'));
const io: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  cwd: dir,
  isTTY: false,
  interrupted: new Promise(() => undefined),
};

let gh: FakeGitHub;
let pr: number;

function eventFile(payload: unknown): string {
  const path = join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

function env(token = 'alice-token', extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: token,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_EVENT_PATH: eventFile({ pull_request: { number: pr } }),
    ...extra,
  };
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addToken('alice-token', 'alice');
  gh.addToken('actions-token', 'github-actions[bot]', 'app');
  pr = gh.addPullRequest();
});
afterEach(() => gh.close());

describe('upsertPlanComment', () => {
  it('creates one comment on the first run and edits it on later runs', async () => {
    const first = await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    expect(gh.comments).toHaveLength(1);
    expect(first).toBe(`https://github.example/o/r/issues/${pr}#issuecomment-${gh.comments[0]?.id}`);
    expect(
      gh.comments[0]?.body.startsWith(`${planMarker()}\n## smus\\-gitops plan\n\n| Action | Count |`),
    ).toBe(true);
    const second = await upsertPlanComment(EMPTY_PLAN, { env: env() }, io);
    expect(second).toBe(first);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.edits).toBe(1);
    expect(gh.comments[0]?.body).toContain('**No changes.**');
  });

  it('does not write an unchanged plan again', async () => {
    await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.edits).toBe(0);
  });

  it('finds its comment on page 2 behind 150 earlier comments', async () => {
    for (let i = 0; i < 120; i++) gh.addComment(pr, `user${i % 7}`, `comment ${i}`);
    const ours = gh.addComment(pr, 'alice', `${planMarker()}\nold plan`);
    for (let i = 120; i < 150; i++) gh.addComment(pr, `user${i % 7}`, `comment ${i}`);
    await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    expect(gh.comments).toHaveLength(151);
    expect(ours.edits).toBe(1);
    expect(ours.body).toContain('| Action | Count |');
    const pages = gh.requests.filter((r) => r.path.includes(`/issues/${pr}/comments`) && r.method === 'GET');
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual([null, '2']);
  });

  it("never edits another user's comment, even one carrying our marker", async () => {
    const theirs = gh.addComment(pr, 'mallory', `${planMarker()}\nsomeone else's text`);
    const quoted = gh.addComment(pr, 'bob', `> ${planMarker()}\nlooks good`);
    await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    await upsertPlanComment(EMPTY_PLAN, { env: env() }, io);
    expect(theirs).toMatchObject({ edits: 0, body: `${planMarker()}\nsomeone else's text` });
    expect(quoted.edits).toBe(0);
    const ours = gh.comments.filter((c) => c.user.login === 'alice');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.edits).toBe(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      `/repos/o/r/issues/comments/${ours[0]?.id}`,
    ]);
  });

  it('writes as github-actions[bot] with an Actions token, and finds that comment again', async () => {
    const alices = gh.addComment(pr, 'alice', `${planMarker()}\nalice's plan`);
    await upsertPlanComment(FULL_PLAN, { env: env('actions-token') }, io);
    await upsertPlanComment(EMPTY_PLAN, { env: env('actions-token') }, io);
    const bots = gh.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(bots).toHaveLength(1);
    expect(bots[0]?.edits).toBe(1);
    expect(alices.edits).toBe(0);
  });

  it('keeps one comment per --domain key, apart from the repository-wide one', async () => {
    await upsertPlanComment(FULL_PLAN, { env: env(), key: 'corp-data' }, io);
    await upsertPlanComment(FULL_PLAN, { env: env(), key: 'corp-data-eu' }, io);
    await upsertPlanComment(FULL_PLAN, { env: env() }, io);
    await upsertPlanComment(EMPTY_PLAN, { env: env(), key: 'corp-data' }, io);
    expect(gh.comments.map((c) => [c.body.split('\n')[0], c.edits])).toEqual([
      ['<!-- smus-gitops:plan:corp-data -->', 1],
      ['<!-- smus-gitops:plan:corp-data-eu -->', 0],
      ['<!-- smus-gitops:plan -->', 0],
    ]);
    expect(gh.comments[0]?.body).toContain('## smus\\-gitops plan: corp\\-data');
  });

  it('reads the pull request number from `number` and from issue_comment events', async () => {
    const other = gh.addPullRequest();
    await upsertPlanComment(
      FULL_PLAN,
      { env: { ...env(), GITHUB_EVENT_PATH: eventFile({ number: other }) } },
      io,
    );
    const third = gh.addPullRequest();
    const issueEvent = eventFile({ issue: { number: third, pull_request: {} } });
    await upsertPlanComment(FULL_PLAN, { env: { ...env(), GITHUB_EVENT_PATH: issueEvent } }, io);
    expect(gh.comments.map((c) => c.issue)).toEqual([other, third]);
  });

  it('links the truncation notice to the workflow run', async () => {
    const plan = bulkPlan(2_000, (i) => `description ${i} ${'lorem ipsum '.repeat(10)}`);
    const runEnv = env('alice-token', { GITHUB_RUN_ID: '99', GITHUB_SERVER_URL: 'https://github.example' });
    await upsertPlanComment(plan, { env: runEnv }, io);
    expect(gh.comments[0]?.body).toContain(
      'See [the full plan](https://github.example/o/r/actions/runs/99).',
    );
  });

  it('explains what is missing instead of calling GitHub', async () => {
    await expect(
      upsertPlanComment(FULL_PLAN, { env: { ...env(), GITHUB_EVENT_PATH: eventFile({ ref: 'main' }) } }, io),
    ).rejects.toThrow(
      'the event at GITHUB_EVENT_PATH is not a pull request event (no pull_request.number or number)',
    );
    await expect(
      upsertPlanComment(FULL_PLAN, { env: { ...env(), GITHUB_REPOSITORY: 'nope' } }, io),
    ).rejects.toThrow('GITHUB_REPOSITORY must be "owner/name" (got "nope")');
    const { GITHUB_TOKEN: _, ...noToken } = env();
    await expect(upsertPlanComment(FULL_PLAN, { env: noToken }, io)).rejects.toThrow(
      'GITHUB_TOKEN is not set',
    );
    await expect(
      upsertPlanComment(FULL_PLAN, { env: { ...env(), GITHUB_EVENT_PATH: '' } }, io),
    ).rejects.toThrow('GITHUB_EVENT_PATH is not set');
    expect(gh.requests).toHaveLength(0);
  });

  it('uses an injected client (retries without waiting)', async () => {
    gh.failNext({ status: 500 });
    const client = new GitHubClient({ token: 'alice-token', apiUrl: gh.url, sleep: async () => undefined });
    await upsertPlanComment(FULL_PLAN, { env: env(), client }, io);
    expect(gh.comments).toHaveLength(1);
  });
});
