/**
 * Ownership of Studio domains (issue 13, finding 5), as golden JSON plans over the applied base:
 * a removed StudioDomain manifest is reported as unmanaged (exit 0, as for every kind), deleted
 * under a Policy's `spec.reconcile.studioDomains.prune` (exit 2), refused when protected or over
 * `maxDeletes` (exit 3) and turned back into unmanaged after an incomplete read; a Studio domain
 * made outside the tool (the SDK, as the console does) is unmanaged, and a manifest naming it
 * plans its explicit adoption.
 */
import { CreateDomainCommand, DeleteDomainCommand } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../helpers/emulator.js';
import { HOME, doc, planJson, remove, transformed, type Doc } from './harness.js';
import { expectScenario, type Scenario } from './run-scenario.js';

/** A Policy holding the Studio-domain ownership policy. */
function studioPolicy(reconcile: Record<string, unknown>): Doc {
  return {
    apiVersion: 'smus-gitops/v1alpha1',
    kind: 'Policy',
    metadata: { name: 'studio-ownership' },
    spec: { reconcile: { studioDomains: reconcile } },
  };
}

const PRUNE_HERE = { prune: [{ region: 'us-east-1' }] };

/** The base's Studio domain removed, with the given ownership policy (none: no Policy). */
function removed(reconcile?: Record<string, unknown>) {
  return (docs: Doc[]) => {
    remove(docs, 'StudioDomain');
    // The profiles of the removed domains go with them (a profile naming an undeclared domain is invalid).
    for (let i = docs.length - 1; i >= 0; i--) if (docs[i]?.kind === 'StudioUserProfile') docs.splice(i, 1);
    if (reconcile) docs.push(studioPolicy(reconcile));
  };
}

const SCENARIOS: readonly Scenario[] = [
  ['studio-removed-is-unmanaged', removed(), 0],
  ['studio-removed-pruned', removed(PRUNE_HERE), 2],
  // The scope names the caller's account explicitly: the same place as no account.
  ['studio-removed-pruned-explicit-account', removed({ prune: [{ account: HOME, region: 'us-east-1' }] }), 2],
  // Another region is not covered by the prune scope: still only reported.
  ['studio-removed-other-region-pruned', removed({ prune: [{ region: 'eu-west-1' }] }), 0],
  ['studio-removed-pruned-protected', removed({ ...PRUNE_HERE, protect: ['StudioDomain/finance-*'] }), 3],
  ['studio-removed-pruned-max-deletes-zero', removed({ ...PRUNE_HERE, maxDeletes: 0 }), 3],
  ['studio-pruned-all-declared', (d) => void d.push(studioPolicy(PRUNE_HERE)), 0],
  [
    // A tombstone counts against the Studio maxDeletes too.
    'studio-tombstone-max-deletes-zero',
    (d) => {
      doc(d, 'StudioDomain').lifecycle = { ensure: 'absent' };
      d.push(studioPolicy({ maxDeletes: 0 }));
    },
    3,
  ],
];

/** The declaration of the console-made domain, exactly as it was created. */
function consoleDoc(): Doc {
  return {
    apiVersion: 'smus-gitops/v1alpha1',
    kind: 'StudioDomain',
    metadata: { name: 'console-studio' },
    spec: {
      region: 'us-east-1',
      authMode: 'IAM',
      vpcId: 'vpc-0c0c0c0c',
      subnetIds: ['subnet-0c0c0c01'],
      appNetworkAccessType: 'PublicInternetOnly',
      defaultUserSettings: { executionRole: `arn:aws:iam::${HOME}:role/ConsoleStudioExecution` },
    },
  };
}

/** Creates `console-studio` with the SDK (as the console would: no ownership tag); returns its id. */
async function createConsoleDomain(emu: TestEmulator): Promise<string> {
  const sm = emu.sageMaker();
  try {
    const out = await sm.send(
      new CreateDomainCommand({
        DomainName: 'console-studio',
        AuthMode: 'IAM',
        VpcId: 'vpc-0c0c0c0c',
        SubnetIds: ['subnet-0c0c0c01'],
        DefaultUserSettings: { ExecutionRole: `arn:aws:iam::${HOME}:role/ConsoleStudioExecution` },
      }),
    );
    return out.DomainId ?? '';
  } finally {
    sm.destroy();
  }
}

async function deleteDomain(emu: TestEmulator, id: string): Promise<void> {
  const sm = emu.sageMaker();
  try {
    await sm.send(new DeleteDomainCommand({ DomainId: id }));
  } finally {
    sm.destroy();
  }
}

/** Registers these scenarios; `emu` returns the emulator holding the applied base. */
export function studioScenarios(emu: () => TestEmulator): void {
  describe('plan: Studio-domain ownership (golden JSON)', () => {
    it.each(SCENARIOS.map((s) => [s[0], s] as const))('%s', async (_name, scenario) => {
      await expectScenario(emu(), scenario);
    });

    it('studio-removed-pruned-incomplete-read: a failed Describe leaves it unread, nothing deleted', async () => {
      emu().emulator.control.setFaults([
        { operation: 'DescribeDomain', service: 'sagemaker', error500Pct: 100 },
      ]);
      try {
        emu().emulator.control.resetStats();
        const run = await planJson(transformed(removed(PRUNE_HERE)), emu());
        expect(run.stderr).toContain('smus-gitops: DescribeDomain failed for studio domain finance-studio');
        // A failed read publishes no plan at all (issue 19.6): nothing to review, nothing to apply.
        expect(run.stdout).toBe('');
        expect(run.exitCode).toBe(1);
        expect(emu().emulator.control.stats().mutating).toBe(0);
      } finally {
        emu().emulator.control.clearFaults();
      }
    });

    describe('a Studio domain made outside the tool', () => {
      let id = '';
      it('studio-console-made-is-unmanaged', async () => {
        id = await createConsoleDomain(emu());
        await expectScenario(emu(), ['studio-console-made-is-unmanaged', () => undefined, 0]);
      });
      it('studio-console-made-adopted: the plan names the live domain it adopts', async () => {
        await expectScenario(emu(), ['studio-console-made-adopted', (d) => void d.push(consoleDoc()), 2]);
      });
      it('studio-console-made-adopted-with-update: adoption and field updates in one change', async () => {
        const drifted = consoleDoc();
        drifted.spec['tags'] = { team: 'research' };
        await expectScenario(emu(), [
          'studio-console-made-adopted-with-update',
          (d) => void d.push(drifted),
          2,
        ]);
      });
      it('studio-console-made-replace: a replace says it deletes a domain the tool did not create', async () => {
        const moved = consoleDoc();
        moved.spec['vpcId'] = 'vpc-0d0d0d0d';
        await expectScenario(emu(), ['studio-console-made-replace', (d) => void d.push(moved), 2]);
        await deleteDomain(emu(), id);
      });
    });
  });
}
