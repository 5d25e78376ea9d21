/**
 * Only regular files inside the tree are read (issue 19, item 11): a device, a FIFO, a symbolic
 * link leading out of the directory given, each refused at once with a located diagnostic; a
 * link inside the tree is followed. And validation is linear in documents (item 9): 40,000 small
 * documents validate with every one counted (time is measured by scripts, never asserted here).
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOMAIN = 'manifests-example/domain/corp-data.yaml';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'smus-special-'));
  mkdirSync(join(root, 'repo/inside'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  cpSync(DOMAIN, join(root, 'repo/corp-data.yaml'));
  cpSync('manifests-example/domain/domain-units.yaml', join(root, 'outside/units.yaml'));
  cpSync('manifests-example/domain/domain-units.yaml', join(root, 'repo/inside/units.yml'));
  symlinkSync('/dev/zero', join(root, 'repo/zero.yaml'));
  symlinkSync(join(root, 'outside'), join(root, 'repo/elsewhere'));
  symlinkSync(join(root, 'repo/inside'), join(root, 'repo/linked'));
  execFileSync('mkfifo', [join(root, 'repo/fifo.yaml')]);
  return root;
}

describe('special files', () => {
  it('refuses a device link, a FIFO and an outside link, follows an inside link', async () => {
    const root = tree();
    const out = await runCli(['validate', 'repo'], { cwd: root });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe(
      [
        'repo/elsewhere:1:1  error  SG106  symbolic link leads outside repo; not followed',
        'repo/fifo.yaml:1:1  error  SG105  not a regular file (a device, FIFO or socket); not read',
        'repo/zero.yaml:1:1  error  SG106  symbolic link leads outside repo; not followed',
        // The inside folder is read once, whether reached directly or through its link.
        '4 documents in 2 files (1 Domain, 3 DomainUnit): 3 errors, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('refuses /dev/zero and a FIFO named on the command line', async () => {
    const root = tree();
    const out = await runCli(['validate', '/dev/zero', 'repo/fifo.yaml'], { cwd: root });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('/dev/zero:1:1  error  SG105  not a regular file');
    expect(out.stdout).toContain('repo/fifo.yaml:1:1  error  SG105  not a regular file');
  });

  it('validates 40,000 small documents in one file, every one counted', async () => {
    const root = mkdtempSync(join(tmpdir(), 'smus-many-'));
    const unit = (i: number) =>
      `apiVersion: smus-gitops/v1alpha1\nkind: DomainUnit\nmetadata: { name: u${i}, domain: corp-data }\nspec: {}\n`;
    const docs = Array.from({ length: 40_000 }, (_, i) => unit(i));
    writeFileSync(join(root, 'units.yaml'), docs.join('---\n'));
    cpSync(DOMAIN, join(root, 'domain.yaml'));
    const out = await runCli(['validate', '.'], { cwd: root });
    expect(out.stdout).toBe(
      '40001 documents in 2 files (1 Domain, 40000 DomainUnit): 0 errors, 0 warnings\n',
    );
    expect(out.exitCode).toBe(0);
  });
});
