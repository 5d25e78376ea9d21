/**
 * Reads the reviewed base's manifests from git for `--protect-base REF` (plan/base-protection.ts
 * decides what they protect). The ref defaults, in CI, to the pull request's target branch
 * (`origin/$GITHUB_BASE_REF`) and, locally, to the branch's upstream when it has one; an explicit
 * ref that git cannot read is an error, a default that does not exist is skipped (nothing to
 * compare with, e.g. a repository without an upstream). git is run through the `exec` passed in.
 */
import { execFile } from 'node:child_process';
import { readBaseProtection, type BaseProtection } from '../../plan/base-protection.js';

/** Runs git with arguments in a directory; resolves with stdout, rejects on a non-zero exit. */
export type GitExec = (args: readonly string[], cwd: string) => Promise<string>;

/** git through child_process, output bounded (manifests only). */
export const execGit: GitExec = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/** The base to protect: the explicit ref, else the CI target branch, else the upstream (if any). */
async function baseRef(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  git: GitExec,
): Promise<string | undefined> {
  if (explicit) return explicit;
  if (env['GITHUB_BASE_REF']) return `origin/${env['GITHUB_BASE_REF']}`;
  try {
    return (
      (await git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], cwd)).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * The base's protection for the manifest paths, or undefined when there is no base; a string is
 * the error to print (an explicit ref git cannot read).
 */
export async function loadBaseProtection(
  options: {
    explicit?: string;
    paths: readonly string[];
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
  },
  git: GitExec = execGit,
): Promise<BaseProtection | undefined | { error: string }> {
  const ref = await baseRef(options.explicit, options.env, options.cwd, git);
  if (!ref) return undefined;
  let listing: string;
  try {
    listing = await git(['ls-tree', '-r', '--name-only', ref, '--', ...options.paths], options.cwd);
  } catch (error) {
    if (!options.explicit) return undefined;
    const message = (error as Error).message.split('\n').find((l) => l.startsWith('fatal:')) ?? 'git failed';
    return { error: `--protect-base ${ref}: cannot read the manifests there (${message})` };
  }
  const files: { path: string; text: string }[] = [];
  for (const path of listing
    .split('\n')
    .filter((p) => /\.ya?ml$/i.test(p))
    .sort()) {
    try {
      files.push({ path, text: await git(['show', `${ref}:./${path}`], options.cwd) });
    } catch {
      // A file git lists but cannot show (a submodule, an odd name) protects nothing.
    }
  }
  return readBaseProtection(ref, files);
}
