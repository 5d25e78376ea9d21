/** AddTags, DeleteTags and ListTags on Studio domains through the real SageMaker client. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AddTagsCommand,
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteTagsCommand,
  ListTagsCommand,
  type SageMakerClient,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import { withEmulator } from '../../helpers/emulator.js';
import { STUDIO_MS, domainInput, expectServiceError, sageMakerEmulatorOptions } from './fixtures.js';

const emu = withEmulator(sageMakerEmulatorOptions);
let sm: SageMakerClient;
let arn: string;

beforeEach(async () => {
  await emu.emulator.control.reset();
  sm = emu.sageMaker();
  const out = await sm.send(
    new CreateDomainCommand(domainInput('studio-tags', { Tags: [{ Key: 'team', Value: 'ml' }] })),
  );
  arn = out.DomainArn ?? '';
});

async function allTags(): Promise<Tag[]> {
  const tags: Tag[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sm.send(new ListTagsCommand({ ResourceArn: arn, NextToken }));
    tags.push(...(page.Tags ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return tags;
}

describe('tags of a Studio domain', () => {
  it('lists the create tags plus the sagemaker:domain-arn system tag', async () => {
    expect(await allTags()).toEqual([
      { Key: 'sagemaker:domain-arn', Value: arn },
      { Key: 'team', Value: 'ml' },
    ]);
  });

  it('AddTags merges (overwrites by key), DeleteTags removes, ListTags pages', async () => {
    const added = await sm.send(
      new AddTagsCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'team', Value: 'ai' },
          { Key: 'cost', Value: '42' },
        ],
      }),
    );
    expect(added.Tags).toEqual([
      { Key: 'team', Value: 'ai' },
      { Key: 'cost', Value: '42' },
    ]);
    const first = await sm.send(new ListTagsCommand({ ResourceArn: arn }));
    expect(first.Tags).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    // ListTags documents no order; the emulator lists by key.
    expect(await allTags()).toEqual([
      { Key: 'cost', Value: '42' },
      { Key: 'sagemaker:domain-arn', Value: arn },
      { Key: 'team', Value: 'ai' },
    ]);
    const one = await sm.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 50 }));
    expect(one.Tags).toHaveLength(3);
    await sm.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['team', 'absent'] }));
    expect((await allTags()).map((t) => t.Key)).toEqual(['cost', 'sagemaker:domain-arn']);
  });

  it('refuses reserved keys, more than 50 user tags, and a missing resource (ValidationException)', async () => {
    await expectServiceError(
      sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:x', Value: 'y' }] })),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['sagemaker:domain-arn'] })),
      'ValidationException',
    );
    // The isolation guide's backfill: AddTags may (re)set the system key.
    await sm.send(
      new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'sagemaker:domain-arn', Value: arn }] }),
    );
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectServiceError(
      sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: many })),
      'ValidationException',
    );
    const missing = 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-000000000000';
    await expectServiceError(
      sm.send(new AddTagsCommand({ ResourceArn: missing, Tags: [] })),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new DeleteTagsCommand({ ResourceArn: missing, TagKeys: ['a'] })),
      'ValidationException',
    );
    await expectServiceError(sm.send(new ListTagsCommand({ ResourceArn: missing })), 'ValidationException');
    await expectServiceError(
      sm.send(new ListTagsCommand({ ResourceArn: arn, NextToken: 'garbage' })),
      'ValidationException',
    );
  });

  it('keeps tags through Deleting and loses the resource once deleted', async () => {
    await emu.emulator.control.advanceClock(STUDIO_MS.create);
    await sm.send(new DeleteDomainCommand({ DomainId: arn.split('/')[1] }));
    expect((await allTags()).length).toBe(2);
    await emu.emulator.control.advanceClock(STUDIO_MS.delete);
    await expectServiceError(sm.send(new ListTagsCommand({ ResourceArn: arn })), 'ValidationException');
  });
});
