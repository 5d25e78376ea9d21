/**
 * The GitHub integration wired into the CLI, against the emulator and the fake GitHub API:
 * `plan --github-comment` creates the pull request comment, then edits it for another plan (and
 * appends the job summary); the drift run's `--github-issue` body opens the domain's issue, then closes it once
 * live state matches.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runDrift } from '../../src/cli/run/drift-run.js';
import { planMarker } from '../../src/github/markers.js';
import { applyManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import {
  emulatorTiming,
  HOME_CREDENTIALS,
  INSTANT_DURATIONS,
  startTestEmulator,
} from '../helpers/emulator.js';
import { extractMermaid, parseMermaid } from './mermaid-grammar.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const FAST = {
  behaviour: {
    durations: INSTANT_DURATIONS,
  },
};

let gh: FakeGitHub;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'smus-gh-cli-'));

beforeAll(async () => {
  gh = await startFakeGitHub();
  gh.addToken('t', 'github-actions[bot]', 'app');
  const pr = gh.addPullRequest();
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: pr, pull_request: { number: pr } }));
  env = {
    AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: 't',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_EVENT_PATH: event,
  };
});
afterAll(() => gh.close());

describe('plan --github-comment', () => {
  it('creates the plan comment, then edits it, and writes the job summary', async () => {
    const emu = await startTestEmulator(FAST);
    try {
      const summary = join(dir, 'summary.md');
      const argv = ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--github-comment'];
      const first = await runCli(argv, { env: { ...env, GITHUB_STEP_SUMMARY: summary } });
      expect(first.exitCode).toBe(0);
      expect(gh.comments).toHaveLength(1);
      const comment = gh.comments[0];
      expect(first.stderr).toBe(
        `smus-gitops: plan comment https://github.example/o/r/issues/1#issuecomment-${comment?.id}\n`,
      );
      expect(comment?.body.startsWith(`${planMarker()}\n## smus\\-gitops plan\n\n| Action | Count |`)).toBe(
        true,
      );
      expect(comment?.body).toContain('| Create | 53 |');
      expect(parseMermaid(extractMermaid(comment?.body ?? '')).nodes.size).toBe(51); // 50 drawn (the cap) and the "… not drawn" node
      expect(readFileSync(summary, 'utf8')).toContain('| Create | 53 |');

      // A different plan (a subset of the manifests) edits the same comment.
      const second = await runCli(['plan', 'manifests-example/domain', ...argv.slice(2)], { env });
      expect(second.exitCode).toBe(0);
      expect(gh.comments).toHaveLength(1);
      expect(comment?.edits).toBe(1);
      expect(comment?.body).not.toContain('| Create | 53 |');
      expect(parseMermaid(extractMermaid(comment?.body ?? '')).nodes.size).toBeLessThan(50);
    } finally {
      await emu.close();
    }
  });

  it('fails with a clear message when GitHub refuses, after printing the plan', async () => {
    const emu = await startTestEmulator(FAST);
    try {
      const run = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--github-comment'],
        {
          env: { ...env, GITHUB_TOKEN: 'revoked' },
        },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('Plan:');
      expect(run.stderr).toContain('GitHub API GET /user failed with 401: Bad credentials');
      expect(run.stderr).not.toContain('revoked');
    } finally {
      await emu.close();
    }
  });
});

describe('drift --github-issue (the drift run)', () => {
  it('opens the domain issue on drift and closes it once in sync', async () => {
    const emu = await startTestEmulator(FAST);
    let stderr = '';
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      env: { ...env, GITHUB_STEP_SUMMARY: join(dir, 'drift-summary.md') },
      cwd: process.cwd(),
      isTTY: false,
      interrupted: new Promise(() => undefined),
      // Pacing and polls on the emulator's clock, as runCli's in this file (issue 18).
      timing: emulatorTiming(emu.emulator),
    };
    const globals = {
      endpointUrl: emu.endpoint,
      logLevel: 'silent',
      logFormat: 'json' as const,
      color: false,
    };
    try {
      expect(await runDrift(['manifests-example'], { format: 'text', githubIssue: true }, globals, io)).toBe(
        2,
      );
      const issue = [...gh.issues.values()].find((i) => i.title === 'Drift detected in domain corp-data');
      expect(issue?.state).toBe('open');
      expect(stderr).toContain(
        `smus-gitops: drift issue https://github.example/o/r/issues/${issue?.number}\n`,
      );

      await applyManifests({ paths: ['manifests-example'] }, emu.endpoint);
      expect(await runDrift(['manifests-example'], { format: 'text', githubIssue: true }, globals, io)).toBe(
        0,
      );
      expect(issue?.state).toBe('closed');
      expect(gh.comments.filter((c) => c.issue === issue?.number)).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });
});
