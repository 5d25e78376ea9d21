/**
 * The loader's effects: finding manifest files under the given paths and reading them with the
 * size limit checked before any byte is read. Everything after reading is pure (parse.ts).
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LOAD_LIMITS } from './limits.js';

/** Paths of manifest files found (sorted, deduplicated) and the problems met. */
export interface Discovery {
  files: string[];
  diagnostics: Diagnostic[];
}

const MANIFEST_EXTENSION = /\.ya?ml$/i;
// Folders that never hold manifests and can be huge.
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.smus-gitops']);

function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/** True when `path` is `root` or inside it (both real paths). */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * Walks a directory for manifests. Only regular files are taken; a symbolic link is followed only
 * when its real target lies inside the directory given on the command line (a committed link to
 * /dev/zero or to a folder outside the repository is reported, never read).
 */
interface Walk {
  root: string;
  out: string[];
  problems: Diagnostic[];
  seen: Set<string>;
  display: (absolute: string) => string;
}

async function walk(w: Walk, dir: string): Promise<void> {
  const { root, out, seen } = w;
  const refuse = (code: 'SG105' | 'SG106', path: string, message: string) =>
    w.problems.push(
      diagnostic(code, 'error', message, { file: w.display(path), start: { line: 1, col: 1 } }),
    );
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(w, path);
    } else if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      const info = target ? await stat(target).catch(() => undefined) : undefined;
      const wanted = info?.isDirectory() || MANIFEST_EXTENSION.test(entry.name);
      if (!wanted) continue;
      if (!target || !info || !inside(root, target)) {
        refuse('SG106', path, `symbolic link leads outside ${w.display(root)}; not followed`);
      } else if (info.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(w, path);
      } else out.push(path);
    } else if (MANIFEST_EXTENSION.test(entry.name)) {
      if (entry.isFile()) out.push(path);
      else refuse('SG105', path, 'not a regular file (a device, FIFO or socket); not read');
    }
  }
}

/** Finds `*.yaml`/`*.yml` files recursively under each path (a file path is taken as given). */
export async function discoverManifestFiles(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) {
        const root = await realpath(absolute);
        const display = (p: string) => displayPath(cwd, p);
        await walk({ root, out: found, problems: diagnostics, seen: new Set(), display }, absolute);
      } else found.push(absolute);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error);
      diagnostics.push(diagnostic('SG100', 'error', `cannot read ${path}: ${reason}`));
    }
  }
  const files = [...new Set(found.map((f) => displayPath(cwd, f)))].sort();
  if (files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(
      diagnostic('SG104', 'error', `no *.yaml or *.yml files under ${paths.join(', ') || '.'}`),
    );
  }
  return { files, diagnostics };
}

/**
 * Reads one file's bytes, refusing what is not a regular file (a device such as /dev/zero never
 * ends; a FIFO blocks) and files over the size limit, before any byte is read: the file is opened
 * without blocking and judged on its own descriptor, so it cannot be swapped in between.
 */
export async function readManifestBytes(
  file: string,
  cwd: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic }> {
  const absolute = resolve(cwd, file);
  const at = { file, start: { line: 1, col: 1 } };
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) {
      return {
        ok: false,
        diagnostic: diagnostic(
          'SG105',
          'error',
          'not a regular file (a device, FIFO or socket); not read',
          at,
        ),
      };
    }
    if (info.size > LOAD_LIMITS.maxFileBytes) {
      return {
        ok: false,
        diagnostic: diagnostic(
          'SG101',
          'error',
          `file is ${info.size} bytes; manifests are limited to ${LOAD_LIMITS.maxFileBytes} bytes`,
          at,
        ),
      };
    }
    // Never more than the limit, even if the file grows while it is read.
    const bytes = new Uint8Array(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return { ok: true, bytes: bytes.subarray(0, bytesRead) };
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic('SG100', 'error', `cannot read ${file}: ${String(error)}`, at),
    };
  } finally {
    await handle?.close();
  }
}
