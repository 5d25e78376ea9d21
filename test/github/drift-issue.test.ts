/**
 * The drift issue's lifecycle against the fake GitHub API, scripted: drift opens it, more drift
 * updates it (never a second issue), being in sync closes it with a comment, drift again reopens
 * it, a failed run comments the failure. Also: one issue per domain, only the domain's changes in
 * its body, and nobody else's issue is touched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { DRIFT_LABEL, syncDriftIssue, type DriftOutcome } from '../../src/github/drift-issue.js';
import { driftMarker } from '../../src/github/markers.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { summarize } from '../render/arbitraries.js';
import { extractMermaid, parseMermaid } from './mermaid-grammar.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const io: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  cwd: process.cwd(),
  isTTY: false,
  interrupted: new Promise(() => undefined),
};

let gh: FakeGitHub;

function env(): Record<string, string> {
  return {
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: 'actions-token',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '7',
  };
}

function change(domain: string, name: string, action: Change['action']): Change {
  return { address: { kind: 'Project', domain, name }, action, reason: 'drifted', fields: [], dependsOn: [] };
}

function plan(changes: Change[]): Plan {
  return { formatVersion: 1, summary: summarize(changes), changes, refused: [], notes: [], fingerprint: 'f' };
}

const DRIFTED = plan([change('corp', 'hr', 'update'), change('other', 'x', 'delete')]);
const MORE_DRIFT = plan([change('corp', 'hr', 'update'), change('corp', 'ml', 'create')]);
const IN_SYNC = plan([change('corp', 'hr', 'noop')]);

async function sync(outcome: DriftOutcome, domain = 'corp'): Promise<string> {
  return syncDriftIssue(outcome, { env: env(), domain }, io);
}

function commentsOn(issue: number): string[] {
  return gh.comments.filter((c) => c.issue === issue).map((c) => c.body);
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addToken('actions-token', 'github-actions[bot]', 'app');
});
afterEach(() => gh.close());

describe('syncDriftIssue', () => {
  it('opens, updates, closes, reopens and reports a failure on one issue', async () => {
    // drift → opened
    const url = await sync({ kind: 'drift', plan: DRIFTED });
    expect(gh.issues.size).toBe(1);
    const issue = [...gh.issues.values()][0];
    if (!issue) throw new Error('no issue');
    expect(url).toBe(`https://github.example/o/r/issues/${issue.number}`);
    expect(issue).toMatchObject({
      state: 'open',
      title: 'Drift detected in domain corp',
      labels: [DRIFT_LABEL],
    });
    expect(issue.user.login).toBe('github-actions[bot]');
    expect(issue.body.startsWith(`${driftMarker('corp')}\n## smus\\-gitops drift: corp\n`)).toBe(true);
    // Only this domain's changes.
    expect(issue.body).toContain('Project/hr');
    expect(issue.body).not.toContain('Project/x');
    parseMermaid(extractMermaid(issue.body));

    // drift → updated, no second issue
    expect(await sync({ kind: 'drift', plan: MORE_DRIFT })).toBe(url);
    expect(gh.issues.size).toBe(1);
    expect(issue.body).toContain('Project/ml');
    expect(issue.state).toBe('open');

    // in sync → closed with a comment
    expect(await sync({ kind: 'in-sync', plan: IN_SYNC })).toBe(url);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(commentsOn(issue.number)).toEqual([
      'Domain corp is in sync again: live state matches the manifests. Closing.\n\n' +
        '<sub>[workflow run](https://github.com/o/r/actions/runs/7)</sub>',
    ]);

    // still in sync → nothing more
    await sync({ kind: 'in-sync', plan: IN_SYNC });
    expect(commentsOn(issue.number)).toHaveLength(1);

    // drift → reopened (the same issue)
    expect(await sync({ kind: 'drift', plan: DRIFTED })).toBe(url);
    expect(gh.issues.size).toBe(1);
    expect(issue).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(commentsOn(issue.number)[1]).toMatch(/^Drift is back in domain corp; reopened\./);

    // a failing run → a comment
    expect(await sync({ kind: 'failed', message: 'ListProjects (corp): AccessDenied\n```evil' })).toBe(url);
    const failure = commentsOn(issue.number)[2] ?? '';
    expect(failure).toContain('**The drift check for domain corp failed**');
    expect(failure).toContain('````\nListProjects (corp): AccessDenied\n```evil\n````');
    expect(issue.state).toBe('open');
    expect(gh.issues.size).toBe(1);
  });

  it('does not write an unchanged report again', async () => {
    await sync({ kind: 'drift', plan: DRIFTED });
    await sync({ kind: 'drift', plan: DRIFTED });
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('treats a run-wide drift with nothing in this domain as in sync', async () => {
    await sync({ kind: 'drift', plan: DRIFTED });
    await sync({ kind: 'drift', plan: plan([change('other', 'x', 'delete')]) });
    expect([...gh.issues.values()][0]?.state).toBe('closed');
  });

  it('keeps one issue per domain', async () => {
    await sync({ kind: 'drift', plan: DRIFTED }, 'corp');
    await sync({ kind: 'drift', plan: DRIFTED }, 'other');
    await sync({ kind: 'drift', plan: MORE_DRIFT }, 'corp');
    expect([...gh.issues.values()].map((i) => [i.title, i.body.split('\n')[0]])).toEqual([
      ['Drift detected in domain corp', '<!-- smus-gitops:drift:corp -->'],
      ['Drift detected in domain other', '<!-- smus-gitops:drift:other -->'],
    ]);
  });

  it("does not adopt someone else's issue, a pull request, or another label", async () => {
    const marked = `${driftMarker('corp')}\nnot ours`;
    const theirs = gh.addIssue('mallory', { title: 'fake', body: marked, labels: [DRIFT_LABEL] });
    const unlabelled = gh.addIssue('github-actions[bot]', { title: 'x', body: marked, labels: [] });
    await sync({ kind: 'drift', plan: DRIFTED });
    await sync({ kind: 'in-sync', plan: IN_SYNC });
    expect(theirs).toMatchObject({ state: 'open', body: marked, title: 'fake' });
    expect(unlabelled).toMatchObject({ state: 'open', body: marked });
    expect(gh.issues.size).toBe(3);
  });

  it('finds the issue among many labelled ones (pagination)', async () => {
    for (let i = 0; i < 130; i++)
      gh.addIssue('github-actions[bot]', {
        title: `d${i}`,
        body: `${driftMarker(`d${i}`)}\n`,
        labels: [DRIFT_LABEL],
      });
    await sync({ kind: 'drift', plan: DRIFTED });
    const ours = [...gh.issues.values()].find((i) => i.title === 'Drift detected in domain corp');
    // Created after the 130, so the newest: found on the first page; d0 is on page 2.
    await sync({ kind: 'drift', plan: plan([change('d0', 'p', 'create')]) }, 'd0');
    expect(gh.issues.size).toBe(131);
    expect(gh.issues.get(1)?.title).toBe('Drift detected in domain d0');
    expect(ours?.state).toBe('open');
  });

  it('opens an issue to report a failure when none exists', async () => {
    await sync({ kind: 'failed', message: 'cannot read' });
    const issue = [...gh.issues.values()][0];
    expect(issue?.title).toBe('Drift check failed for domain corp');
    expect(issue?.body.startsWith(`${driftMarker('corp')}\n**The drift check for domain corp failed**`)).toBe(
      true,
    );
    // In sync later: closed with a comment.
    await sync({ kind: 'in-sync', plan: IN_SYNC });
    expect(issue?.state).toBe('closed');
  });

  it('reports in sync without an issue by creating none', async () => {
    expect(await sync({ kind: 'in-sync', plan: IN_SYNC })).toBe('(none: domain corp is in sync)');
    expect(gh.issues.size).toBe(0);
  });
});
