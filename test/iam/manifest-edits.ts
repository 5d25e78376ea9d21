/**
 * Test helper: the example organisation as plain objects, edited per test phase and written to a
 * temporary directory as one multi-document file (comments are not kept; they do not matter here).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

/** A manifest as a plain object (only the envelope is typed). */
export interface ManifestObject {
  kind: string;
  metadata: { name: string; domain?: string };
  lifecycle?: { protect?: boolean; ensure?: 'present' | 'absent' };
  spec: Record<string, unknown>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    )
    .sort();
}

/** Every document of the example organisation, in file order. */
export function exampleManifests(root = 'manifests-example'): ManifestObject[] {
  return yamlFiles(root).flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as ManifestObject),
  );
}

/** A directory holding `docs`; remove it with `dispose`. */
export function writeManifests(docs: readonly ManifestObject[]): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'smus-iam-'));
  writeFileSync(join(dir, 'all.yaml'), docs.map((d) => stringify(d)).join('---\n'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The document `kind/name`, failing the test when the example has no such document. */
export function find(docs: readonly ManifestObject[], kind: string, name: string): ManifestObject {
  const doc = docs.find((d) => d.kind === kind && d.metadata.name === name);
  if (!doc) throw new Error(`the example has no ${kind}/${name}`);
  return doc;
}
