/**
 * Shared setup of the governance scenario tests: a fresh emulator and manifest directory per test,
 * the `gov` domain with a profile and two projects (governance, stewards), the CLI run as a user
 * runs it, and look-ups made with the real DataZone client (for out-of-band changes and checks).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListDomainsCommand, ListProjectsCommand, SearchCommand } from '@aws-sdk/client-datazone';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  CLI_ENV,
  EXAMPLE_BEHAVIOUR,
  emulatorTiming,
  startTestEmulator,
  type TestEmulator,
} from '../helpers/emulator.js';

/** The domain, one profile and two projects; `PRUNE` is replaced by a `reconcile` line (or nothing). */
export const GOV_DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService
PRUNE
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Plain, domain: gov }
spec: { status: ENABLED }
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: governance, domain: gov }
spec: { description: Owns the glossaries, profile: Plain }
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: stewards, domain: gov }
spec: { description: Data stewards, profile: Plain }
`;

/** The whole of `plan --no-color` when live state matches the manifests and nothing is unmanaged. */
export const NO_CHANGES = 'No changes. Live state matches the manifests.\n';

/** A glossary owned by the governance project. */
export const CLINICAL_GLOSSARY = `apiVersion: smus-gitops/v1alpha1
kind: Glossary
metadata: { name: Clinical terms, domain: gov }
spec:
  owningProject: governance
  description: Terms for clinical data
`;

/**
 * Glossary and glossary term ids in a command's output replaced by `<id>`: the emulator draws ids
 * from one counter, and a glossary's create runs beside the stewards project's (it waits only for
 * its owning project), so these ids depend on timing (under load, snapshots differed in them alone).
 */
export function stableIds(text: string): string {
  return text.replace(/((?:Glossary|GlossaryTerm)\/[^\n]*id: )[a-z0-9]{14}\b/g, '$1<id>');
}

/** One test's emulator, directory and helpers. */
export interface GovernanceFixture {
  emu: TestEmulator;
  dir: string;
  /** Writes domain.yaml (with `prune`, a `  reconcile: …` line) and the given files. */
  write(files: Record<string, string>, prune?: string): void;
  cli(...args: string[]): ReturnType<typeof runCli>;
  /**
   * A command's stdout and stderr with the temporary directory written `<dir>` and glossary and
   * term ids `<id>` (for exact comparisons).
   */
  output(...args: string[]): Promise<string>;
  /** `plan --no-color` output, glossary and term ids written `<id>` (exit code 0 asserted). */
  plan(): Promise<string>;
  /** `apply --auto-approve` plus `extra` flags (exit code 0 asserted). */
  apply(...extra: string[]): Promise<void>;
  /** Ids of the gov domain and its governance project. */
  ids(): Promise<{ domainId: string; projectId: string }>;
  /** Every glossary of the domain (Search GLOSSARY). */
  glossaries(domainId: string): Promise<{ id?: string; name?: string }[]>;
  /** Every glossary term of the domain (Search GLOSSARY_TERM). */
  terms(domainId: string): Promise<{ id?: string; name?: string; glossaryId?: string }[]>;
}

/** Registers a fresh fixture per test; call the returned function inside a test to get it. */
export function useGovernanceFixture(prefix: string): () => GovernanceFixture {
  return registerFixture(prefix, beforeEach, afterEach, 'a test');
}

/**
 * One fixture shared by every test of a file (a fresh emulator and directory before them all),
 * for tests that only send requests to what one apply set up; call the returned function inside
 * a test or a later hook to get it.
 */
export function useSharedGovernanceFixture(prefix: string): () => GovernanceFixture {
  return registerFixture(prefix, beforeAll, afterAll, "its file's tests");
}

type Hook = (fn: () => Promise<void>) => void;

/** Starts a fixture in `setUp` and closes it in `tearDown` (per test or per file). */
function registerFixture(
  prefix: string,
  setUp: Hook,
  tearDown: Hook,
  within: string,
): () => GovernanceFixture {
  let current: GovernanceFixture | undefined;
  setUp(async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    current = makeFixture(emu, mkdtempSync(join(tmpdir(), prefix)));
  });
  tearDown(async () => {
    await current?.emu.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error(`the governance fixture is used outside ${within}`);
    return current;
  };
}

function makeFixture(emu: TestEmulator, dir: string): GovernanceFixture {
  // The CLI's waits (pacing at AWS's rates, backoff, lifecycle polls) on the emulator's clock: they
  // cost no real time (issue 18). Ids drawn while creates interleave differently are `<id>` in
  // output (stableIds), so no snapshot depends on the order.
  const timing = emulatorTiming(emu.emulator);
  const cli = (...args: string[]) =>
    runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV, timing });
  const search = async (domainId: string, scope: 'GLOSSARY' | 'GLOSSARY_TERM') => {
    const out = await emu
      .dataZone()
      .send(new SearchCommand({ domainIdentifier: domainId, searchScope: scope }));
    return out.items ?? [];
  };
  return {
    emu,
    dir,
    write(files, prune = '') {
      writeFileSync(join(dir, 'domain.yaml'), GOV_DOMAIN.replace('PRUNE', prune));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    },
    cli,
    async output(...args) {
      const run = await cli(...args);
      return stableIds((run.stdout + run.stderr).split(dir).join('<dir>'));
    },
    async plan() {
      const run = await cli('plan', dir, '--no-color');
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      return stableIds(run.stdout);
    },
    async apply(...extra) {
      const run = await cli('apply', dir, '--auto-approve', ...extra);
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    },
    async ids() {
      const dz = emu.dataZone();
      const domain = (await dz.send(new ListDomainsCommand({}))).items!.find((d) => d.name === 'gov')!;
      const projects = await dz.send(
        new ListProjectsCommand({ domainIdentifier: domain.id, name: 'governance' }),
      );
      return { domainId: domain.id!, projectId: projects.items!.find((p) => p.name === 'governance')!.id! };
    },
    async glossaries(domainId) {
      return (await search(domainId, 'GLOSSARY')).flatMap((i) => (i.glossaryItem ? [i.glossaryItem] : []));
    },
    async terms(domainId) {
      return (await search(domainId, 'GLOSSARY_TERM')).flatMap((i) =>
        i.glossaryTermItem ? [i.glossaryTermItem] : [],
      );
    },
  };
}
