/**
 * Issue 19.14: `export --out` must not write through a symbolic link planted below the output
 * directory (a folder or a file link pointing outside it): the write is refused with the link's
 * path, and nothing outside the directory changes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExport } from '../../src/export/write.js';
import { ExportError } from '../../src/export/build.js';

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'smus-export-link-'));
  const out = join(root, 'out');
  const outside = join(root, 'outside');
  mkdirSync(out);
  mkdirSync(outside);
  return { out, outside };
}

describe('export refuses to write through symbolic links', () => {
  it('refuses a planted file link and leaves its target untouched', async () => {
    const { out, outside } = dirs();
    writeFileSync(join(outside, 'victim'), 'original\n');
    symlinkSync(join(outside, 'victim'), join(out, 'domain.yaml'));
    const write = writeExport(out, [{ path: 'domain.yaml', text: 'exported\n' }]);
    await expect(write).rejects.toThrow(ExportError);
    await expect(write).rejects.toThrow(
      `${join(out, 'domain.yaml')}: is a symbolic link; refusing to write through it`,
    );
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('original\n');
  });

  it('refuses a planted folder link (per-resource layout) and writes nothing outside', async () => {
    const { out, outside } = dirs();
    symlinkSync(outside, join(out, 'projects'));
    const write = writeExport(out, [{ path: 'projects/a.yaml', text: 'exported\n' }]);
    await expect(write).rejects.toThrow(`${join(out, 'projects')}: is a symbolic link`);
    expect(existsSync(join(outside, 'a.yaml'))).toBe(false);
  });

  it('refuses a dangling link (which a plain open would create outside)', async () => {
    const { out, outside } = dirs();
    symlinkSync(join(outside, 'new'), join(out, 'domain.yaml'));
    await expect(writeExport(out, [{ path: 'domain.yaml', text: 'x\n' }])).rejects.toThrow(ExportError);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it('still writes and replaces regular files, creating folders', async () => {
    const { out } = dirs();
    writeFileSync(join(out, 'domain.yaml'), 'old\n');
    await writeExport(out, [
      { path: 'domain.yaml', text: 'new\n' },
      { path: 'projects/a.yaml', text: 'a\n' },
    ]);
    expect(readFileSync(join(out, 'domain.yaml'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(out, 'projects/a.yaml'), 'utf8')).toBe('a\n');
  });
});
