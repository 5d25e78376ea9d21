/**
 * Writes exported manifests: groups them into files (one per kind, or one per resource), renders
 * each file as YAML with the editor's schema line first, and writes the files. Rendering is pure
 * and deterministic; only `writeExport` touches the disk.
 *
 * The schema line names the schema's published URL for this tool version (the npm package ships
 * `schemas/`), never a path into the checkout that ran the export: exported manifests live in
 * another repository, where such a path points nowhere.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { assertNever, type ManifestKind } from '../model/manifest.js';
import { SCHEMA_BASE_URL } from '../version.js';
import type { ExportedDocument } from './document.js';
import { ExportError } from './build.js';
import { slug } from './slug.js';

/** One file per kind or one per resource. */
export type ExportLayout = 'per-kind' | 'per-resource';

/** A file to write: its path relative to the output directory, and its text. */
export interface ExportFile {
  path: string;
  text: string;
}

/** Where the schemas of this version are published (defined beside the version it embeds). */
export { SCHEMA_BASE_URL };

/** Per kind: the file (per-kind layout) or folder (per-resource layout) name, and the schema file. */
function names(kind: ManifestKind): { group: string; schema: string } {
  switch (kind) {
    case 'Domain':
      return { group: 'domain', schema: 'domain' };
    case 'DomainUnit':
      return { group: 'domain-units', schema: 'domain-unit' };
    case 'AccountAssociation':
      return { group: 'account-associations', schema: 'account-association' };
    case 'BlueprintConfiguration':
      return { group: 'blueprint-configurations', schema: 'blueprint-configuration' };
    case 'AccountPool':
      return { group: 'account-pools', schema: 'account-pool' };
    case 'ProjectProfile':
      return { group: 'project-profiles', schema: 'project-profile' };
    case 'Project':
      return { group: 'projects', schema: 'project' };
    case 'Glossary':
      return { group: 'glossaries', schema: 'glossary' };
    case 'FormType':
      return { group: 'form-types', schema: 'form-type' };
    case 'MetadataRule':
      return { group: 'metadata-rules', schema: 'metadata-rule' };
    case 'GlossaryTerm':
      return { group: 'glossary-terms', schema: 'glossary-term' };
    case 'StudioDomain':
      return { group: 'studio-domains', schema: 'studio-domain' };
    case 'StudioUserProfile':
      return { group: 'studio-user-profiles', schema: 'studio-user-profile' };
    case 'Policy':
      return { group: 'policies', schema: 'policy' };
    case 'PolicyGrant':
      return { group: 'policy-grants', schema: 'policy-grant' };
    default:
      return assertNever(kind);
  }
}

/** The `$schema` URL of a kind's schema, pinned to this tool version. */
export function schemaUrl(kind: ManifestKind): string {
  return `${SCHEMA_BASE_URL}${names(kind).schema}.schema.json`;
}

/** One document as YAML, with its trailing comments. */
export function renderDocument(doc: ExportedDocument): string {
  const yaml = stringify(doc.body, { lineWidth: 0, indentSeq: true });
  return doc.comments.length > 0 ? `${yaml}${doc.comments.join('\n')}\n` : yaml;
}

/** The text of a file holding `docs` (all of one kind). */
function renderFile(docs: readonly ExportedDocument[]): string {
  const kind = docs[0]?.kind ?? 'Domain';
  const header = [
    `# yaml-language-server: $schema=${schemaUrl(kind)}`,
    `# Written by smus-gitops export from what is live; edit freely, then plan to review.`,
  ].join('\n');
  return `${header}\n${docs.map(renderDocument).join('---\n')}`;
}

/** Groups the documents into files of the chosen layout and renders them (sorted by path). */
export function layoutFiles(documents: readonly ExportedDocument[], layout: ExportLayout): ExportFile[] {
  const files = new Map<string, ExportedDocument[]>();
  for (const doc of documents) {
    const group = names(doc.kind).group;
    let path: string;
    if (layout === 'per-kind') path = `${group}.yaml`;
    else {
      const base = `${group}/${slug(doc.account ? `${doc.name}-${doc.account}` : doc.name)}`;
      path = `${base}.yaml`;
      // Two names with one slug (`HR Team`, `hr-team`) get numbered files, never one shared file.
      for (let n = 2; files.has(path); n += 1) path = `${base}-${n}.yaml`;
    }
    files.set(path, [...(files.get(path) ?? []), doc]);
  }
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, docs]) => ({ path, text: renderFile(docs) }));
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function refuseLink(path: string, outDir: string): ExportError {
  return new ExportError(
    `${path}: is a symbolic link; refusing to write through it (it could point outside ${outDir}). Remove it or choose another --out`,
  );
}

/**
 * Writes the files under `outDir` (created when missing; files of the same name are replaced).
 * Nothing is written through a symbolic link below `outDir` (issue 19.14): a link planted in the
 * output directory of a checked-out repository would otherwise redirect the write anywhere the user
 * can write. Each folder below `outDir` is checked with lstat before use, and each file is opened
 * with O_NOFOLLOW, so a link that appears between the check and the open fails the open too.
 * `outDir` itself is the user's choice and may be a link.
 */
export async function writeExport(outDir: string, files: readonly ExportFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    const parts = relative(outDir, join(outDir, file.path)).split(sep);
    let dir = outDir;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      const stat = await lstatOrUndefined(dir);
      if (stat?.isSymbolicLink()) throw refuseLink(dir, outDir);
      if (!stat) await mkdir(dir);
      else if (!stat.isDirectory()) throw new ExportError(`${dir}: exists and is not a folder`);
    }
    const target = join(dir, parts[parts.length - 1] ?? '');
    const stat = await lstatOrUndefined(target);
    if (stat?.isSymbolicLink()) throw refuseLink(target, outDir);
    if (stat && !stat.isFile()) throw new ExportError(`${target}: exists and is not a regular file`);
    let handle;
    try {
      handle = await open(
        target,
        constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
        0o644,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw refuseLink(target, outDir);
      throw error;
    }
    try {
      await handle.writeFile(file.text);
    } finally {
      await handle.close();
    }
  }
}
