/**
 * Acceptance 4 of issue #13: each organisation of SCENARIOS.md, applied from its fixtures, then
 * changed out of band as people do — a project made in the portal (through the API, like an
 * existing one: same profile, same choices) and a Studio domain made in the console — is exported,
 * and the export validates and plans "No changes" (exit 0, no mutating call).
 */
import {
  CreateProjectCommand,
  GetProjectCommand,
  ListDomainsCommand,
  ListProjectsCommand,
} from '@aws-sdk/client-datazone';
import { CreateDomainCommand } from '@aws-sdk/client-sagemaker';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, INSTANT_DURATIONS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ORGANISATIONS = [
  { folder: 'a-account-agnostic', domain: 'pharma-data' },
  { folder: 'b-multi-account', domain: 'governance' },
  { folder: 'c-studio-lines', domain: undefined },
  { folder: 'd-secure-platform', domain: undefined },
] as const;

function cli(emu: TestEmulator, args: string[]) {
  return runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
}

/** A project made "in the portal": the first live project's profile and choices, another name. */
async function portalProject(emu: TestEmulator, domainName: string): Promise<void> {
  const dz = emu.dataZone();
  try {
    const domainId = ((await dz.send(new ListDomainsCommand({}))).items ?? []).find(
      (d) => d.name === domainName,
    )?.id;
    const first = ((await dz.send(new ListProjectsCommand({ domainIdentifier: domainId }))).items ?? [])[0];
    const model = await dz.send(new GetProjectCommand({ domainIdentifier: domainId, identifier: first?.id }));
    await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domainId,
        name: 'made-in-the-portal',
        description: 'created by a project owner in the portal',
        projectProfileId: model.projectProfileId,
        userParameters: model.userParameters,
      }),
    );
  } finally {
    dz.destroy();
  }
}

/** A Studio domain made "in the console", untagged. */
async function consoleStudioDomain(emu: TestEmulator): Promise<void> {
  const sm = emu.sageMaker();
  try {
    await sm.send(
      new CreateDomainCommand({
        DomainName: 'console-made',
        AuthMode: 'IAM',
        VpcId: 'vpc-0c0ffee0',
        SubnetIds: ['subnet-0c0ffee1'],
        DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/ConsoleStudioExecution' },
      }),
    );
  } finally {
    sm.destroy();
  }
}

describe('export of each applied organisation, with out-of-band additions', () => {
  it.each(ORGANISATIONS)('$folder: the export validates and plans no changes', async ({ folder, domain }) => {
    const emu = await startTestEmulator({ behaviour: { durations: INSTANT_DURATIONS } });
    try {
      const applied = await cli(emu, ['apply', `test/fixtures/scenarios/${folder}`, '--auto-approve']);
      expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);
      if (domain) await portalProject(emu, domain);
      await consoleStudioDomain(emu);

      const out = mkdtempSync(join(tmpdir(), 'smus-org-export-'));
      const exported = await cli(emu, [
        'export',
        ...(domain ? ['--domain', domain] : []),
        '--studio-domains',
        '--region',
        'us-east-1',
        '--out',
        out,
      ]);
      expect(exported.stderr).toBe('');
      expect(exported.exitCode).toBe(0);

      // The out-of-band additions are part of the export, the console-made domain adopted explicitly.
      if (domain)
        expect(readFileSync(join(out, 'projects.yaml'), 'utf8')).toContain('name: made-in-the-portal');
      expect(readFileSync(join(out, 'studio-domains.yaml'), 'utf8')).toMatch(
        /name: console-made\nlifecycle:\n {2}adopt: true\n/,
      );
      const validated = await runCli(['validate', out]);
      expect(validated.stdout).toMatch(/: 0 errors, 0 warnings\n$/);
      emu.emulator.control.resetStats();
      const plan = await cli(emu, ['plan', out, '--detailed-exitcode']);
      expect(plan.stdout).toBe('No changes. Live state matches the manifests.\n');
      expect(plan.exitCode).toBe(0);
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  });
});
