/**
 * What the multi-account acceptance tests share: a fast emulator (no lifecycle waits; the APAC
 * development account outside the organisation, as in manifests-example), the CLI run against it
 * with the home account's credentials, manifests written to a fresh directory, and lookups a test
 * makes with the SDK as a given account.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListDomainsCommand,
  paginateListEnvironmentBlueprintConfigurations,
  paginateListEnvironmentBlueprints,
} from '@aws-sdk/client-datazone';
import { runCli, type CliRun } from '../helpers/cli.js';
import {
  HOME_CREDENTIALS,
  INSTANT_DURATIONS,
  startTestEmulator,
  type TestEmulator,
} from '../helpers/emulator.js';

/** The emulator's home account: the tool's own and the domain's. */
export const HOME = '111122223333';

/** The account of manifests-example that is outside the organisation (its share is an invitation). */
export const EXTERNAL = '777788889999';

/** An emulator whose lifecycles complete at once. */
export function startFastEmulator(): Promise<TestEmulator> {
  return startTestEmulator({
    behaviour: {
      durations: INSTANT_DURATIONS,
      externalAccountIds: [EXTERNAL],
    },
  });
}

/** `smus-gitops <args> --endpoint-url <emulator>` with the home account's credentials. */
export function cli(emu: TestEmulator, args: string[], cwd?: string): Promise<CliRun> {
  return runCli([...args, '--endpoint-url', emu.endpoint], {
    env: {
      AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
    },
    ...(cwd ? { cwd } : {}),
  });
}

/** Writes `files` (name → YAML) into a new temporary directory and returns it. */
export function manifestDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-multi-account-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The id of the DataZone domain named `name` (home account). */
export async function domainId(emu: TestEmulator, name: string): Promise<string> {
  const dz = emu.dataZone();
  try {
    const items = (await dz.send(new ListDomainsCommand({}))).items ?? [];
    const found = items.find((d) => d.name === name);
    if (!found?.id) throw new Error(`no domain ${name}`);
    return found.id;
  } finally {
    dz.destroy();
  }
}

/**
 * The blueprint configurations `account` sees in the domain, as `blueprint name → enabledRegions`
 * (sorted), listed with that account's own credentials (assumed role unless it is the home account).
 */
export async function configurationsAs(
  emu: TestEmulator,
  account: string,
  domain: string,
): Promise<Record<string, string[]>> {
  const home = emu.dataZone();
  const dz = account === HOME ? emu.dataZone() : (await emu.asAccount(account)).dataZone();
  try {
    const nameOf = new Map<string | undefined, string | undefined>();
    for await (const page of paginateListEnvironmentBlueprints(
      { client: home },
      { domainIdentifier: domain, managed: true },
    ))
      for (const b of page.items ?? []) nameOf.set(b.id, b.name);
    const items = [];
    for await (const page of paginateListEnvironmentBlueprintConfigurations(
      { client: dz },
      { domainIdentifier: domain },
    ))
      items.push(...(page.items ?? []));
    return Object.fromEntries(
      items
        .map(
          (c) => [nameOf.get(c.environmentBlueprintId) ?? '?', [...(c.enabledRegions ?? [])].sort()] as const,
        )
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  } finally {
    home.destroy();
    dz.destroy();
  }
}
