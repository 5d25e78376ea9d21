/**
 * Issue 17, acceptance 1: the packed tarball installs into an empty folder with runtime
 * dependencies only, and `smus-gitops plan --local` runs the example from that install alone.
 *
 * It installs from the npm registry (or the local npm cache, `--prefer-offline`), which takes
 * tens of seconds, so it runs only with SMUS_PACK=1 (`npm run test:pack`), not in the default
 * suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'smus-gitops-pack-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

describe.runIf(process.env['SMUS_PACK'] === '1')('the packed tarball', () => {
  // `--ignore-scripts`: prepack's clean rebuild would delete dist/ under other test files running
  // at the same time; `npm run test:pack` runs prepack (clean dist/, build) before the tests.
  let tarball = '';
  let files: string[] = [];
  beforeAll(() => {
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as PackResult[];
    tarball = join(work, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
  });

  it('ships the CLI, schemas, LICENSE and CHANGELOG, and no source maps or sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/smus-gitops.js',
        'dist/cli/main.js',
        'schemas/manifest.schema.json',
        'LICENSE',
        'CHANGELOG.md',
        'package.json',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/'))).toEqual(
      [],
    );
  });

  it('installs into an empty folder without devDependencies and plans the example locally', () => {
    const app = join(work, 'app');
    const install = spawnSync(
      npm,
      ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', app, tarball],
      { encoding: 'utf8' },
    );
    expect(install.stderr).not.toMatch(/prepare/);
    expect(install.status).toBe(0);
    const modules = join(app, 'node_modules');
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(modules, dep))).toBe(true);
    const dev = Object.keys(pkg.devDependencies).filter((d) => existsSync(join(modules, d)));
    expect(dev).toEqual([]);

    const manifests = join(work, 'manifests');
    cpSync(join(root, 'manifests-example'), manifests, { recursive: true });
    const plan = spawnSync(
      join(modules, '.bin', 'smus-gitops'),
      ['plan', manifests, '--local', '--detailed-exitcode'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(plan.stderr).toBe('');
    // An empty emulator: the example is all creates, so --detailed-exitcode says "changes".
    expect(plan.status).toBe(2);
    expect(plan.stdout).toMatch(/Plan: \d+ to create, 0 to update, 0 to replace, 0 to delete/);
    // An install from the registry on a loaded machine outlasts the default 30 s: a limit, not a target.
  }, 300_000);
});
