/**
 * Two model-campaign steps for issue 19 (acceptance 1), kept out of model.ts: two applies of the
 * same manifests at once (no natural key may exist twice afterwards), and a change that lifts a
 * resource's `lifecycle.protect` and deletes it in one go, applied with `--protect-base` at the
 * reviewed base (the resource must survive: lifting protection and deleting are two reviews).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import type { CliRun } from '../../helpers/cli.js';
import { duplicateNaturalKeys } from '../../helpers/world.js';
import { exercised, problem, type CampaignCounts } from './counts.js';

/** What the steps need from the running sequence. */
export interface SafetyStepEnv {
  emulator: RunningEmulator;
  counts: CampaignCounts;
  seed: number;
  domain: string;
  /** The main manifests directory. */
  manifests: string;
  /** The sequence's current manifests (one file's text). */
  yaml(): string;
  /** The campaign's CLI (canary-checked), optionally run in `cwd`. */
  cli(argv: string[], cwd?: string): Promise<CliRun>;
}

/** Two applies of the same manifests at once, in-process through the campaign's CLI. */
export async function concurrentApply(env: SafetyStepEnv): Promise<void> {
  const argv = ['apply', env.manifests, '--auto-approve'];
  const runs = await Promise.all([env.cli(argv), env.cli(argv)]);
  exercised(env.counts, `concurrentApply.exit${runs.map((r) => r.exitCode).join('')}`);
  const dups = duplicateNaturalKeys(env.emulator.world);
  if (dups.length === 0) return;
  env.counts.duplicatesAfterConcurrentApply += dups.length;
  problem(env.counts, `seed ${env.seed}: two applies at once made duplicates ${dups.join(', ')}`);
}

function unitDoc(domain: string, name: string, lifecycle: string): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata:
  name: ${name}
  domain: ${domain}
lifecycle: ${lifecycle}
spec: {}
`;
}

function unitLive(emulator: RunningEmulator, name: string): boolean {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  return Object.values(dz.domainUnits ?? {}).some((u) => u.name === name);
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=model@example.invalid', '-c', 'user.name=model', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

/**
 * A base commit declares unit `guarded-<i>` with `lifecycle.protect` (and is applied); the head
 * tombstones it without the protection; apply with `--protect-base HEAD` must not delete it.
 */
export async function protectionRemoval(env: SafetyStepEnv, i: number): Promise<void> {
  const repo = mkdtempSync(join(tmpdir(), 'smus-model-base-'));
  const name = `guarded-${i}`;
  const file = join(repo, 'm', 'org.yaml');
  try {
    mkdirSync(join(repo, 'm'));
    writeFileSync(file, `${env.yaml()}${unitDoc(env.domain, name, '{ protect: true }')}`);
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    await env.cli(['apply', 'm', '--auto-approve'], repo);
    if (!unitLive(env.emulator, name)) {
      exercised(env.counts, 'protectionRemoval.notCreated');
      return;
    }
    writeFileSync(file, `${env.yaml()}${unitDoc(env.domain, name, '{ ensure: absent }')}`);
    const run = await env.cli(['apply', 'm', '--protect-base', 'HEAD', '--auto-approve'], repo);
    exercised(env.counts, `protectionRemoval.exit${run.exitCode}`);
    if (!unitLive(env.emulator, name)) {
      env.counts.protectedDeleted += 1;
      problem(
        env.counts,
        `seed ${env.seed}: ${name}, protected at the base, was deleted (exit ${run.exitCode})`,
      );
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
