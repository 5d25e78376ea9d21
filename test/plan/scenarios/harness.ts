/**
 * The plan-scenario harness: the base organisation (fixtures/base) as plain documents that a
 * scenario transforms, an emulator with the base applied, and `plan --format json` through the
 * CLI with the emulator-generated ids and the fingerprint replaced by placeholders, so a golden
 * file holds everything else byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { applyManifests, expectAllDone } from '../../helpers/apply.js';
import { runCli, type CliRun } from '../../helpers/cli.js';
import {
  HOME_CREDENTIALS,
  INSTANT_DURATIONS,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator.js';

/** A manifest document as plain data (what a transform edits). */
export interface Doc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; domain?: string };
  lifecycle?: { protect?: boolean; ensure?: 'present' | 'absent' };
  spec: Record<string, unknown>;
}

/** Changes the base documents in place (it may also add or remove documents). */
export type Transform = (docs: Doc[]) => void;

/** The CLI's credentials for the emulator's home account. */
export const CLI_ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};

/** The home (domain) account and the associated account of the base. */
export const HOME = '111122223333';
export const ASSOCIATED = '444455556666';

const BASE_DIR = fileURLToPath(new URL('fixtures/base/', import.meta.url));

/** The base organisation's documents, freshly parsed (files in name order, documents in file order). */
export function baseDocs(): Doc[] {
  return readdirSync(BASE_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(BASE_DIR, f), 'utf8')).map((d) => d.toJS() as Doc));
}

/** The one document of `kind` (and `name`, and for blueprint configurations `account`: '' = the domain's). */
export function doc(docs: readonly Doc[], kind: string, name?: string, account?: string): Doc {
  const found = docs.filter(
    (d) =>
      d.kind === kind &&
      (name === undefined || d.metadata.name === name) &&
      (account === undefined || (d.spec['account'] ?? '') === account),
  );
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name ?? '*'}, found ${found.length}`);
  return found[0]!;
}

/** The domain's reconcile policy, to edit. */
export function reconcile(docs: readonly Doc[]): { prune: string[]; protect: string[]; maxDeletes: number } {
  return doc(docs, 'Domain').spec['reconcile'] as { prune: string[]; protect: string[]; maxDeletes: number };
}

/** Removes the document(s) matched as `doc` matches them. */
export function remove(docs: Doc[], kind: string, name?: string, account?: string): void {
  docs.splice(docs.indexOf(doc(docs, kind, name, account)), 1);
}

/** The base documents with `transform` applied. */
export function transformed(transform: Transform): Doc[] {
  const docs = baseDocs();
  transform(docs);
  return docs;
}

/** Writes the documents as one manifest file in a new temporary directory; returns the directory. */
export function writeDocs(docs: readonly Doc[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-scenario-'));
  writeFileSync(join(dir, 'manifests.yaml'), docs.map((d) => stringify(d)).join('---\n'));
  return dir;
}

/** Emulator behaviour with every asynchronous state immediate (the scenarios test plans, not waits). */
export const FAST = {
  durations: INSTANT_DURATIONS,
} as const;

/** Starts a seeded emulator and applies the base organisation (every change must complete). */
export async function startWithBase(): Promise<TestEmulator> {
  const emu = await startTestEmulator({ seed: 1, behaviour: FAST });
  const dir = writeDocs(baseDocs());
  try {
    expectAllDone(await applyManifests({ paths: [dir] }, emu.endpoint));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  emu.emulator.control.resetStats();
  return emu;
}

/**
 * Registers hooks that start one emulator with the applied base for the enclosing file and stop it
 * after; returns its getter (usable inside tests only). Scenarios that only plan share it.
 */
export function withBase(): () => TestEmulator {
  let emu: TestEmulator | undefined;
  beforeAll(async () => {
    emu = await startWithBase();
  });
  afterAll(async () => {
    await emu?.close();
    emu = undefined;
  });
  return () => {
    if (!emu) throw new Error('withBase: the emulator is only available inside tests');
    return emu;
  };
}

/** Runs the CLI on the documents (written to a temporary directory) with `args` after the directory. */
export async function runOnDocs(
  command: 'plan' | 'apply',
  docs: readonly Doc[],
  emu: TestEmulator,
  args: string[],
): Promise<CliRun> {
  const dir = writeDocs(docs);
  try {
    const run = await runCli([command, dir, '--endpoint-url', emu.endpoint, ...args], { env: CLI_ENV });
    // Locations name the temporary directory: the goldens say <manifests> instead.
    const stable = (text: string) => text.split(dir).join('<manifests>');
    return { ...run, stdout: stable(run.stdout), stderr: stable(run.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface JsonChange {
  address: { kind: string; name: string; account?: string };
  id?: string;
}

/**
 * Replaces every live id of the JSON plan with `<id Kind/name[@account][#n]>` (#n only when one
 * address has several ids: ambiguous identities) and the fingerprint with `sha256:<fingerprint>`.
 * Ids are the emulator's; everything else must stay byte-exact.
 */
export function withPlaceholders(json: string): string {
  const plan = JSON.parse(json) as { changes: JsonChange[] };
  const byLabel = new Map<string, string[]>();
  for (const { id, address: a } of plan.changes) {
    if (id === undefined) continue;
    const label = `${a.kind}/${a.name}${a.account ? `@${a.account}` : ''}`;
    const list = byLabel.get(label) ?? [];
    if (!list.includes(id)) list.push(id);
    byLabel.set(label, list);
  }
  const ids = new Map<string, string>();
  for (const [label, list] of byLabel)
    list.forEach((id, i) => ids.set(id, `<id ${label}${list.length > 1 ? `#${i + 1}` : ''}>`));
  let out = json;
  // Longest first: no id is then replaced inside a longer one.
  for (const id of [...ids.keys()].sort((a, b) => b.length - a.length))
    out = out.split(id).join(ids.get(id)!);
  return out.replace(/"fingerprint": "sha256:[0-9a-f]{64}"/, '"fingerprint": "sha256:<fingerprint>"');
}

/** `plan --format json --detailed-exitcode` of the documents, with placeholders (see withPlaceholders). */
export async function planJson(docs: readonly Doc[], emu: TestEmulator): Promise<CliRun> {
  const run = await runOnDocs('plan', docs, emu, ['--format', 'json', '--detailed-exitcode']);
  return { ...run, stdout: run.stdout ? withPlaceholders(run.stdout) : run.stdout };
}
