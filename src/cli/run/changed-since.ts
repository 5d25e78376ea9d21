/**
 * Reads the base of `--changed-since REF` from git: the commit REF names and the manifest
 * documents at that commit under the same paths (validated as the tree's are, leniently: a base
 * document that does not validate counts as absent, so its successor in the tree is planned as
 * added, never skipped). A REF git cannot resolve is a configuration error, said plainly.
 */
import { ConfigError } from '../../diagnostics/config-error.js';
import { createLimiter } from '../../live/limit.js';
import { manifestSchemaValidator } from '../../validate/load-manifests.js';
import type { ValidDocument } from '../../validate/schema-validator.js';
import { validateManifests, type ManifestFile } from '../../validate/validate-manifests.js';
import { execGit, type GitExec } from './protect-base.js';

/** Most `git show` processes running at once for the base's files. */
const GIT_SHOW_CONCURRENCY = 8;

/** The base: the commit REF resolved to, and its documents. */
export interface ChangedSinceBase {
  ref: string;
  commit: string;
  documents: ValidDocument[];
}

function fatalLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((l) => l.startsWith('fatal:')) ?? 'git failed';
}

/**
 * Loads the base documents at `ref` (a commit id is used as it is, so a saved plan re-derives
 * against the very commit it was made from). Throws ConfigError when git cannot resolve `ref`.
 */
export async function loadChangedSince(
  ref: string,
  paths: readonly string[],
  cwd: string,
  git: GitExec = execGit,
): Promise<ChangedSinceBase> {
  let commit: string;
  try {
    // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
    commit = (await git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], cwd)).trim();
  } catch (error) {
    throw new ConfigError(
      `--changed-since ${ref}: git cannot resolve it to a commit (${fatalLine(error)}); fetch the base first (e.g. git fetch origin main)`,
    );
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new ConfigError(`--changed-since ${ref}: git cannot resolve it to a commit`);
  let listing: string;
  try {
    listing = await git(['ls-tree', '-r', '--name-only', commit, '--', ...paths], cwd);
  } catch (error) {
    throw new ConfigError(`--changed-since ${ref}: cannot list the manifests there (${fatalLine(error)})`);
  }
  // The files' `git show`s side by side (a few at a time: each is a process): a PR's plan waits
  // for all of them before its first call. Kept in the listing's sorted order.
  const limit = createLimiter(GIT_SHOW_CONCURRENCY);
  const shown = await Promise.all(
    listing
      .split('\n')
      .filter((p) => /\.ya?ml$/i.test(p))
      .sort()
      .map(async (path): Promise<ManifestFile | undefined> => {
        try {
          const text = await limit(() => git(['show', `${commit}:./${path}`], cwd));
          return { file: path, bytes: Buffer.from(text, 'utf8') };
        } catch {
          // A file git lists but cannot show (a submodule, an odd name) holds no base document.
          return undefined;
        }
      }),
  );
  const files = shown.filter((f): f is ManifestFile => f !== undefined);
  const documents = validateManifests(files, manifestSchemaValidator()).documents;
  return { ref, commit, documents };
}
