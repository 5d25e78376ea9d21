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

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startEmulatorWithUsers();
});
afterEach(() => emu.close());

const ORG = (p1 = 'first') =>
  [
    DOMAIN(),
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

describe('plan --changed-since', () => {
  it('one project edited: plans that project alone, reading only it and its references', async () => {
    const dir = await appliedRepo(ORG());
    edit(dir, ORG('edited'));
    const out = await counted(emu, dir, ['plan', '--changed-since', 'main', '--detailed-exitcode']);
    expect(out.stderr).toBe('');
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
});
