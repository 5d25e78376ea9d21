/**
 * Issue 18, "Across runners": the sharded apply workflow (.github/workflows/smus-apply-sharded.yml)
 * is the apply side of smus-plan-sharded.yml. It must take the same matrix (`shards`), give each
 * shard's plan and apply the options that shard's plan job planned with, find exactly the
 * artifact and file the plan job uploaded, trust only the sharded plan workflow's runs, never
 * cancel an apply, and report every shard. Each row of the ten-account matrix golden is run
 * through both workflows' argument templates, as GitHub expands them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflow } from './lint.js';

const WORKFLOWS = '.github/workflows';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');
const load = (file: string) => parse(read(file)) as Workflow;
const applySharded = load('smus-apply-sharded.yml');
const planSharded = load('smus-plan-sharded.yml');
const applyWhole = load('smus-apply.yml');

interface Row {
  name: string;
  lines: string;
  account: string;
  region: string;
}
const matrix = JSON.parse(readFileSync('test/shards/__golden__/ten-accounts-matrix.json', 'utf8')) as {
  include: Row[];
};

/** The tool step running `command` in a job. */
function toolStep(job: Job, command: string): Step {
  const step = job.steps.find((s) => s.uses === './.smus-gitops-tool' && s.with?.['command'] === command);
  if (!step) throw new Error(`no ${command} step`);
  return step;
}

/** A tool step's args for one matrix row, as GitHub expands them: one argument per non-empty line. */
function argsFor(step: Step, row: Row, extra: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    'env.SMUS_MANIFESTS': 'manifests',
    'matrix.lines': row.lines,
    // env.SMUS_REGION is the workflow's default region (vars.SMUS_AWS_REGION or us-east-1).
    'matrix.region || env.SMUS_REGION': row.region || 'us-east-1',
    'matrix.name': row.name,
    ...extra,
  };
  const text = (step.with?.['args'] ?? '').replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in values)) throw new Error(`unexpected expression ${expr}`);
    return values[expr]!;
  });
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** The value of `--name` in an argument list. */
const option = (args: string[], name: string) => args[args.indexOf(name) + 1];

describe('smus-apply-sharded.yml', () => {
  it('follows every workflow rule', () => {
    expect(lintWorkflow(read('smus-apply-sharded.yml'), 'smus-apply-sharded.yml')).toEqual([]);
  });

  it('takes its matrix from `shards`, as the sharded plan does, and never cancels a shard', () => {
    for (const wf of [applySharded, planSharded]) {
      expect(argsFor(toolStep(wf.jobs['shards']!, 'shards'), matrix.include[0]!)).toEqual([
        'manifests',
        '--out',
        'smus-shards.json',
      ]);
      expect(wf.jobs['shards']!.outputs?.['matrix']).toBe('${{ steps.matrix.outputs.matrix }}');
    }
    const apply = applySharded.jobs['apply']!;
    expect(apply.needs).toBe('shards');
    expect(apply.strategy?.matrix).toBe(planSharded.jobs['plan']!.strategy?.matrix);
    expect(apply.strategy?.matrix).toBe('${{ fromJSON(needs.shards.outputs.matrix) }}');
    expect(apply.strategy?.['fail-fast']).toBe(false);
  });

  it("gives every shard's re-plan and apply the options its plan job planned with", () => {
    const plan = toolStep(planSharded.jobs['plan']!, 'plan');
    const apply = applySharded.jobs['apply']!;
    for (const row of matrix.include) {
      const planned = argsFor(plan, row);
      const replanned = argsFor(toolStep(apply, 'plan'), row, { 'steps.scope.outputs.arg': '' });
      const applied = argsFor(toolStep(apply, 'apply'), row);
      const shardOptions = row.lines.split('\n');
      for (const args of [planned, replanned, applied]) {
        expect(args.slice(0, 1 + shardOptions.length)).toEqual(['manifests', ...shardOptions]);
        expect(option(args, '--region')).toBe(row.region || 'us-east-1');
      }
      // The apply applies the fresh plan only, with no prompt.
      expect(option(applied, '--plan')).toBe('smus-plan.json');
      expect(option(replanned, '--out')).toBe('smus-plan.json');
      expect(applied).toContain('--auto-approve');
    }
  });

  it('finds exactly the artifact and file each shard plan job uploaded, in a run of the sharded plan', () => {
    const upload = planSharded.jobs['plan']!.steps.find((s) =>
      s.uses?.startsWith('actions/upload-artifact@'),
    );
    const row = matrix.include[3]!;
    const head = 'a'.repeat(40);
    const uploaded = upload!
      .with!['name']!.replace('${{ github.event.pull_request.head.sha }}', head)
      .replace('${{ matrix.name }}', row.name);
    const file = upload!.with!['path']!.replace('${{ matrix.name }}', row.name);
    const download = applySharded.jobs['apply']!.steps.find((s) => s.id === 'reviewed')!;
    const script = download.run!;
    expect(script).toContain('name="smus-plan-${HEAD_SHA}-${SHARD}"');
    expect(`smus-plan-${head}-${row.name}`).toBe(uploaded);
    expect(script).toContain('"smus-plan-${SHARD}.json"');
    expect(`smus-plan-${row.name}.json`).toBe(file);
    expect(download.env).toMatchObject({
      SHARD: '${{ matrix.name }}',
      HEAD_SHA: '${{ needs.shards.outputs.head }}',
      PLAN_RUN: '${{ needs.shards.outputs.run-id }}',
    });
    // The digest GitHub recorded is checked before the plan is read.
    expect(script.indexOf('sha256sum')).toBeLessThan(script.indexOf('unzip'));
    const find = applySharded.jobs['shards']!.steps.find((s) => s.id === 'reviewed')!;
    expect(find.env?.['PLAN_WORKFLOW']).toBe("${{ vars.SMUS_PLAN_WORKFLOW || 'smus-plan-sharded.yml' }}");
  });

  it("assumes each shard account's apply role, in the protected environment, and compares fingerprints first", () => {
    const apply = applySharded.jobs['apply']!;
    expect(apply.environment).toBe(applyWhole.jobs['apply']!.environment);
    const role = apply.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    expect(role.with?.['role-to-assume']).toContain(
      "format('arn:aws:iam::{0}:role/{1}', matrix.account, env.SMUS_APPLY_ROLE_NAME)",
    );
    expect(role.with?.['aws-region']).toBe('${{ matrix.region || env.SMUS_REGION }}');
    const names = apply.steps.map((s) => s.name ?? s.uses ?? '');
    expect(names.indexOf('Compare with the reviewed plan')).toBeLessThan(names.indexOf('Apply the shard'));
    expect(names.indexOf('Plan the merged commit (the shard alone)')).toBeLessThan(
      names.indexOf('Compare with the reviewed plan'),
    );
  });

  it('shares the unsharded apply concurrency group and never cancels an apply', () => {
    expect(applySharded.concurrency).toEqual(applyWhole.concurrency);
    expect(applySharded.concurrency).toMatchObject({ 'cancel-in-progress': false, queue: 'max' });
    expect(applySharded.jobs['shards']!.if).toBe(applyWhole.jobs['apply']!.if);
  });

  it('reports every shard of the matrix, also after a failed one', () => {
    const report = applySharded.jobs['report']!;
    expect(report.needs).toEqual(['shards', 'apply']);
    expect(report.if).toBe("always() && needs.shards.result == 'success'");
    expect(report.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('has shell steps bash can parse', () => {
    for (const job of Object.values(applySharded.jobs))
      for (const step of job.steps) {
        if (!step.run) continue;
        // Expressions are GitHub's, expanded before bash sees the script.
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, 'X');
        expect(() => execFileSync('bash', ['-n'], { input: script })).not.toThrow();
      }
  });
});
