/** `validate` on the example organisation: exit 0 and the summary of documents per kind. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('validate manifests-example', () => {
  it('exits 0 and prints the summary', async () => {
    const run = await runCli(['validate', 'manifests-example']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      '54 documents in 27 files (1 Domain, 3 DomainUnit, 7 AccountAssociation, 18 BlueprintConfiguration, 5 AccountPool, 5 ProjectProfile, 4 Project, 1 Glossary, 1 FormType, 1 MetadataRule, 2 StudioDomain, 2 StudioUserProfile, 1 Policy, 1 PolicyGrant, 2 GlossaryTerm): 0 errors, 0 warnings\n',
    );
  });

  it('prints a versioned JSON report', async () => {
    const run = await runCli(['validate', 'manifests-example', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { formatVersion: number; valid: boolean; files: number };
    expect(report).toMatchObject({ formatVersion: 1, valid: true, files: 27 });
  });

  it('exits 1 naming a path that does not exist', async () => {
    const run = await runCli(['validate', 'no-such-dir']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('error  SG100  cannot read no-such-dir: no such file or directory');
  });
});
