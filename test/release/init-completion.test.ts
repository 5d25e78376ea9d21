/**
 * `smus-gitops init` scaffolds a repository whose manifests validate and whose workflows carry no
 * defaults of this repository (no manifests-example, the tool pinned to a release), and keeps
 * existing files; `completion bash|zsh` prints scripts that know every command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('init', () => {
  it('writes manifests that validate and workflows with copy-safe defaults, keeping existing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smus-init-'));
    mkdirSync(join(dir, 'repo', '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, 'repo', '.github', 'workflows', 'smus-drift.yml'), 'mine\n');
    const run = await runCli(['init', 'repo'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`created ${join('repo', 'manifests', 'domain.yaml')}\n`);
    expect(run.stdout).toContain(`kept ${join('repo', '.github', 'workflows', 'smus-drift.yml')} (exists)\n`);
    expect(readFileSync(join(dir, 'repo', '.github', 'workflows', 'smus-drift.yml'), 'utf8')).toBe('mine\n');
    const domain = readFileSync(join(dir, 'repo', 'manifests', 'domain.yaml'), 'utf8');
    expect(domain).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/smus-gitops@[^/]+\/schemas\/domain\.schema\.json\n/,
    );
    for (const w of ['smus-plan.yml', 'smus-apply.yml']) {
      const text = readFileSync(join(dir, 'repo', '.github', 'workflows', w), 'utf8');
      expect(text).not.toContain('manifests-example');
      expect(text).not.toMatch(/SMUS_TOOL_REPOSITORY \|\| github\.repository/);
    }
    const validate = await runCli(['validate', join(dir, 'repo', 'manifests')]);
    expect(validate.stdout).toContain('1 document in 1 file (1 Domain): 0 errors, 0 warnings');
    expect(validate.exitCode).toBe(0);
  });
});

describe('completion', () => {
  it('prints a bash script that parses and completes every command', async () => {
    const run = await runCli(['completion', 'bash']);
    expect(run.exitCode).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: run.stdout }).status).toBe(0);
    for (const command of ['validate', 'plan', 'apply', 'drift', 'export', 'iam-policy', 'init'])
      expect(run.stdout).toContain(` ${command}`);
    expect(run.stdout).toContain('plan) opts="--out --format --detailed-exitcode');
    expect(run.stdout).toContain('complete -o filenames -F _smus_gitops smus-gitops');
  });

  it('prints a zsh script through bashcompinit, and refuses other shells', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef smus-gitops\n')).toBe(true);
    expect(zsh.stdout).toContain('bashcompinit');
    const fish = await runCli(['completion', 'fish']);
    expect(fish.exitCode).toBe(1);
    expect(fish.stderr).toBe("smus-gitops: completion: unknown shell 'fish' (bash or zsh)\n");
  });
});
