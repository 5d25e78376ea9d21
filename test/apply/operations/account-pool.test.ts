/**
 * The AccountPool operation against the emulator through the whole pipeline: static and
 * custom-handler pools (round trip), an update that sends the complete account source (also
 * switching its form), tombstone and prune deletes, adoption of a pool created after the plan,
 * commit-then-fail on CreateAccountPool, and the delete of a pool that is already gone.
 */
import {
  CreateAccountPoolCommand,
  DeleteAccountPoolCommand,
  GetAccountPoolCommand,
  ListAccountPoolsCommand,
  ListDomainsCommand,
  type DataZoneClient,
} from '@aws-sdk/client-datazone';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { poolRequest } from '../../../src/apply/operations/account-pool.js';
import { resolveDesired } from '../../../src/plan/planner.js';
import {
  actionLines,
  applyManifests,
  expectAllDone,
  planManifests,
  type PlannedRun,
} from '../../helpers/apply.js';
import { withEmulator } from '../../helpers/emulator.js';

const emu = withEmulator({ behaviour: { durations: { domainCreate: 0, domainDelete: 0 } } });
const HOME = '111122223333';
const OTHER = '444455556666';
const LAMBDA = `arn:aws:lambda:us-east-1:${HOME}:function:authorized-accounts`;

function domainYaml(prune = false): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
${prune ? '  reconcile:\n    prune: [AccountPool]\n' : ''}`;
}

function pool(name: string, spec: string, extra = ''): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata:
  name: ${name}
  domain: corp
${extra}spec:
${spec}
`;
}

const STATIC = `  description: Data engineering
  accounts:
    - id: "${OTHER}"
      name: other-dev
      regions: [us-east-1, us-west-2]`;
const CUSTOM = `  customHandler:
    lambdaFunctionArn: ${LAMBDA}`;
const BOTH = [domainYaml(), pool('pool-a', STATIC), pool('pool-b', CUSTOM)].join('\n');

let dz: DataZoneClient;
beforeEach(async () => {
  await emu.emulator.control.reset();
  emu.emulator.control.clearFaults();
  emu.emulator.control.resetStats();
  dz = emu.dataZone();
});
afterEach(() => dz.destroy());

async function applyPlanned(planned: PlannedRun) {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
  planned.clients.destroy();
  return outcomes;
}

async function apply(yaml: string) {
  const run = await applyManifests(yaml, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  return run;
}

async function converged(yaml: string) {
  const again = await planManifests(yaml, emu.endpoint);
  expect(actionLines(again.plan)).toEqual([]);
  again.clients.destroy();
}

async function domainId(): Promise<string> {
  const [domain] = (await dz.send(new ListDomainsCommand({}))).items ?? [];
  return domain?.id ?? '';
}

/** Every pool as `{name, description, accountSource}`. */
async function pools() {
  const id = await domainId();
  const items = (await dz.send(new ListAccountPoolsCommand({ domainIdentifier: id }))).items ?? [];
  const out = await Promise.all(
    items.map(async (p) => {
      const got = await dz.send(new GetAccountPoolCommand({ domainIdentifier: id, identifier: p.id }));
      return { name: got.name, description: got.description || undefined, accountSource: got.accountSource };
    }),
  );
  return out.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

describe('poolRequest', () => {
  test('maps static accounts and the custom handler to the accountSource union', () => {
    expect(
      poolRequest({
        resolutionStrategy: 'MANUAL',
        accounts: [{ id: OTHER, name: 'n', regions: ['us-east-1'] }],
      }),
    ).toEqual({
      description: undefined,
      resolutionStrategy: 'MANUAL',
      accountSource: {
        accounts: [{ awsAccountId: OTHER, awsAccountName: 'n', supportedRegions: ['us-east-1'] }],
      },
    });
    expect(
      poolRequest({ resolutionStrategy: 'MANUAL', customHandler: { lambdaFunctionArn: LAMBDA } })
        .accountSource,
    ).toEqual({
      customAccountPoolHandler: { lambdaFunctionArn: LAMBDA, lambdaExecutionRoleArn: undefined },
    });
  });
});

describe('AccountPool operation', () => {
  test('creates static and custom-handler pools; a second plan has no changes', async () => {
    await apply(BOTH);
    expect(await pools()).toEqual([
      {
        name: 'pool-a',
        description: 'Data engineering',
        accountSource: {
          accounts: [
            {
              awsAccountId: OTHER,
              awsAccountName: 'other-dev',
              supportedRegions: ['us-east-1', 'us-west-2'],
            },
          ],
        },
      },
      {
        name: 'pool-b',
        description: undefined,
        accountSource: { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } },
      },
    ]);
    await converged(BOTH);
  });

  test('an update sends the complete account source (and may switch its form)', async () => {
    await apply(BOTH);
    const changed = [
      domainYaml(),
      pool(
        'pool-a',
        `  accounts:\n    - id: "${OTHER}"\n      regions: [eu-west-1]\n    - id: "${HOME}"\n      regions: [us-east-1]`,
      ),
      pool('pool-b', STATIC),
    ].join('\n');
    const run = await apply(changed);
    expect(actionLines(run.plan)).toEqual(['update AccountPool/pool-a', 'update AccountPool/pool-b']);
    const [a, b] = await pools();
    expect(a).toEqual({
      name: 'pool-a',
      description: undefined,
      accountSource: {
        accounts: [
          { awsAccountId: OTHER, supportedRegions: ['eu-west-1'] },
          { awsAccountId: HOME, supportedRegions: ['us-east-1'] },
        ],
      },
    });
    expect(b?.accountSource?.accounts?.[0]?.awsAccountName).toBe('other-dev');
    await converged(changed);
  });

  test('a tombstone deletes a pool; prune deletes an undeclared one', async () => {
    await apply(BOTH);
    await apply(
      [domainYaml(), pool('pool-a', STATIC), pool('pool-b', CUSTOM, 'lifecycle:\n  ensure: absent\n')].join(
        '\n',
      ),
    );
    expect((await pools()).map((p) => p.name)).toEqual(['pool-a']);
    const run = await apply(domainYaml(true));
    expect(actionLines(run.plan)).toEqual(['delete AccountPool/pool-a']);
    expect(await pools()).toEqual([]);
  });

  test('adopts a pool created after the plan and brings it to the manifest', async () => {
    await apply(domainYaml());
    const planned = await planManifests([domainYaml(), pool('pool-a', STATIC)].join('\n'), emu.endpoint);
    await dz.send(
      new CreateAccountPoolCommand({
        domainIdentifier: await domainId(),
        name: 'pool-a',
        resolutionStrategy: 'MANUAL',
        accountSource: { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } },
      }),
    );
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    const all = await pools();
    expect(all).toHaveLength(1);
    expect(all[0]?.accountSource?.accounts?.[0]?.awsAccountId).toBe(OTHER);
  });

  test('a CreateAccountPool that commits but answers 500 is adopted: no duplicate', async () => {
    await apply(domainYaml());
    emu.emulator.control.setFaults([{ operation: 'CreateAccountPool', commitThenFailPct: 100, count: 1 }]);
    await apply(BOTH);
    expect(emu.emulator.control.stats().operations['datazone.CreateAccountPool']?.byStatus['500']).toBe(1);
    expect((await pools()).map((p) => p.name)).toEqual(['pool-a', 'pool-b']);
    await converged(BOTH);
  });

  test('deleting a pool that is already gone succeeds', async () => {
    await apply(BOTH);
    const planned = await planManifests(
      [domainYaml(), pool('pool-b', CUSTOM, 'lifecycle:\n  ensure: absent\n')].join('\n'),
      emu.endpoint,
    );
    const b = planned.observation.resources.find(
      (r) => r.address.kind === 'AccountPool' && r.address.name === 'pool-b',
    );
    await dz.send(new DeleteAccountPoolCommand({ domainIdentifier: await domainId(), identifier: b?.id }));
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => `${o.status} ${o.change.action}`)).toEqual(['done delete']);
  });
});
