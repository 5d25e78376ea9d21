/** Hand-built plans for the renderer goldens: literal values, independent of the planner. */
import type { Plan, SavedPlan } from '../../src/plan/types.js';

/** Every action, every reason a change can have, and one refusal of each reason; saved form. */
export const FULL_PLAN: SavedPlan = {
  formatVersion: 1,
  summary: { create: 2, update: 1, replace: 2, delete: 2, noop: 2, unmanaged: 1 },
  changes: [
    {
      address: { kind: 'Domain', name: 'corp-data', region: 'us-east-1' },
      action: 'noop',
      reason: 'in-sync',
      fields: [],
      id: 'dzd_abc123',
      dependsOn: [],
    },
    {
      address: { kind: 'DomainUnit', domain: 'corp-data', name: 'HR/Benefits' },
      action: 'create',
      reason: 'missing',
      fields: [
        { path: '/description', after: 'Benefits team' },
        { path: '/parentId', after: '(known after apply)' },
      ],
      dependsOn: ['Domain/corp-data'],
    },
    {
      address: {
        kind: 'BlueprintConfiguration',
        domain: 'corp-data',
        name: 'Tooling',
        account: '444455556666',
      },
      action: 'update',
      reason: 'drifted',
      id: 'bpc-1',
      fields: [
        { path: '/enabledRegions', before: ['us-east-1'], after: ['eu-west-1', 'us-east-1'] },
        { path: '/regionalParameters/us-east-1/VpcId', before: 'vpc-1', after: 'vpc-2' },
        { path: '/manageAccessRole', before: 'arn:aws:iam::444455556666:role/old' },
        { path: '/provisioningRole', after: 'arn:aws:iam::444455556666:role/provisioning' },
      ],
      dependsOn: ['Domain/corp-data'],
    },
    {
      address: { kind: 'StudioDomain', name: 'ml-studio', region: 'eu-west-1' },
      action: 'replace',
      reason: 'immutable-field',
      id: 'd-xyz',
      forcedBy: ['/vpcId', '/authMode'],
      fields: [
        { path: '/authMode', before: 'IAM', after: 'SSO' },
        { path: '/vpcId', before: 'vpc-aaa', after: 'vpc-bbb' },
        { path: '/tags', before: { team: 'ml', cost: 'x' }, after: { cost: 'y', team: 'ml' } },
      ],
      dependsOn: [],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'hr-analytics' },
      action: 'replace',
      reason: 'parent-replaced',
      id: 'prj-1',
      fields: [
        { path: '/profileId', before: 'pp-1', after: '(known after apply)' },
        // Member keys are JSON-pointer escaped in the plan (`/` as ~1, `~` as ~0); people read them unescaped.
        {
          path: '/members/user:arn:aws:iam::111122223333:role~1Mallory',
          after: {
            designation: 'PROJECT_CONTRIBUTOR',
            member: 'user:arn:aws:iam::111122223333:role/Mallory',
          },
        },
        {
          path: '/members/group:hr~0analysts~01/designation',
          before: 'PROJECT_OWNER',
          after: 'PROJECT_CONTRIBUTOR',
        },
      ],
      dependsOn: ['ProjectProfile/corp-data/analytics'],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'sarah-hr' },
      action: 'create',
      reason: 'missing',
      fields: [
        {
          path: '',
          after: {
            description: 'x'.repeat(300),
            members: [{ user: 'sarah', designation: 'PROJECT_OWNER' }],
            region: 'us-east-1',
          },
        },
      ],
      dependsOn: ['ProjectProfile/corp-data/analytics'],
    },
    {
      address: { kind: 'AccountPool', domain: 'corp-data', name: 'legacy' },
      action: 'delete',
      reason: 'tombstone',
      id: 'pool-9',
      fields: [{ path: '/accounts', before: ['111111111111', '222222222222'] }],
      dependsOn: [],
    },
    {
      address: { kind: 'DomainUnit', domain: 'corp-data', name: 'Old' },
      action: 'delete',
      reason: 'prune',
      id: 'du-old',
      fields: [],
      dependsOn: [],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'gone' },
      action: 'noop',
      reason: 'absent',
      fields: [],
      dependsOn: [],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'side-project' },
      action: 'unmanaged',
      reason: 'not-declared',
      id: 'prj-side',
      fields: [],
      dependsOn: [],
    },
  ],
  refused: [
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'hr-analytics' },
      reason: 'protected',
      detail: 'replace of a protected resource (matches protect glob Project/hr-*)',
    },
    {
      address: { kind: 'DomainUnit', domain: 'corp-data', name: 'Old' },
      reason: 'max-deletes',
      detail: '7 deletes planned, reconcile.maxDeletes is 5',
    },
    {
      address: { kind: 'AccountPool', domain: 'corp-data', name: 'shared' },
      reason: 'ambiguous',
      detail: 'two live account pools are named shared: pool-1, pool-2',
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'side-project' },
      reason: 'incomplete-observation',
      detail: 'ListProjects failed (ThrottlingException); no delete is planned',
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'sarah-hr' },
      reason: 'unresolved-reference',
      detail: 'project profile analytics-v2 does not exist',
    },
  ],
  notes: ['Domain corp-data: singleSignOn.userAssignment is write-only and is not compared.'],
  fingerprint: 'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  toolVersion: '0.1.0',
  manifestsDigest: 'sha256:aaaa',
  live: [
    {
      key: 'Domain/corp-data',
      id: 'dzd_abc123',
      lastUpdatedAt: '2024-05-01T10:00:00.000Z',
      hash: 'sha256:d1',
    },
    { key: 'StudioDomain/eu-west-1/ml-studio', id: 'd-xyz', hash: 'sha256:s1' },
  ],
};

/** Nothing to do: everything in sync or already gone. */
export const EMPTY_PLAN: Plan = {
  formatVersion: 1,
  summary: { create: 0, update: 0, replace: 0, delete: 0, noop: 3, unmanaged: 0 },
  changes: [
    {
      address: { kind: 'Domain', name: 'corp-data', region: 'us-east-1' },
      action: 'noop',
      reason: 'in-sync',
      fields: [],
      id: 'dzd_abc123',
      dependsOn: [],
    },
    {
      address: { kind: 'DomainUnit', domain: 'corp-data', name: 'HR' },
      action: 'noop',
      reason: 'in-sync',
      fields: [],
      id: 'du-hr',
      dependsOn: ['Domain/corp-data'],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'old' },
      action: 'noop',
      reason: 'absent',
      fields: [],
      dependsOn: [],
    },
  ],
  refused: [],
  notes: [],
  fingerprint: 'sha256:empty',
};

/** Nothing to do, but one resource could not be read: it must not read as in sync. */
export const UNREAD_PLAN: Plan = {
  formatVersion: 1,
  summary: { create: 0, update: 0, replace: 0, delete: 0, noop: 2, unmanaged: 0 },
  changes: [
    {
      address: { kind: 'Domain', name: 'corp-data', region: 'us-east-1' },
      action: 'noop',
      reason: 'in-sync',
      fields: [],
      id: 'dzd_abc123',
      dependsOn: [],
    },
    {
      address: { kind: 'Project', domain: 'corp-data', name: 'hr-analytics' },
      action: 'noop',
      reason: 'unread',
      fields: [],
      id: 'prj-1',
      dependsOn: [],
    },
  ],
  refused: [],
  notes: [],
  fingerprint: 'sha256:unread',
};

/** A name or description can contain anything; none of it may break out of its place. */
const HOSTILE_NAME = 'a|b`c``d</details><script>alert(1)</script>&amp;\n# heading';

/** User text with pipes, backticks, HTML, newlines, ANSI escapes, bidi overrides and multi-byte text. */
export const HOSTILE_PLAN: Plan = {
  formatVersion: 1,
  summary: { create: 1, update: 1, replace: 0, delete: 0, noop: 0, unmanaged: 1 },
  changes: [
    {
      address: { kind: 'Project', domain: 'corp|data`', name: HOSTILE_NAME },
      action: 'create',
      reason: 'missing',
      fields: [
        { path: '/description', after: 'Équipe RH — données 📊 | `code` <b>bold</b>\r\nline two' },
        { path: '/glossary/```', after: '```\n</details>\n```' },
      ],
      dependsOn: [],
    },
    {
      address: { kind: 'DomainUnit', domain: 'corp-data', name: ' `edge` ' },
      action: 'update',
      reason: 'drifted',
      id: 'id|with`pipe',
      fields: [{ path: '/description', before: '\u001b[31mred\u001b[0m', after: 'safe \u202egnp.exe' }],
      dependsOn: [],
    },
    {
      address: {
        kind: 'Project',
        domain: 'corp-data',
        name: '[link](https://evil.example) @octocat *bold* _x_',
      },
      action: 'unmanaged',
      reason: 'not-declared',
      fields: [],
      dependsOn: [],
    },
  ],
  refused: [
    {
      address: { kind: 'Project', domain: 'corp|data`', name: HOSTILE_NAME },
      reason: 'unresolved-reference',
      detail: 'profile "<img src=x onerror=alert(1)>" | not found\n- injected list item',
    },
  ],
  notes: ['Note with `ticks`, <tags>, | pipes | and 1. a list start, 日本語 and 😀.'],
  fingerprint: 'sha256:hostile',
};
