/**
 * The loader's effects: finding manifest files under the given paths and reading them with the
 * size limit checked before any byte is read. Everything after reading is pure (parse.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
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

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, out);
    } else if (entry.isFile() && MANIFEST_EXTENSION.test(entry.name)) {
      out.push(path);
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
      if (info.isDirectory()) await walk(absolute, found);
      else found.push(absolute);
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

/** Reads one file's bytes, refusing files over the size limit without reading them. */
export async function readManifestBytes(
  file: string,
  cwd: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic }> {
  const absolute = resolve(cwd, file);
  try {
    const info = await stat(absolute);
    if (info.size > LOAD_LIMITS.maxFileBytes) {
      return {
        ok: false,
        diagnostic: diagnostic(
          'SG101',
          'error',
          `file is ${info.size} bytes; manifests are limited to ${LOAD_LIMITS.maxFileBytes} bytes`,
          { file, start: { line: 1, col: 1 } },
        ),
      };
    }
    return { ok: true, bytes: await readFile(absolute) };
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic('SG100', 'error', `cannot read ${file}: ${String(error)}`, {
        file,
        start: { line: 1, col: 1 },
      }),
    };
  }
}
