/**
 * Acceptance (6): the tool's policy allows every SDK call the tool really sends. One emulator
 * serves a representative end-to-end run through the CLI: apply the example organisation (RAM
 * shares, an external account's invitation, blueprint configurations through assumed roles, a
 * Lambda account pool, projects with members, two Studio domains), plan and drift (read-only),
 * an out-of-band change corrected by apply, an update of every kind with a StudioDomain update
 * and a StudioDomain replace, a prune, and a tombstone of every kind. The emulator counts each
 * request by `service.Operation`; its counters are reset before every tool run and read right
 * after it, so the test's own SDK calls (made between runs) are never counted.
 *
 * Also a static check: every `new XxxCommand(` in src/ (the emulator aside) has a table row, and
 * every row is still called somewhere.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddTagsCommand, ListDomainsCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOperation, IAM_OPERATIONS } from '../../src/iam/operations.js';
import { BULK_PROFILES_FROM } from '../../src/live/members.js';
import { generateBenchOrg } from '../../bench/org.js';
import { allowedActions, buildToolPolicy } from '../../src/iam/tool-policy.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator, CLI_ENV, EXAMPLE_BEHAVIOUR } from '../helpers/emulator.js';
import { exampleManifests, find, writeManifests, type ManifestObject } from './manifest-edits.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ENV = CLI_ENV;
const ACCOUNTS = { account: '111122223333', domainAccount: '111122223333' };

/** `service.Operation` keys the tool sent, all runs together and the read-only runs alone. */
const sent = new Set<string>();
const sentReadOnly = new Set<string>();
let emu: TestEmulator;

async function tool(argv: string[], exit: number, readOnly = false): Promise<void> {
  emu.emulator.control.resetStats();
  const run = await runCli([...argv, '--endpoint-url', emu.endpoint], { env: ENV });
  expect(run.exitCode, `${argv.join(' ')}\n${run.stderr}\n${run.stdout.slice(-4000)}`).toBe(exit);
  for (const key of Object.keys(emu.emulator.control.stats().operations)) {
    sent.add(key);
    if (readOnly) sentReadOnly.add(key);
  }
}

/** Applies `docs`; with `replan`, plans them again (read-only) and expects no changes. */
async function applyDocs(docs: ManifestObject[], extra: string[] = [], replan = false): Promise<void> {
  const { dir, dispose } = writeManifests(docs);
  try {
    await tool(['apply', dir, '--auto-approve', ...extra], 0);
    if (replan) await tool(['plan', dir, '--detailed-exitcode'], 0, true);
  } finally {
    dispose();
  }
}

function updated(docs: ManifestObject[]): ManifestObject[] {
  const next = structuredClone(docs);
  for (const d of next) {
    if (
      [
        'Domain',
        'DomainUnit',
        'AccountPool',
        'ProjectProfile',
        'Project',
        'Glossary',
        'FormType',
        'MetadataRule',
      ].includes(d.kind)
    )
      d.spec['description'] = `${String(d.spec['description'] ?? '')} (edited)`;
  }
  const domain = find(next, 'Domain', 'corp-data');
  domain.spec['tags'] = { 'cost-center': 'data-platform', owner: 'data-office', tier: 'gold' };
  const project = find(next, 'Project', 'hr-analytics');
  // The group leaves (DeleteProjectMembership), another joins (CreateProjectMembership: members
  // declared at creation join through CreateProject itself).
  project.spec['members'] = [
    ...(project.spec['members'] as { user?: string }[]).filter((m) => m.user),
    { group: 'hr-leads', designation: 'PROJECT_CONTRIBUTOR' },
  ];
  // An owner leaves the HR unit (RemoveEntityOwner); the group stays its owner.
  const hr = find(next, 'DomainUnit', 'HR');
  hr.spec['owners'] = (hr.spec['owners'] as { group?: string }[]).filter((o) => o.group);
  find(next, 'AccountAssociation', '444455556666').spec['access'] = 'api'; // moves to the api share
  // A grant's detail cannot change in place: RemovePolicyGrant, then AddPolicyGrant.
  find(next, 'PolicyGrant', 'hr-creates-projects').spec['includeChildDomainUnits'] = true;
  const finance = find(next, 'StudioDomain', 'finance-studio');
  finance.spec['defaultUserSettings'] = {
    ...(finance.spec['defaultUserSettings'] as object),
    securityGroups: ['sg-0f1e2d3c4b5a60001', 'sg-0f1e2d3c4b5a60009'],
  };
  finance.spec['tags'] = { 'cost-center': 'finance', owner: 'finance-ml-platform', tier: 'gold' };
  // A user's execution role changes in place (UpdateUserProfile).
  find(next, 'StudioUserProfile', 'finance-analyst').spec['userSettings'] = {
    executionRole: 'arn:aws:iam::111122223333:role/FinanceAnalystExecution',
  };
  // An immutable field: the replace deletes the domain and creates it again.
  find(next, 'StudioDomain', 'sustainability-research').spec['kmsKeyId'] =
    'arn:aws:kms:us-east-1:111122223333:key/4d5e6f70-3333-4c4d-9e5f-2c3d4e5f6071';
  return next;
}

function tombstoned(docs: ManifestObject[], domainToo: boolean): ManifestObject[] {
  const next = structuredClone(docs);
  for (const d of next) {
    if (d.kind === 'Policy' || (d.kind === 'Domain' && !domainToo)) continue;
    d.lifecycle = { protect: false, ensure: 'absent' };
  }
  const domain = find(next, 'Domain', 'corp-data');
  domain.spec['reconcile'] = { prune: ['AccountPool', 'ProjectProfile'], protect: [], maxDeletes: 1000 };
  return next;
}

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
  const example = exampleManifests();
  await applyDocs(example, [], true);
  await tool(['drift', 'manifests-example'], 0, true);

  // Out of band (the test's own call, not counted): a tag the manifests do not have.
  const sm = emu.sageMaker();
  const listed = await sm.send(new ListDomainsCommand({}));
  const arn = listed.Domains?.find((d) => d.DomainName === 'finance-studio')?.DomainArn;
  await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'rogue', Value: 'yes' }] }));
  sm.destroy();
  await tool(['drift', 'manifests-example'], 2, true);

  const edited = updated(example);
  await applyDocs(edited, ['--allow-replace'], true);
  // Prune: two documents of pruned kinds disappear from the repository.
  const pruned = edited.filter(
    (d) =>
      !(d.kind === 'AccountPool' && d.metadata.name === 'authorized-accounts-pool') &&
      !(d.kind === 'ProjectProfile' && d.metadata.name === 'Production Analytics'),
  );
  // ...and the domain loses the tag it gained (UntagResource).
  find(pruned, 'Domain', 'corp-data').spec['tags'] = { 'cost-center': 'data-platform', owner: 'data-office' };
  await applyDocs(pruned);
  // The domain goes in a run of its own: deleted together with its contents, its delete is not
  // ordered after theirs today (reported to the lead), and the order is not what this test is about.
  await applyDocs(tombstoned(pruned, false));
  await applyDocs(tombstoned(pruned, true));

  // A domain large enough that plan lists member profiles in bulk (SearchUserProfiles/-Group).
  const dir = mkdtempSync(join(tmpdir(), 'smus-iam-bulk-'));
  try {
    const size = {
      units: 1,
      associations: 1,
      pools: 1,
      accountsPerPool: 1,
      profiles: 1,
      membersPerProject: 1,
    };
    writeFileSync(join(dir, 'org.yaml'), generateBenchOrg(3, { ...size, projects: BULK_PROFILES_FROM }));
    await tool(['apply', dir, '--auto-approve'], 0);
    await tool(['plan', dir, '--detailed-exitcode'], 0, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

describe('the SDK calls of an end-to-end run', () => {
  it('are each a row of the operation table', () => {
    const unknown = [...sent].filter((key) => {
      const [service = '', operation = ''] = key.split('.');
      return !findOperation(service, operation);
    });
    expect(unknown).toEqual([]);
  });

  it('are all allowed by iam-policy --mode apply', () => {
    const allowed = allowedActions(buildToolPolicy('apply', ACCOUNTS));
    const missing = [...sent].flatMap((key) => {
      const [service = '', operation = ''] = key.split('.');
      return (findOperation(service, operation)?.actions ?? []).filter((a) => !allowed.has(a));
    });
    expect(missing).toEqual([]);
  });

  it('of plan and drift are all allowed by iam-policy --mode plan', () => {
    const allowed = allowedActions(buildToolPolicy('plan', ACCOUNTS));
    const missing = [...sentReadOnly].flatMap((key) => {
      const [service = '', operation = ''] = key.split('.');
      const row = findOperation(service, operation);
      return row ? row.actions.filter((a) => !allowed.has(a)) : [key];
    });
    expect(missing).toEqual([]);
  });

  it('exercise every row of the table', () => {
    const notSent = IAM_OPERATIONS.map((o) => `${o.service}.${o.operation}`).filter((k) => !sent.has(k));
    // Every row is reached today; a new row that this run does not reach shows up here, so the
    // run grows with the tool (or the row is listed here with the reason it cannot be reached).
    expect(notSent.sort()).toEqual([]);
  });
});

// The SDK packages whose commands the table maps, by the emulator's service names.
const PACKAGES: Record<string, string> = {
  '@aws-sdk/client-datazone': 'datazone',
  '@aws-sdk/client-ram': 'ram',
  '@aws-sdk/client-sagemaker': 'sagemaker',
  '@aws-sdk/client-sts': 'sts',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join('src', 'emulator') ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** `service.Operation` of every `new XxxCommand(` in one file, resolved through its imports. */
function commandsIn(text: string, file: string): string[] {
  const imported = new Map<string, string>();
  for (const m of text.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z]+)'/g)) {
    const service = PACKAGES[m[3] ?? ''];
    if (!service || m[1]) continue;
    for (const spec of (m[2] ?? '').split(',')) {
      const [name, alias] = spec
        .trim()
        .split(/\s+as\s+/)
        .map((s) => s.trim());
      if (name && name.endsWith('Command') && !name.startsWith('type '))
        imported.set(alias ?? name, `${service}.${name.slice(0, -'Command'.length)}`);
    }
  }
  return [...text.matchAll(/new\s+([A-Za-z]+Command)\s*\(/g)].map((m) => {
    const key = imported.get(m[1] ?? '');
    if (!key) throw new Error(`${file}: new ${m[1]}( is not imported from an @aws-sdk client package`);
    return key;
  });
}

describe('the SDK commands in src/', () => {
  // Comments may mention commands (this table's own doc does); only code counts.
  const code = (f: string) =>
    readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
  const found = new Set(sourceFiles('src').flatMap((f) => commandsIn(code(f), f)));
  // The SDK's fromTemporaryCredentials sends sts:AssumeRole for the tool (src/aws/clients.ts).
  if (sourceFiles('src').some((f) => /\bfromTemporaryCredentials\s*\(/.test(code(f))))
    found.add('sts.AssumeRole');

  it('each have a row in the operation table', () => {
    expect([...found].filter((k) => !findOperation(...(k.split('.') as [string, string])))).toEqual([]);
  });

  it('leave no row of the table unused', () => {
    const rows = IAM_OPERATIONS.map((o) => `${o.service}.${o.operation}`);
    expect(rows.filter((k) => !found.has(k))).toEqual([]);
  });
});
