/**
 * Acceptance (issue 8, 4): a Policy violation. An error-severity rule makes `validate` exit 1 and
 * points at the offending line of the offending file (text and GitHub annotation formats), and
 * `plan` stops before reading anything live; a warning-severity rule lets the plan through and
 * the Markdown plan lists the violation in its notes (make-plan puts load warnings there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { cli, manifestDir, startFastEmulator } from './support.js';

const policy = (severity: 'error' | 'warning') => `apiVersion: smus-gitops/v1alpha1
kind: Policy
metadata:
  name: baseline
spec:
  rules:
    - id: studio-vpc-only
      kinds: [StudioDomain]
      severity: ${severity}
      message: Studio domains must keep traffic inside the VPC
      assert:
        type: object
        properties:
          spec:
            type: object
            properties:
              appNetworkAccessType: { const: VpcOnly }
`;

// Line 9 holds the offending value: the diagnostic must point there, not at the document.
const STUDIO = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata:
  name: open-studio
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a1b2c
  appNetworkAccessType: PublicInternetOnly
  subnetIds: [subnet-1]
  defaultUserSettings:
    executionRole: arn:aws:iam::111122223333:role/StudioExecution
`;
const OFFENDING_LINE = 9;

describe('policy violations', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('makes validate exit 1 at the offending line', async () => {
    const dir = manifestDir({ 'policy.yaml': policy('error'), 'studio.yaml': STUDIO });
    const text = await cli(emu, ['validate', '.'], dir);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`studio\\.yaml:${OFFENDING_LINE}:\\d+`));
    expect(text.stdout).toContain('SG400');
    expect(text.stdout).toContain(
      'policy baseline/studio-vpc-only: Studio domains must keep traffic inside the VPC',
    );

    const github = await cli(emu, ['validate', '.', '--format', 'github'], dir);
    expect(github.exitCode).toBe(1);
    expect(github.stdout).toMatch(new RegExp(`::error file=[^,]*studio\\.yaml,line=${OFFENDING_LINE}\\b`));
  });

  it('stops plan before any AWS call', async () => {
    const dir = manifestDir({ 'policy.yaml': policy('error'), 'studio.yaml': STUDIO });
    emu.emulator.control.resetStats();
    const run = await cli(emu, ['plan', dir]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('policy baseline/studio-vpc-only');
    expect(emu.emulator.control.stats().total).toBe(0);
  });

  it('lists a warning-severity violation in the Markdown plan', async () => {
    const dir = manifestDir({ 'policy.yaml': policy('warning'), 'studio.yaml': STUDIO });
    const validate = await cli(emu, ['validate', '.'], dir);
    expect(validate.exitCode).toBe(0);
    const run = await cli(emu, ['plan', dir, '--format', 'markdown']);
    expect(run.exitCode).toBe(0);
    // The Markdown escapes punctuation (`studio\-vpc\-only`); read it as rendered.
    const notes = run.stdout
      .slice(run.stdout.indexOf('### Notes'), run.stdout.indexOf('### Changes'))
      .replace(/\\(.)/g, '$1');
    expect(run.stdout).toContain('### Notes');
    expect(notes).toContain('SG400');
    expect(notes).toContain(
      'policy baseline/studio-vpc-only: Studio domains must keep traffic inside the VPC',
    );
    expect(notes).toMatch(new RegExp(`studio\\.yaml:${OFFENDING_LINE}:\\d+`));
  });
});
