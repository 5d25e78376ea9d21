/**
 * The acceptance scenarios: small, cheap, reversible checks of the behaviours the emulator had to
 * decide (docs/emulator/decisions.md). Each creates only resources named with the run's prefix
 * and removes them in `finally`, also after a failed assertion. The same code runs against real
 * AWS (SMUS_ACC=1) and against the emulator.
 */
import {
  CreateAccountPoolCommand,
  CreateDomainUnitCommand,
  CreateProjectCommand,
  CreateProjectProfileCommand,
  DeleteAccountPoolCommand,
  DeleteDomainUnitCommand,
  DeleteProjectCommand,
  DeleteProjectProfileCommand,
  GetDomainCommand,
  GetProjectCommand,
  ListAccountPoolsCommand,
  ListDomainsCommand,
} from '@aws-sdk/client-datazone';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { expect } from 'vitest';
import type { AcceptanceTarget } from './target.js';

/** One scenario: a name and its body. */
export interface Scenario {
  name: string;
  run(target: AcceptanceTarget): Promise<void>;
}

/** Runs `cleanups` in reverse order, reporting (not throwing) their failures after the body's. */
async function withCleanup(body: (cleanup: (fn: () => Promise<unknown>) => void) => Promise<void>) {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await body((fn) => cleanups.push(fn));
  } finally {
    for (const fn of cleanups.reverse()) {
      await fn().catch((error: unknown) => console.error('acceptance cleanup failed:', error));
    }
  }
}

async function errorName(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'no error',
    (error: Error) => error.name,
  );
}

/** The scenarios, in order. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'caller identity and a domain listing (read only)',
    async run(t) {
      const who = await t.sts.send(new GetCallerIdentityCommand({}));
      expect(who.Account).toMatch(/^\d{12}$/);
      const domain = await t.domainId();
      const listed = await t.dataZone.send(new ListDomainsCommand({ maxResults: 25 }));
      expect(listed.items).toBeDefined();
      expect((await t.dataZone.send(new GetDomainCommand({ identifier: domain }))).domainVersion).toBe('V2');
    },
  },
  {
    name: 'CreateDomainUnit replays the same clientToken (decision 1)',
    async run(t) {
      const domainId = await t.domainId();
      const root = (await t.dataZone.send(new GetDomainCommand({ identifier: domainId }))).rootDomainUnitId;
      await withCleanup(async (cleanup) => {
        const input = {
          domainIdentifier: domainId,
          parentDomainUnitIdentifier: root,
          name: `${t.prefix}-unit`,
          clientToken: `${t.prefix}-token`,
        };
        const first = await t.dataZone.send(new CreateDomainUnitCommand(input));
        cleanup(() =>
          t.dataZone.send(new DeleteDomainUnitCommand({ domainIdentifier: domainId, identifier: first.id })),
        );
        const again = await t.dataZone.send(new CreateDomainUnitCommand(input));
        expect(again.id).toBe(first.id);
        // What AWS answers for the same token with other input is recorded either way.
        const mismatch = await errorName(
          t.dataZone.send(new CreateDomainUnitCommand({ ...input, name: `${t.prefix}-other` })),
        );
        expect(mismatch).toBe('ConflictException');
      });
    },
  },
  {
    name: 'account pools page by name across a deletion (decision 4)',
    async run(t) {
      const domainId = await t.domainId();
      const who = await t.sts.send(new GetCallerIdentityCommand({}));
      await withCleanup(async (cleanup) => {
        const pools: { id: string; name: string }[] = [];
        for (const n of [1, 2, 3, 4]) {
          const pool = await t.dataZone.send(
            new CreateAccountPoolCommand({
              domainIdentifier: domainId,
              name: `${t.prefix}-pool-${n}`,
              resolutionStrategy: 'MANUAL',
              accountSource: {
                accounts: [{ awsAccountId: who.Account ?? '', supportedRegions: ['us-east-1'] }],
              },
            }),
          );
          pools.push({ id: pool.id ?? '', name: pool.name ?? '' });
          cleanup(() =>
            t.dataZone.send(
              new DeleteAccountPoolCommand({ domainIdentifier: domainId, identifier: pool.id }),
            ),
          );
        }
        const list = (nextToken?: string) =>
          t.dataZone.send(
            new ListAccountPoolsCommand({
              domainIdentifier: domainId,
              name: t.prefix,
              sortBy: 'NAME',
              sortOrder: 'ASCENDING',
              maxResults: 2,
              nextToken,
            }),
          );
        const first = await list();
        const seen = (first.items ?? []).map((p) => p.name);
        await t.dataZone.send(
          new DeleteAccountPoolCommand({ domainIdentifier: domainId, identifier: pools[0]?.id }),
        );
        let token = first.nextToken;
        while (token) {
          const page = await list(token);
          seen.push(...(page.items ?? []).map((p) => p.name));
          token = page.nextToken;
        }
        expect(seen.sort()).toEqual(pools.map((p) => p.name).sort());
      });
    },
  },
  {
    name: 'a profile in use cannot be deleted (decision 6)',
    async run(t) {
      const domainId = await t.domainId();
      await withCleanup(async (cleanup) => {
        const profile = await t.dataZone.send(
          new CreateProjectProfileCommand({ domainIdentifier: domainId, name: `${t.prefix}-profile` }),
        );
        cleanup(() =>
          t.dataZone.send(
            new DeleteProjectProfileCommand({ domainIdentifier: domainId, identifier: profile.id }),
          ),
        );
        const project = await t.dataZone.send(
          new CreateProjectCommand({
            domainIdentifier: domainId,
            name: `${t.prefix}-project`,
            projectProfileId: profile.id,
          }),
        );
        cleanup(async () => {
          await t.dataZone.send(
            new DeleteProjectCommand({ domainIdentifier: domainId, identifier: project.id }),
          );
          await t.waitFor(
            'the project to be deleted',
            async () =>
              (await errorName(
                t.dataZone.send(
                  new GetProjectCommand({ domainIdentifier: domainId, identifier: project.id }),
                ),
              )) === 'ResourceNotFoundException',
          );
        });
        const refused = await errorName(
          t.dataZone.send(
            new DeleteProjectProfileCommand({ domainIdentifier: domainId, identifier: profile.id }),
          ),
        );
        expect(refused).toBe('ValidationException');
      });
    },
  },
];
