/** The reviewed base's protections, read from its manifest texts (plan/base-protection.ts), pure. */
import { describe, expect, it } from 'vitest';
import { protectedAtBase, readBaseProtection } from '../../src/plan/base-protection.js';

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  reconcile:
    protect:
      - "AccountPool/keep-*"
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata:
  name: payroll
  domain: corp
lifecycle:
  protect: true
spec: {}
`;

const POLICY = `apiVersion: smus-gitops/v1alpha1
kind: Policy
metadata:
  name: studio
spec:
  reconcile:
    studioDomains:
      protect: ["StudioDomain/finance-*"]
`;

describe('readBaseProtection', () => {
  const base = readBaseProtection('origin/main', [
    { path: 'm/corp.yaml', text: DOMAIN },
    { path: 'm/policy.yaml', text: POLICY },
    { path: 'm/broken.yaml', text: 'kind: [unclosed' },
  ]);

  it('locates each protection at the line that grants it', () => {
    expect(protectedAtBase(base, { kind: 'AccountPool', domain: 'corp', name: 'keep-hr' })).toBe(
      'm/corp.yaml:9',
    );
    expect(protectedAtBase(base, { kind: 'Project', domain: 'corp', name: 'payroll' })).toBe(
      'm/corp.yaml:17',
    );
    expect(protectedAtBase(base, { kind: 'StudioDomain', name: 'finance-eu', region: 'eu-west-1' })).toBe(
      'm/policy.yaml:8',
    );
  });

  it('protects nothing else: other names, other domains, unreadable files', () => {
    expect(protectedAtBase(base, { kind: 'AccountPool', domain: 'corp', name: 'scratch' })).toBeUndefined();
    expect(protectedAtBase(base, { kind: 'AccountPool', domain: 'other', name: 'keep-hr' })).toBeUndefined();
    expect(protectedAtBase(base, { kind: 'Project', domain: 'corp', name: 'sandbox' })).toBeUndefined();
  });
});
