/**
 * Two live resources with one identity, made by copying an emulator record under a new id (the
 * emulator itself refuses duplicate names): the plan lists both, touches neither, and refuses
 * with `ambiguous` (exit 3), for every kind whose records can be copied this way. Two domains of
 * one name are worse: their contents cannot be told apart, so they are not read at all and the
 * observation is incomplete (exit 1).
 */
import { describe, it } from 'vitest';
import { forgetIndexes } from '../../../src/emulator/services/datazone/indexes.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import type { TestEmulator } from '../../helpers/emulator.js';
import { baseDocs, doc } from './harness.js';
import { expectScenario } from './run-scenario.js';

type Records = Record<string, Record<string, unknown>>;

/** DataZone collections (world.services.datazone) by kind; each record has `id` and `name`. */
const DATAZONE = {
  DomainUnit: 'domainUnits',
  AccountPool: 'accountPools',
  ProjectProfile: 'projectProfiles',
  Project: 'projects',
} as const;

/** Adds a copy of the record named `name` under `copyId`; returns the undo. */
function duplicate(
  records: Records,
  name: string,
  copy: (r: Record<string, unknown>) => [string, unknown],
): () => void {
  const original = Object.values(records).find((r) => r['name'] === name);
  if (!original) throw new Error(`no emulator record named ${name}`);
  const [copyId, value] = copy(structuredClone(original));
  records[copyId] = value as Record<string, unknown>;
  return () => void delete records[copyId];
}

/** Registers these scenarios; `emu` returns the emulator holding the applied base. */
export function ambiguousScenarios(emu: () => TestEmulator): void {
  describe('plan: two live resources with one identity are ambiguous (golden JSON)', () => {
    const datazone = () => emu().emulator.world.services.datazone as Record<string, Records>;

    it.each(Object.entries(DATAZONE))('ambiguous %s (exit 3)', async (kind, collection) => {
      const undo = duplicate(datazone()[collection]!, doc(baseDocs(), kind).metadata.name, (r) => [
        'dup0000000000',
        { ...r, id: 'dup0000000000' },
      ]);
      // The copy is put into the table by hand, past the emulator's indexes (no handler makes it).
      const state = datazone() as unknown as DataZoneState;
      forgetIndexes(state);
      try {
        await expectScenario(emu(), [`ambiguous-${kind.toLowerCase()}`, () => undefined, 3]);
      } finally {
        undo();
        forgetIndexes(state);
      }
    });

    it('ambiguous StudioDomain (exit 3)', async () => {
      const domains = (emu().emulator.world.services.sagemaker as { domains: Records }).domains;
      const original = Object.values(domains)[0] as { ids: { DomainId: string; DomainArn: string } };
      const id = 'd-dup000000000';
      const copy = structuredClone(original);
      copy.ids = {
        ...copy.ids,
        DomainId: id,
        DomainArn: original.ids.DomainArn.replace(original.ids.DomainId, id),
      };
      domains[id] = copy as unknown as Record<string, unknown>;
      try {
        await expectScenario(emu(), ['ambiguous-studiodomain', () => undefined, 3]);
      } finally {
        delete domains[id];
      }
    });

    it('ambiguous Domain: contents unread, observation incomplete (exit 1)', async () => {
      const undo = duplicate(datazone()['domains']!, 'corp', (r) => [
        'dzd_dup0000000000',
        { ...r, id: 'dzd_dup0000000000' },
      ]);
      try {
        await expectScenario(
          emu(),
          ['ambiguous-domain', () => undefined, 1],
          'smus-gitops: ListDomains failed for domain corp: 2 live domains are named corp; their contents were not read\nsmus-gitops: live state could not be read completely; no plan was made\n',
        );
      } finally {
        undo();
      }
    });
  });
}
