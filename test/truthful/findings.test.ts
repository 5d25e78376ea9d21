/**
 * Issue 13, findings 1–4: each reproduced with the embedded emulator through the CLI, with its
 * exact output (goldens under __golden__/) and exit code. The plan must tell the truth: a project
 * waits for what it deploys onto; a failed deployment is a change; what a read can reveal is
 * refused at plan, located in the manifest and named by manifest names; nothing is silently ignored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import {
  ASSOCIATION,
  BU,
  DOMAIN,
  FIVE,
  FIXED_PROFILE,
  HOME,
  PROJECT,
  TOOLING,
  header,
  projectStatus,
  run,
  stable,
  startEmulatorWithUsers,
  writeManifests,
} from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startEmulatorWithUsers();
});
afterEach(() => emu.close());

async function applied(text: string): Promise<string> {
  const dir = writeManifests(text);
  const out = await run(emu, dir, ['apply', '--auto-approve']);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  return dir;
}

/** Plan in `dir` (text), asserting stderr empty and the exit code; returns the stable text. */
async function plan(dir: string, exit: number, format = 'text'): Promise<string> {
  const out = await run(emu, dir, ['plan', '--detailed-exitcode', '--format', format]);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(exit);
  return stable(out.stdout);
}

describe('1. ordering: a project waits for what it deploys onto', () => {
  it('five documents from empty: one apply, the project deployed, then No changes', async () => {
    const dir = writeManifests(FIVE());
    const json = JSON.parse(await plan(dir, 2, 'json')) as {
      changes: { address: { kind: string }; dependsOn: string[] }[];
    };
    expect(json.changes.find((c) => c.address.kind === 'Project')?.dependsOn).toEqual([
      `AccountAssociation/d1/${BU}`,
      `BlueprintConfiguration/d1/${BU}/Tooling`,
      'Domain/d1',
      'ProjectProfile/d1/fixed',
    ]);
    const out = await run(emu, dir, ['apply', '--auto-approve']);
    expect(out.exitCode).toBe(0);
    expect(stable(out.stdout)).toMatch(
      /Apply complete: 5 created, 0 updated, 0 replaced, 0 deleted; 0 failed/,
    );
    expect(await projectStatus(emu, 'p1')).toBe('ACTIVE/SUCCESSFUL');
    expect(await plan(dir, 0)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('a configuration gaining a region and a new project in that region: one apply', async () => {
    await applied([DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE()].join(''));
    const dir = writeManifests(
      [
        DOMAIN(),
        ASSOCIATION(),
        TOOLING(['us-east-1', 'eu-west-1']),
        FIXED_PROFILE('ENABLED', 'eu-west-1'),
        PROJECT(),
      ].join(''),
    );
    const json = JSON.parse(await plan(dir, 2, 'json')) as {
      changes: { address: { kind: string }; dependsOn: string[] }[];
    };
    expect(json.changes.find((c) => c.address.kind === 'Project')?.dependsOn).toContain(
      `BlueprintConfiguration/d1/${BU}/Tooling`,
    );
    const out = await run(emu, dir, ['apply', '--auto-approve']);
    expect(out.exitCode).toBe(0);
    expect(await projectStatus(emu, 'p1')).toBe('ACTIVE/SUCCESSFUL');
    expect(await plan(dir, 0)).toBe('No changes. Live state matches the manifests.\n');
  });
});

describe('2. failed deployments are live state', () => {
  it('plan and drift exit 2 over a failed deployment; apply redeploys it; then No changes', async () => {
    emu.emulator.control.setProjectFaults({
      deployments: [
        { projects: ['p1'], status: 'FAILED_DEPLOYMENT', count: 1, message: 'Stack creation failed.' },
      ],
    });
    const dir = writeManifests(FIVE());
    const first = await run(emu, dir, ['apply', '--auto-approve']);
    expect(first.exitCode).toBe(1);
    await expect(stable(first.stdout).split('\nApply stopped')[1]).toMatchFileSnapshot(
      '__golden__/failed-apply-summary.txt',
    );
    expect(await projectStatus(emu, 'p1')).toBe('ACTIVE/FAILED_DEPLOYMENT');
    await expect(await plan(dir, 2)).toMatchFileSnapshot('__golden__/failed-deployment-plan.txt');
    const drift = await run(emu, dir, ['drift']);
    expect(drift.exitCode).toBe(2);
    expect(drift.stdout).toContain('"FAILED_DEPLOYMENT: Tooling (');
    const again = await run(emu, dir, ['apply', '--auto-approve']);
    expect(again.exitCode).toBe(0);
    expect(stable(again.stdout)).toContain('Apply complete: 0 created, 1 updated');
    expect(await projectStatus(emu, 'p1')).toBe('ACTIVE/SUCCESSFUL');
    expect(await plan(dir, 0)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('a failed update is re-sent; the plan says so until it succeeds', async () => {
    const dir = await applied(FIVE());
    emu.emulator.control.setProjectFaults({
      lifecycle: [{ projects: ['p1'], status: 'UPDATE_FAILED', count: 1 }],
    });
    const changed = writeManifests(
      FIVE().replace('  profile: fixed\n', '  profile: fixed\n  description: analytics\n'),
    );
    expect((await run(emu, changed, ['apply', '--auto-approve'])).exitCode).toBe(1);
    expect(await projectStatus(emu, 'p1')).toMatch(/^UPDATE_FAILED\//);
    await expect(await plan(changed, 2)).toMatchFileSnapshot('__golden__/update-failed-plan.txt');
    expect((await run(emu, changed, ['apply', '--auto-approve'])).exitCode).toBe(0);
    expect(await plan(changed, 0)).toBe('No changes. Live state matches the manifests.\n');
    expect(dir).toBeTruthy();
  });

  it('a project whose delete failed is a replace, refused without --allow-replace', async () => {
    const dir = await applied(FIVE());
    emu.emulator.control.setProjectFaults({
      lifecycle: [{ projects: ['p1'], status: 'DELETE_FAILED', count: 1 }],
    });
    const gone = writeManifests(
      FIVE().replace(
        'kind: Project\nmetadata: { name: "p1", domain: d1 }\n',
        'kind: Project\nmetadata: { name: "p1", domain: d1 }\nlifecycle: { ensure: absent }\n',
      ),
    );
    expect((await run(emu, gone, ['apply', '--auto-approve'])).exitCode).toBe(1);
    expect(await projectStatus(emu, 'p1')).toMatch(/^DELETE_FAILED\//);
    // Declared present again: it cannot be repaired in place.
    await expect(await plan(dir, 2)).toMatchFileSnapshot('__golden__/delete-failed-plan.txt');
    expect((await run(emu, dir, ['apply', '--auto-approve'])).exitCode).toBe(3);
    expect((await run(emu, dir, ['apply', '--auto-approve', '--allow-replace'])).exitCode).toBe(0);
    expect(await projectStatus(emu, 'p1')).toBe('ACTIVE/SUCCESSFUL');
  });
});

describe('3. what a read can reveal is refused at plan, located, by name', () => {
  it('an Identity Center user that does not exist', async () => {
    await applied(FIVE());
    const dir = writeManifests(`${FIVE()}  members:
    - { user: jdoe, designation: PROJECT_OWNER }
    - { user: sarah.jones, designation: PROJECT_CONTRIBUTOR }
`);
    await expect(await plan(dir, 3)).toMatchFileSnapshot('__golden__/missing-user.txt');
  });

  it('a new project on a profile that is DISABLED live, or being set to DISABLED', async () => {
    await applied([DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE('DISABLED')].join(''));
    const live = writeManifests([DOMAIN(), ASSOCIATION(), TOOLING(), PROJECT()].join(''));
    await expect(await plan(live, 3)).toMatchFileSnapshot('__golden__/profile-disabled-live.txt');
    const declared = writeManifests(
      [DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE('DISABLED'), PROJECT()].join(''),
    );
    await expect(await plan(declared, 3)).toMatchFileSnapshot('__golden__/profile-disabled-declared.txt');
  });

  it('a project overriding a parameter its live profile locks', async () => {
    await applied([DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE()].join(''));
    const dir = writeManifests(
      [
        DOMAIN(),
        ASSOCIATION(),
        TOOLING(),
        PROJECT(
          'p1',
          `  environments:
    - name: Tooling
      parameters: { idleTimeoutInMinutes: "90", maxInstances: "4" }
`,
        ),
      ].join(''),
    );
    await expect(await plan(dir, 3)).toMatchFileSnapshot('__golden__/locked-parameter-live.txt');
  });

  it('a project overriding a parameter or tag its declared profile locks: validate says where', async () => {
    const dir = writeManifests(
      FIVE().replace('      parameters:\n', '      parameters:\n') +
        `  environments:
    - name: Tooling
      parameters: { idleTimeoutInMinutes: "90" }
`,
    );
    const out = await run(emu, dir, ['validate']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout + out.stderr).toContain(
      'all.yaml:48:43  error  SG315  parameter "idleTimeoutInMinutes" of environment "Tooling" is fixed by profile "fixed" (not editable)',
    );
  });

  it('a new project without a profile (a V2 domain creates none)', async () => {
    await applied(DOMAIN());
    const dir = writeManifests(`${DOMAIN()}${header('Project', 'bare')}spec:\n  description: no profile\n`);
    const out = await run(emu, dir, ['plan', '--detailed-exitcode', '--format', 'json']);
    expect(out.exitCode).toBe(3);
    expect((JSON.parse(out.stdout) as { refused: unknown[] }).refused).toEqual([
      {
        address: { kind: 'Project', domain: 'd1', name: 'bare' },
        reason: 'profile-required',
        detail:
          'a project without a profile cannot be created in a SageMaker Unified Studio (V2) domain; name one in spec.profile',
        location: 'all.yaml:14:1',
      },
    ]);
  });

  it('a blueprint configuration in an account whose association has no role', async () => {
    const dir = writeManifests([DOMAIN(), ASSOCIATION(false), TOOLING()].join(''));
    await expect(await plan(dir, 3)).toMatchFileSnapshot('__golden__/unreachable-account.txt');
  });

  it('deleting a profile a live project still uses, managed or not', async () => {
    await applied(FIVE());
    // The project's manifest is gone (unmanaged now), the profile is pruned.
    const dir = writeManifests(
      [DOMAIN('  reconcile: { prune: [ProjectProfile] }\n'), ASSOCIATION(), TOOLING()].join(''),
    );
    await expect(await plan(dir, 3)).toMatchFileSnapshot('__golden__/profile-in-use.txt');
  });

  it('deleting a profile whose users could not be read: refused, never deleted on a guess', async () => {
    await applied(FIVE());
    const dir = writeManifests(
      [DOMAIN('  reconcile: { prune: [ProjectProfile] }\n'), ASSOCIATION(), TOOLING()].join(''),
    );
    emu.emulator.control.setFaults([{ operation: 'GetProject', error500Pct: 100 }]);
    const out = await run(emu, dir, ['plan', '--detailed-exitcode', '--format', 'json']);
    expect(out.exitCode).toBe(3);
    const json = JSON.parse(out.stdout) as { refused: { reason: string; detail: string }[]; notes: string[] };
    expect(json.refused).toEqual([
      {
        address: { kind: 'ProjectProfile', domain: 'd1', name: 'fixed' },
        reason: 'incomplete-observation',
        detail:
          'whether ProjectProfile/fixed is still used could not be read (Project/p1), so it is not deleted',
      },
    ]);
    expect(json.notes).toEqual([
      expect.stringMatching(
        /^preflight could not check everything: GetProject failed for domain d1 project /,
      ),
    ]);
  });

  it('deleting a pool a live profile still uses', async () => {
    const pool = `${header('AccountPool', 'bu-pool')}spec:
  accounts: [{ id: "${BU}", regions: [us-east-1] }]
`;
    const profile = `${header('ProjectProfile', 'pooled')}spec:
  status: ENABLED
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [bu-pool] } }
`;
    await applied([DOMAIN(), ASSOCIATION(), TOOLING(), pool, profile].join(''));
    const dir = writeManifests(
      [DOMAIN('  reconcile: { prune: [AccountPool] }\n'), ASSOCIATION(), TOOLING()].join(''),
    );
    await expect(await plan(dir, 3)).toMatchFileSnapshot('__golden__/pool-in-use.txt');
  });
});

describe('a scoped plan says so in its header', () => {
  it('plan --domain: text, Markdown and JSON carry the scope, "No changes" included', async () => {
    const dir = await applied(FIVE());
    const text = await run(emu, dir, ['plan', '--domain', 'd1', '--detailed-exitcode']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toBe(
      'No changes. Live state matches the manifests.\nScoped: domain d1 only (--domain): other domains, their contents and Studio domains were not read, and nothing outside d1 is listed as unmanaged or pruned\n',
    );
    const markdown = await run(emu, dir, ['plan', '--domain', 'd1', '--format', 'markdown']);
    expect(markdown.stdout).toContain('**Scoped:** domain d1 only');
    const json = await run(emu, dir, ['plan', '--domain', 'd1', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { scope?: string }).scope).toMatch(/^domain d1 only \(--domain\)/);
    const whole = await run(emu, dir, ['plan', '--format', 'json']);
    expect(JSON.parse(whole.stdout)).not.toHaveProperty('scope');
  });
});

describe('4. nothing is silently accepted', () => {
  it('a project target on a profile that fixes every environment', async () => {
    const dir = writeManifests(`${FIVE()}  target: { account: "${HOME}", region: us-west-2 }\n`);
    const out = await run(emu, dir, ['validate']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout + out.stderr).toContain(
      `all.yaml:46:3  error  SG308  profile "fixed" fixes the account and region of every environment; spec.target would be ignored: remove it`,
    );
  });

  it("a project in the domain's own account under an all-associated-accounts profile, Domain.spec.account unset", async () => {
    const everywhere = `${header('ProjectProfile', 'everywhere')}spec:
  status: ENABLED
  environments:
    - { name: Tooling, blueprint: Tooling, target: { allAssociatedAccounts: true } }
${header('BlueprintConfiguration', 'Tooling')}spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HOME}:role/Provisioning
`;
    const dir = writeManifests(
      [
        DOMAIN(),
        everywhere,
        PROJECT('home', `  target: { account: "${HOME}", region: us-east-1 }\n`, 'everywhere'),
      ].join(''),
    );
    const out = await run(emu, dir, ['apply', '--auto-approve']);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(await projectStatus(emu, 'home')).toBe('ACTIVE/SUCCESSFUL');
  });

  it('an account in a pool that is not associated, or lacks the blueprint in the pool regions: warned at plan', async () => {
    const pool = `${header('AccountPool', 'bu-pool')}spec:
  accounts:
    - { id: "${BU}", regions: [us-east-1, eu-west-1] }
    - { id: "999988887777", regions: [us-east-1] }
${header('ProjectProfile', 'pooled')}spec:
  status: ENABLED
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [bu-pool] } }
`;
    const dir = writeManifests([DOMAIN(), ASSOCIATION(), TOOLING(), pool].join(''));
    await expect(await plan(dir, 2)).toMatchFileSnapshot('__golden__/pool-not-ready.txt');
  });
});
