/**
 * Acceptance (6): every workflow file of the repository (and the composite action) passes the
 * workflow rules, and each rule does catch the violation it is for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintAction, lintWorkflow } from './lint.js';

const WORKFLOWS = '.github/workflows';
const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const AWS = 'aws-actions/configure-aws-credentials@b47578312673ae6fa5b5096b330d9fbac3d116df';

describe('workflow files', () => {
  it('include the project CI and the three smus workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining(['ci.yml', 'smus-apply.yml', 'smus-drift.yml', 'smus-plan.yml']),
    );
  });

  it.each(files)('%s follows every rule', (file) => {
    expect(lintWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8'), file)).toEqual([]);
  });

  it('action.yml pins every action it uses', () => {
    expect(lintAction(readFileSync('action.yml', 'utf8'), 'action.yml')).toEqual([]);
  });

  it('the apply workflow never cancels an apply, and the plan job excludes forks', () => {
    const apply = parse(readFileSync(join(WORKFLOWS, 'smus-apply.yml'), 'utf8')) as {
      concurrency: Record<string, unknown>;
    };
    expect(apply.concurrency).toMatchObject({ 'cancel-in-progress': false, queue: 'max' });
    const plan = parse(readFileSync(join(WORKFLOWS, 'smus-plan.yml'), 'utf8')) as {
      jobs: { plan: { if: string } };
    };
    expect(plan.jobs.plan.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });
});

/** A one-job workflow with the given pieces (YAML text). */
function workflow(parts: { on?: string; permissions?: string; job?: string; steps: string }): string {
  return [
    `on: ${parts.on ?? 'pull_request'}`,
    parts.permissions ?? 'permissions:\n  contents: read',
    'jobs:',
    '  one:',
    '    runs-on: ubuntu-latest',
    ...(parts.job ? [parts.job] : []),
    '    steps:',
    parts.steps,
  ].join('\n');
}

describe('workflow rules catch', () => {
  const ok = `      - uses: ${CHECKOUT}`;

  it('a well-formed workflow: nothing', () => {
    expect(lintWorkflow(workflow({ steps: ok }), 'w.yml')).toEqual([]);
  });

  it.each([
    ['a tag', 'actions/checkout@v4'],
    ['a branch', 'actions/checkout@main'],
    ['a short SHA', 'actions/checkout@11bd719'],
    ['no ref at all', 'actions/checkout'],
    ['a docker tag', 'docker://alpine:3'],
  ])('an action pinned to %s', (_what, uses) => {
    const problems = lintWorkflow(workflow({ steps: `      - uses: ${uses}` }), 'w.yml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(uses);
  });

  it('an unpinned reusable workflow call', () => {
    const text =
      'on: push\npermissions: {}\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@main\n';
    expect(lintWorkflow(text, 'w.yml')).toEqual([
      'w.yml: job call: org/repo/.github/workflows/x.yml@main is not pinned to a full 40-character commit SHA',
    ]);
  });

  it.each([
    'pull_request_target',
    '[push, pull_request_target]',
    '\n  pull_request_target:\n    types: [opened]',
  ])('pull_request_target (on: %s)', (on) => {
    expect(lintWorkflow(workflow({ on, steps: ok }), 'w.yml').join('\n')).toContain('pull_request_target');
  });

  it('missing permissions (neither workflow nor job)', () => {
    expect(lintWorkflow(workflow({ permissions: '', steps: ok }), 'w.yml')).toEqual([
      'w.yml: job one: no permissions (set them on the workflow or on every job)',
    ]);
  });

  it('permissions on every job instead of the workflow: accepted', () => {
    const text = workflow({ permissions: '', job: '    permissions:\n      contents: read', steps: ok });
    expect(lintWorkflow(text, 'w.yml')).toEqual([]);
  });

  it.each(['write-all', 'read-all'])('broad permissions: %s', (value) => {
    expect(lintWorkflow(workflow({ permissions: `permissions: ${value}`, steps: ok }), 'w.yml')).toHaveLength(
      1,
    );
    const onJob = workflow({ job: `    permissions: ${value}`, steps: ok });
    expect(lintWorkflow(onJob, 'w.yml')).toHaveLength(1);
  });

  it('write access granted at the workflow level', () => {
    const text = workflow({ permissions: 'permissions:\n  contents: write', steps: ok });
    expect(lintWorkflow(text, 'w.yml').join('\n')).toContain('contents: write at the workflow level');
  });

  it('id-token: write on a job that assumes no role', () => {
    const job = '    permissions:\n      contents: read\n      id-token: write';
    expect(lintWorkflow(workflow({ job, steps: ok }), 'w.yml')).toEqual([
      'w.yml: job one: id-token: write without a configure-aws-credentials step (it assumes no role)',
    ]);
    const withRole = `${ok}\n      - uses: ${AWS}\n        with:\n          role-to-assume: arn:aws:iam::111122223333:role/Plan`;
    expect(lintWorkflow(workflow({ job, steps: withRole }), 'w.yml')).toEqual([]);
  });

  it('id-token: write inherited from the workflow level by a job without a role', () => {
    const text = workflow({ permissions: 'permissions:\n  contents: read\n  id-token: write', steps: ok });
    expect(lintWorkflow(text, 'w.yml').join('\n')).toContain(
      'id-token: write without a configure-aws-credentials',
    );
  });

  it('an unpinned action inside a composite action', () => {
    const action = 'name: a\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n';
    expect(lintAction(action, 'action.yml')).toEqual([
      'action.yml: actions/setup-node@v4 is not pinned to a full 40-character commit SHA',
    ]);
  });
});
