/**
 * Issue 17, acceptance 3: the GitHub flows with a GitHub App token (`GET /user` → 403, comments
 * written as `smus-bot[bot]`), against the emulator and the fake GitHub API. Three plans make one
 * comment, edited in place, carrying the commit SHA and the run link; a failed plan replaces it;
 * drift opens one issue per domain, Studio domains included, and no more on later runs; a drift
 * run that fails before knowing its domains says so on an issue of its own; a missing
 * GITHUB_REPOSITORY is a configuration error, not an internal one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftMarker, planMarker } from '../../src/github/markers.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, INSTANT_DURATIONS, startTestEmulator } from '../helpers/emulator.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const FAST = { behaviour: { durations: INSTANT_DURATIONS } };
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const RUN = 'https://github.example/o/r/actions/runs/4242';
const PROVENANCE = `<sub>Commit \`${HEAD}\` · [workflow run](${RUN})</sub>`;

let gh: FakeGitHub;
let env: Record<string, string>;
let pr: number;
const dir = mkdtempSync(join(tmpdir(), 'smus-gh-app-'));

beforeAll(async () => {
  gh = await startFakeGitHub();
  gh.addToken('app-token', 'smus-bot[bot]', 'app');
  pr = gh.addPullRequest();
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ number: pr, pull_request: { number: pr, head: { sha: HEAD } } }));
  env = {
    AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
    GITHUB_API_URL: gh.url,
    GITHUB_TOKEN: 'app-token',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_EVENT_PATH: event,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98',
  };
});
afterAll(() => gh.close());

describe('a GitHub App token', () => {
  it('keeps one plan comment with SHA and run link, and a failed plan replaces it', async () => {
    const emu = await startTestEmulator(FAST);
    try {
      const argv = ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--github-comment'];
      for (const paths of [['manifests-example'], ['manifests-example/domain'], ['manifests-example']]) {
        const run = await runCli(['plan', ...paths, ...argv.slice(2)], { env });
        expect(run.exitCode).toBe(0);
      }
      expect(gh.comments).toHaveLength(1);
      const comment = gh.comments[0]!;
      expect(comment.user).toEqual({ login: 'smus-bot[bot]', type: 'Bot' });
      expect(comment.edits).toBe(2);
      expect(comment.body.startsWith(`${planMarker()}\n`)).toBe(true);
      expect(comment.body.endsWith(`\n${PROVENANCE}\n`)).toBe(true);
      expect(comment.body).toContain('| Create | 53 |');

      // Bad manifests: the plan fails, and the comment no longer shows the old plan.
      writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: smus-gitops/v1\nkind: Domain\nmetadata: {}\n');
      const failed = await runCli(['plan', join(dir, 'bad.yaml'), ...argv.slice(2)], { env });
      expect(failed.exitCode).toBe(1);
      expect(failed.stderr).toContain(
        `smus-gitops: plan comment https://github.example/o/r/issues/${pr}#issuecomment-${comment.id} (the plan failed)\n`,
      );
      expect(gh.comments).toHaveLength(1);
      expect(comment.edits).toBe(3);
      expect(comment.body).toContain('**The plan failed**');
      expect(comment.body).not.toContain('| Create |');
      expect(comment.body.endsWith(`\n${PROVENANCE}\n`)).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('opens one drift issue per domain, Studio domains included, and no more on later runs', async () => {
    const emu = await startTestEmulator(FAST);
    try {
      const argv = ['drift', 'manifests-example', '--endpoint-url', emu.endpoint, '--github-issue'];
      for (let i = 0; i < 3; i++) expect((await runCli(argv, { env })).exitCode).toBe(2);
      const issues = [...gh.issues.values()].filter((i) => !i.isPullRequest);
      expect(issues.map((i) => i.title).sort()).toEqual([
        'Drift detected in Studio domain finance-studio',
        'Drift detected in Studio domain sustainability-research',
        'Drift detected in domain corp-data',
      ]);
      expect(issues.every((i) => i.user.login === 'smus-bot[bot]' && i.state === 'open')).toBe(true);
      const studio = issues.find((i) => i.title.endsWith('finance-studio'))!;
      expect(studio.body.startsWith(`${driftMarker('studio:finance-studio')}\n`)).toBe(true);
      expect(studio.body).toContain('StudioDomain/finance-studio');
      expect(studio.body).not.toContain('Project/');
      expect(studio.body.endsWith(`\n${PROVENANCE}\n`)).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('reports a drift run that failed before knowing its domains on an issue of its own', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'kind: [\n');
    const run = await runCli(['drift', join(dir, 'broken.yaml'), '--github-issue'], { env });
    expect(run.exitCode).toBe(1);
    const failed = [...gh.issues.values()].filter((i) => i.title === 'Drift check failed for the drift run');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.body).toContain('**The drift check for the drift run failed**');
    expect(failed[0]!.body.startsWith(`${driftMarker('run:run')}\n`)).toBe(true);
  });

  it('says plainly that GITHUB_REPOSITORY is missing', async () => {
    const emu = await startTestEmulator(FAST);
    try {
      const { GITHUB_REPOSITORY: _, ...rest } = env;
      const run = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--github-comment'],
        { env: rest },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('smus-gitops: cannot report on GitHub: GITHUB_REPOSITORY is not set');
      expect(run.stderr).not.toContain('internal error');
    } finally {
      await emu.close();
    }
  });
});
