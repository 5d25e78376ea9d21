/**
 * Acceptance 2 of issue #13: the four organisations of SCENARIOS.md, written as a new user would
 * (test/fixtures/scenarios/<organisation>/), each validate, apply from empty in one `apply`
 * against the emulator with every project deployed (overallDeploymentStatus SUCCESSFUL, read
 * through the SDK), and then plan "No changes".
 */
import {
  GetProjectCommand,
  ListDomainsCommand as ListDataZoneDomainsCommand,
  ListProjectsCommand,
} from '@aws-sdk/client-datazone';
import { DescribeDomainCommand, ListDomainsCommand } from '@aws-sdk/client-sagemaker';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, INSTANT_DURATIONS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const DIR = 'test/fixtures/scenarios';

/**
 * Each organisation: its folder, the DataZone domains it declares, what one apply creates, its
 * projects, and its Studio domains as `region/name: status network` (read back through the SDK).
 */
const ORGANISATIONS = [
  { folder: 'a-account-agnostic', domains: ['pharma-data'], created: 24, projects: 2, studios: [] },
  { folder: 'b-multi-account', domains: ['governance'], created: 15, projects: 3, studios: [] },
  {
    folder: 'c-studio-lines',
    domains: [],
    created: 3,
    projects: 0,
    studios: [
      'eu-west-1/marketing-analytics: InService VpcOnly',
      'us-east-1/finance-ml: InService VpcOnly',
      'us-east-1/sustainability-research: InService PublicInternetOnly',
    ],
  },
  {
    folder: 'd-secure-platform',
    domains: [],
    created: 3,
    projects: 0,
    studios: [
      'us-east-1/risk-models-dev: InService VpcOnly',
      'us-east-1/risk-models-staging: InService VpcOnly',
      'us-east-2/risk-models-prod: InService VpcOnly',
    ],
  },
] as const;

async function cli(emu: TestEmulator, args: string[]) {
  return runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
}

/** Every project of the named domains with its overall deployment status, read through the SDK. */
async function deploymentStatuses(emu: TestEmulator, domains: readonly string[]): Promise<string[]> {
  const dz = emu.dataZone();
  try {
    const out: string[] = [];
    const live = (await dz.send(new ListDataZoneDomainsCommand({}))).items ?? [];
    for (const name of domains) {
      const domainId = live.find((d) => d.name === name)?.id ?? '';
      const projects = (await dz.send(new ListProjectsCommand({ domainIdentifier: domainId }))).items ?? [];
      for (const p of projects) {
        const got = await dz.send(new GetProjectCommand({ domainIdentifier: domainId, identifier: p.id }));
        const status = got.environmentDeploymentDetails?.overallDeploymentStatus ?? '(none)';
        out.push(`${name}/${p.name ?? ''}: ${got.projectStatus ?? ''} ${status}`);
      }
    }
    return out.sort();
  } finally {
    dz.destroy();
  }
}

/** The Studio domains of the regions the organisations use, with status and network access. */
async function studioDomains(emu: TestEmulator): Promise<string[]> {
  const out: string[] = [];
  for (const region of ['us-east-1', 'us-east-2', 'eu-west-1']) {
    const sm = emu.sageMaker({ region });
    try {
      for (const d of (await sm.send(new ListDomainsCommand({}))).Domains ?? []) {
        const got = await sm.send(new DescribeDomainCommand({ DomainId: d.DomainId }));
        out.push(`${region}/${got.DomainName ?? ''}: ${got.Status ?? ''} ${got.AppNetworkAccessType ?? ''}`);
      }
    } finally {
      sm.destroy();
    }
  }
  return out.sort();
}

describe('the four organisations of SCENARIOS.md', () => {
  it.each(ORGANISATIONS)(
    '$folder validates, applies from empty in one apply with every project deployed, then plans no changes',
    async ({ folder, domains, created, projects, studios }) => {
      const dir = `${DIR}/${folder}`;
      const validated = await runCli(['validate', dir]);
      expect(validated.stdout).toMatch(/: 0 errors, 0 warnings\n$/);
      expect(validated.exitCode).toBe(0);

      const emu = await startTestEmulator({ behaviour: { durations: INSTANT_DURATIONS } });
      try {
        const applied = await cli(emu, ['apply', dir, '--auto-approve']);
        expect(applied.stdout).toContain(
          `Apply complete: ${created} created, 0 updated, 0 replaced, 0 deleted; 0 failed, 0 not started`,
        );
        expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);

        const statuses = await deploymentStatuses(emu, domains);
        expect(statuses).toHaveLength(projects);
        for (const line of statuses) expect(line).toMatch(/: ACTIVE SUCCESSFUL$/);
        expect(await studioDomains(emu)).toEqual(studios);

        emu.emulator.control.resetStats();
        const again = await cli(emu, ['plan', dir, '--detailed-exitcode']);
        expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
        expect(again.exitCode).toBe(0);
        expect(emu.emulator.control.stats().mutating).toBe(0);
      } finally {
        await emu.close();
      }
    },
  );
});

describe('the guardrails of organisation D', () => {
  it('stop a Studio domain that would leave the VPC before anything is created (exit 1, SG400)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smus-org-d-'));
    cpSync(`${DIR}/d-secure-platform`, dir, { recursive: true });
    const dev = join(dir, 'dev.yaml');
    writeFileSync(
      dev,
      readFileSync(dev, 'utf8').replace(
        'appNetworkAccessType: VpcOnly',
        'appNetworkAccessType: PublicInternetOnly',
      ),
    );
    const run = await runCli(['validate', dir, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(report.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'SG400 policy regulated-ml-baseline/vpc-only: Studio traffic stays in private subnets and reaches AWS services through VPC endpoints (must be "VpcOnly" (got "PublicInternetOnly"))',
    ]);
    expect(run.exitCode).toBe(1);
  });
});
