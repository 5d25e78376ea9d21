/**
 * The scoped read starts its lookups by name beside GetDomain (they need only the id ListDomains
 * gave): what they find is used only once the domain's own read succeeded, and their failures
 * count only then, so a domain gone between its list and its Get cannot make the plan fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/emulator/server.js';
import type { TestEmulator } from '../helpers/emulator.js';
import {
  DOMAIN,
  ASSOCIATION,
  TOOLING,
  FIXED_PROFILE,
  PROJECT,
  run,
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

const ORG = (p1: string) =>
  [DOMAIN(''), ASSOCIATION(), TOOLING(), FIXED_PROFILE(), PROJECT('p1', `  description: ${p1}\n`)].join('');

/** What the plan prints when GetDomain answers not-found twice: the domain's failure alone. */
const GET_DOMAIN_FAILED = [
  'smus-gitops: GetDomain failed for domain d1 (<id>): listed, but its Get answered not-found twice: the read is inconsistent',
  'smus-gitops: live state could not be read completely; no plan was made',
  '',
].join('\n');

/** Applies the org, edits p1's description, and plans `--changed-since main` under `faults`. */
async function planEditUnder(faults: FaultSpec[]): Promise<Awaited<ReturnType<typeof counted>>> {
  const dir = repoWith(ORG('first'));
  const applied = await run(emu, dir, ['apply', '--auto-approve']);
  expect(applied.exitCode).toBe(0);
  edit(dir, ORG('edited'));
  emu.emulator.control.setFaults(faults);
  return counted(emu, dir, ['plan', '--changed-since', 'main', '--detailed-exitcode']);
}

describe('scoped read: lookups by name beside GetDomain', () => {
  it('the project lookups are made even when GetDomain fails, and their answers are not used', async () => {
    // The domain answers its list but not its Get; the project lookup (made beside it) fails too.
    const out = await planEditUnder([
      { operation: 'GetDomain', notFoundPct: 100 },
      { operation: 'ListProjects', notFoundPct: 100 },
    ]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    // Only the domain's own failure is reported: the lookup's was never used.
    expect(out.stderr.replace(/\(dzd_\w+\)/, '(<id>)')).toBe(GET_DOMAIN_FAILED);
    // The lookup was made before GetDomain answered: without the early start it would not be.
    expect(tally(out.operations)).toEqual([
      'datazone.GetDomain ×2',
      'datazone.ListDomains ×1',
      'datazone.ListProjectProfiles ×1',
      'datazone.ListProjects ×1',
      'datazone.ListTagsForResource ×1',
      'sts.GetCallerIdentity ×1',
    ]);
  }, 180_000);

  it('the found project is read on its lookup, before GetDomain: when GetDomain fails, that read finishes unused', async () => {
    const out = await planEditUnder([{ operation: 'GetDomain', notFoundPct: 100 }]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.replace(/\(dzd_\w+\)/, '(<id>)')).toBe(GET_DOMAIN_FAILED);
    // The project's Get and memberships went out on the lookup's answer, without waiting for the
    // domain; released, the read finishes (its member, the creator, looked up) before the run
    // ends, and only the domain's failure is reported.
    expect(tally(out.operations)).toEqual([
      'datazone.GetDomain ×2',
      'datazone.GetProject ×1',
      'datazone.GetUserProfile ×1',
      'datazone.ListDomains ×1',
      'datazone.ListProjectMemberships ×1',
      'datazone.ListProjectProfiles ×1',
      'datazone.ListProjects ×1',
      'datazone.ListTagsForResource ×1',
      'sts.GetCallerIdentity ×1',
    ]);
  }, 180_000);
});
