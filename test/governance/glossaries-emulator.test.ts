/**
 * The emulator's glossary operations through the real DataZone client: a second glossary of one
 * name is a ConflictException, an unknown owning project is not found, Search on scopes the
 * emulator holds nothing of answers an empty page, and Search filters are refused, not ignored
 * (docs/emulator/decisions.md, "Glossaries").
 */
import { CreateGlossaryCommand, SearchCommand } from '@aws-sdk/client-datazone';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLINICAL_GLOSSARY, useSharedGovernanceFixture } from './fixture.js';

const fixture = useSharedGovernanceFixture('smus-glossary-emu-');
let domainId = '';
let projectId = '';

beforeAll(async () => {
  fixture().write({ 'glossary.yaml': CLINICAL_GLOSSARY });
  await fixture().apply();
  ({ domainId, projectId } = await fixture().ids());
});

async function errorOf(send: Promise<unknown>): Promise<string> {
  return send.then(
    () => 'no error',
    (error: Error) => error.name,
  );
}

describe('emulated glossaries', () => {
  it('refuses a second glossary of the same name', async () => {
    const create = new CreateGlossaryCommand({
      domainIdentifier: domainId,
      name: 'Clinical terms',
      owningProjectIdentifier: projectId,
    });
    expect(await errorOf(fixture().emu.dataZone().send(create))).toBe('ConflictException');
  });

  it('refuses an owning project that does not exist', async () => {
    const create = new CreateGlossaryCommand({
      domainIdentifier: domainId,
      name: 'Other',
      owningProjectIdentifier: 'nosuchproject1',
    });
    expect(await errorOf(fixture().emu.dataZone().send(create))).toBe('ResourceNotFoundException');
  });

  it('answers an empty page for scopes it holds nothing of, and refuses filters', async () => {
    const dz = fixture().emu.dataZone();
    const terms = await dz.send(
      new SearchCommand({ domainIdentifier: domainId, searchScope: 'GLOSSARY_TERM' }),
    );
    expect(terms.items).toEqual([]);
    const glossaries = await dz.send(
      new SearchCommand({ domainIdentifier: domainId, searchScope: 'GLOSSARY' }),
    );
    expect(glossaries.items?.map((i) => i.glossaryItem?.name)).toEqual(['Clinical terms']);
    const filtered = new SearchCommand({
      domainIdentifier: domainId,
      searchScope: 'GLOSSARY',
      filters: { filter: { attribute: 'name', value: 'x' } },
    });
    expect(await errorOf(dz.send(filtered))).toBe('ValidationException');
  });
});
