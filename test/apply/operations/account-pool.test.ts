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
} from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { poolRequest } from '../../../src/apply/operations/account-pool.js';
import { actionLines } from '../../helpers/apply.js';
import { HOME, domainManifest, fastEmulator, itSurvivesRaces, observedId } from './support.js';

const h = fastEmulator();
const { applyOk, converged, domainId } = h;
const OTHER = '444455556666';
const LAMBDA = `arn:aws:lambda:us-east-1:${HOME}:function:authorized-accounts`;

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
const BOTH = [domainManifest(), pool('pool-a', STATIC), pool('pool-b', CUSTOM)].join('\n');

/** Every pool as `{name, description, accountSource}`. */
async function pools() {
  const id = await domainId();
  const items = (await h.dz.send(new ListAccountPoolsCommand({ domainIdentifier: id }))).items ?? [];
  const out = await Promise.all(
    items.map(async (p) => {
      const got = await h.dz.send(new GetAccountPoolCommand({ domainIdentifier: id, identifier: p.id }));
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
    await applyOk(BOTH);
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
    await applyOk(BOTH);
    const changed = [
      domainManifest(),
      pool(
        'pool-a',
        `  accounts:\n    - id: "${OTHER}"\n      regions: [eu-west-1]\n    - id: "${HOME}"\n      regions: [us-east-1]`,
      ),
      pool('pool-b', STATIC),
    ].join('\n');
    const run = await applyOk(changed);
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
    await applyOk(BOTH);
    await applyOk(
      [
        domainManifest(),
        pool('pool-a', STATIC),
        pool('pool-b', CUSTOM, 'lifecycle:\n  ensure: absent\n'),
      ].join('\n'),
    );
    expect((await pools()).map((p) => p.name)).toEqual(['pool-a']);
    const run = await applyOk(domainManifest({ prune: 'AccountPool' }));
    expect(actionLines(run.plan)).toEqual(['delete AccountPool/pool-a']);
    expect(await pools()).toEqual([]);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a pool',
      before: domainManifest(),
      yaml: [domainManifest(), pool('pool-a', STATIC)].join('\n'),
      async createAfterPlan() {
        await h.dz.send(
          new CreateAccountPoolCommand({
            domainIdentifier: await domainId(),
            name: 'pool-a',
            resolutionStrategy: 'MANUAL',
            accountSource: { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } },
          }),
        );
      },
      async check() {
        const all = await pools();
        expect(all).toHaveLength(1);
        expect(all[0]?.accountSource?.accounts?.[0]?.awsAccountId).toBe(OTHER);
      },
    },
    commitThenFail: {
      operation: 'CreateAccountPool',
      before: domainManifest(),
      yaml: BOTH,
      async check() {
        expect((await pools()).map((p) => p.name)).toEqual(['pool-a', 'pool-b']);
      },
    },
    alreadyGone: {
      what: 'a pool',
      before: BOTH,
      tombstone: [domainManifest(), pool('pool-b', CUSTOM, 'lifecycle:\n  ensure: absent\n')].join('\n'),
      async deleteAfterPlan(planned) {
        await h.dz.send(
          new DeleteAccountPoolCommand({
            domainIdentifier: await domainId(),
            identifier: observedId(planned, 'AccountPool', 'pool-b'),
          }),
        );
      },
    },
  });
});
