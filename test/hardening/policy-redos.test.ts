/**
 * Issue 19.10: a Policy `pattern` is user input run against every matching document. On the
 * JavaScript engine `^(a+)+$` against a 41-character description backtracked for 97 s; patterns
 * now run on RE2 semantics (linear time), and a pattern RE2 cannot run is a located SG401.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const policy = (pattern: string) => `apiVersion: smus-gitops/v1alpha1
kind: Policy
metadata:
  name: baseline
spec:
  rules:
    - id: unit-description
      kinds: [DomainUnit]
      assert:
        properties:
          spec:
            properties:
              description: { pattern: '${pattern}' }
`;

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/Exec
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata:
  name: HR
  domain: corp
spec:
  description: ${'a'.repeat(40)}!
`;

function dir(pattern: string): string {
  const d = mkdtempSync(join(tmpdir(), 'smus-redos-'));
  writeFileSync(join(d, 'policy.yaml'), policy(pattern));
  writeFileSync(join(d, 'domain.yaml'), DOMAIN);
  return d;
}

describe('Policy patterns run in linear time', () => {
  it('evaluates the catastrophic-backtracking pattern at once and reports the violation', async () => {
    const run = await runCli(['validate', '.'], { cwd: dir('^(a+)+$') });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/domain\.yaml:\d+:\d+ +error +SG400 +policy baseline\/unit-description: /);
  });

  it('refuses, located, a pattern RE2 cannot run (a backreference)', async () => {
    const run = await runCli(['validate', '.'], { cwd: dir('^(a)\\1$') });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /policy\.yaml:\d+:\d+ +error +SG401 +rule "unit-description": assert is not a valid JSON Schema/,
    );
  });

  it('still accepts a matching value', async () => {
    const run = await runCli(['validate', '.'], { cwd: dir('^a+!$') });
    expect(run.stdout).not.toContain('SG40');
    expect(run.exitCode).toBe(0);
  });
});
