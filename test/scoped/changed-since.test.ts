/**
 * Issue 18: `plan --changed-since REF` reads only what the changed documents need, says so in its
 * header, and never decides a delete on what it did not read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import {
  DOMAIN,
  ASSOCIATION,
  TOOLING,
  FIXED_PROFILE,
  PROJECT,
  run,
  stable,
  startEmulatorWithUsers,
} from '../truthful/support.js';
import { counted, edit, repoWith, tally } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startEmulatorWithUsers();
});
afterEach(() => emu.close());

const PRUNE = '  reconcile: { prune: [ProjectProfile] }\n';

const ORG = (p1 = 'first', domain = '') =>
  [
    DOMAIN(domain),
    ASSOCIATION(),
    TOOLING(),
    FIXED_PROFILE(),
    PROJECT('p1', `  description: ${p1}\n`),
    PROJECT('p2', '  description: second\n'),
  ].join('');

async function appliedRepo(text: string): Promise<string> {
  const dir = repoWith(text);
  const out = await run(emu, dir, ['apply', '--auto-approve']);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  return dir;
}

/**
 * Applies `base` in a fresh repository (committed as main), writes `edited` over it (uncommitted;
 * none: nothing changed), and plans `--changed-since main --detailed-exitcode`, counting every
 * request; the plan writes nothing to stderr.
 */
async function planSinceMain(base: string, edited?: string) {
  const dir = await appliedRepo(base);
  if (edited !== undefined) edit(dir, edited);
  const out = await counted(emu, dir, ['plan', '--changed-since', 'main', '--detailed-exitcode']);
  expect(out.stderr).toBe('');
  return out;
}

/** What a scoped plan reads to judge a profile's delete: the profile fully, every project of the domain. */
const PROFILE_DELETE_READS = [
  'datazone.GetDomain ×1',
  'datazone.GetProject ×2',
  'datazone.GetProjectProfile ×1',
  'datazone.ListAccountPools ×1',
  'datazone.ListDomains ×1',
  'datazone.ListEnvironmentBlueprints ×1',
  'datazone.ListProjectProfiles ×1',
  'datazone.ListProjects ×1',
  'datazone.ListTagsForResource ×1',
  'sts.GetCallerIdentity ×1',
];

/**
 * The exact scoped plan of the profile `fixed`'s delete, refused while p1 and p2 (removed from
 * the manifests, so unmanaged) still use it: `declared` resources in the manifests, the
 * refusal located at `location`.
 */
function refusedProfileDelete(declared: number, location: string): string {
  return [
    'Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 0 unchanged, 0 unmanaged',
    `Scoped: 2 of ${declared} declared resources read, and every Project of domain d1 listed for what a delete would leave in use (--changed-since main); unmanaged and prune not evaluated`,
    '',
    '  - ProjectProfile/fixed (domain d1)  id: <id>',
    '      will be deleted because its manifest sets lifecycle.ensure: absent',
    '      /allowCustomProjectResourceTags: false',
    '      /environments: [{"blueprint":"Tooling","deploymentMode":"ON_CREATE","name":"Tooling","parameters":[{"editable":false,"name":"idleTimeoutInMinutes","value":"60"},{"editable":true,"name":"maxInstances","value":"2"}],"… (57 more characters)',
    '      /status: "ENABLED"',
    '',
    'Refused: 1 change blocked by safety rules; apply will not run.',
    `  - ProjectProfile/fixed (domain d1)  ${location}`,
    '      still in use: ProjectProfile/fixed is still used by Project/p1, Project/p2; delete or move them first (DataZone refuses the delete)',
    '',
    'Notes:',
    '  - Project/p1 was removed from the manifests since main; its kind is not pruned, so it is left as it is (unmanaged)',
    '  - Project/p2 was removed from the manifests since main; its kind is not pruned, so it is left as it is (unmanaged)',
    '',
  ].join('\n');
}

describe('plan --changed-since', () => {
  it('one project edited: plans that project alone, reading only it and its references', async () => {
    const out = await planSinceMain(ORG(), ORG('edited'));
    expect(stable(out.stdout)).toBe(
      [
        'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged',
        'Scoped: 3 of 6 declared resources read (--changed-since main); unmanaged and prune not evaluated',
        '',
        '  ~ Project/p1 (domain d1)  id: <id>',
        '      will be updated in place because live fields differ from the manifest',
        '      /description: "first" → "edited"',
        '',
      ].join('\n'),
    );
    // Nine calls, whatever the size of the domain: no list of the whole domain, no other project.
    expect(tally(out.operations)).toEqual([
      'datazone.GetDomain ×1',
      'datazone.GetProject ×1',
      'datazone.GetUserProfile ×1',
      'datazone.ListDomains ×1',
      'datazone.ListProjectMemberships ×1',
      'datazone.ListProjectProfiles ×1',
      'datazone.ListProjects ×1',
      'datazone.ListTagsForResource ×1',
      'sts.GetCallerIdentity ×1',
    ]);
  });

  it('a profile deleted while a live project uses it: every project is listed, read, and the delete refused', async () => {
    // The profile becomes a tombstone; the projects' manifests go (they are left unmanaged).
    const out = await planSinceMain(
      ORG(),
      [
        DOMAIN(),
        ASSOCIATION(),
        TOOLING(),
        '---\napiVersion: smus-gitops/v1alpha1\nkind: ProjectProfile\nmetadata: { name: "fixed", domain: d1 }\nlifecycle: { ensure: absent }\n',
      ].join(''),
    );
    expect(out.exitCode).toBe(3);
    expect(stable(out.stdout)).toBe(refusedProfileDelete(4, 'all.yaml:29:13'));
    expect(tally(out.operations)).toEqual(PROFILE_DELETE_READS);
  });

  it('a removed document of a pruned kind is a delete judged like a tombstone; of another kind, a note', async () => {
    const out = await planSinceMain(ORG('first', PRUNE), [DOMAIN(PRUNE), ASSOCIATION(), TOOLING()].join(''));
    expect(out.exitCode).toBe(3);
    expect(stable(out.stdout)).toBe(refusedProfileDelete(3, 'main:all.yaml:30:13'));
    expect(tally(out.operations)).toEqual(PROFILE_DELETE_READS);
  });

  it('no document changed: No changes, said to be scoped, and nothing of the domain read', async () => {
    const out = await planSinceMain(ORG());
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(
      'No changes. Live state matches the manifests.\nScoped: 0 of 6 declared resources read (--changed-since main); unmanaged and prune not evaluated\n',
    );
    expect(tally(out.operations)).toEqual(['sts.GetCallerIdentity ×1']);
  });

  it('a ref git cannot resolve: a clear configuration error, exit 1, nothing read', async () => {
    const dir = await appliedRepo(ORG());
    const out = await counted(emu, dir, ['plan', '--changed-since', 'origin/nope']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'smus-gitops: --changed-since origin/nope: git cannot resolve it to a commit (fatal: Needed a single revision); fetch the base first (e.g. git fetch origin main)\n',
    );
    expect(out.operations).toEqual([]);
  });

  it('JSON and Markdown carry the scope; apply --plan of a scoped saved plan re-plans with the same scope', async () => {
    const dir = await appliedRepo(ORG());
    edit(dir, ORG('edited'));
    const json = await run(emu, dir, [
      'plan',
      '--changed-since',
      'main',
      '--format',
      'json',
      '--out',
      'plan.json',
    ]);
    expect(json.stderr).toBe('');
    const value = JSON.parse(json.stdout) as {
      scope?: string;
      changedSince?: { ref: string; commit: string };
    };
    expect(value.scope).toBe(
      '3 of 6 declared resources read (--changed-since main); unmanaged and prune not evaluated',
    );
    expect(value.changedSince?.ref).toBe('main');
    const markdown = await run(emu, dir, ['plan', '--changed-since', 'main', '--format', 'markdown']);
    expect(markdown.stdout).toContain(
      '**Scoped:** 3 of 6 declared resources read \\(\\-\\-changed\\-since main\\); unmanaged and prune not evaluated',
    );
    const applied = await counted(emu, dir, ['apply', '--plan', 'plan.json', '--auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    // The fresh plan apply re-derives is as scoped as the saved one: only p1 and its references.
    expect(new Set(applied.operations)).toEqual(
      new Set([
        'sts.GetCallerIdentity',
        'datazone.ListDomains',
        'datazone.GetDomain',
        'datazone.ListTagsForResource',
        'datazone.ListProjectProfiles',
        'datazone.ListProjects',
        'datazone.GetProject',
        'datazone.ListProjectMemberships',
        'datazone.GetUserProfile',
        'datazone.UpdateProject',
      ]),
    );
    const after = await run(emu, dir, ['plan', '--detailed-exitcode']);
    expect(after.stdout).toBe('No changes. Live state matches the manifests.\n');
  });

  it('drift ignores --changed-since and says so: the scheduled run reads everything', async () => {
    const dir = await appliedRepo(ORG());
    edit(dir, ORG('edited'));
    const out = await counted(emu, dir, ['drift', '--changed-since', 'main']);
    expect(out.stderr).toBe(
      'smus-gitops: drift ignores --changed-since main: a drift run always reads every declared resource\n',
    );
    // The whole domain was read: the other project too.
    expect(out.operations.filter((o) => o === 'datazone.GetProject')).toHaveLength(2);
    expect(out.exitCode).toBe(2);
  });

  it('with --domain: two different scopes, refused before anything is read', async () => {
    const dir = repoWith(ORG());
    const out = await counted(emu, dir, ['plan', '--changed-since', 'main', '--domain', 'd1']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(
      'smus-gitops: --changed-since and --domain/--studio are different scopes; give one of them\n',
    );
    expect(out.operations).toEqual([]);
  });
});
