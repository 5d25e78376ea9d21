/** Shared set-up of the SageMaker tests: emulator options, a valid CreateDomain input, an error matcher. */
import { expect } from 'vitest';
import type { CreateDomainCommandInput } from '@aws-sdk/client-sagemaker';

/** Emulated durations of the Studio lifecycles, in ms (long, so only clock advances move them). */
export const STUDIO_MS = { create: 120_000, update: 60_000, delete: 30_000 };

/** Emulator options of the SageMaker tests: small pages and long lifecycles. */
export const sageMakerEmulatorOptions = {
  behaviour: {
    defaultPageSize: 2,
    durations: {
      domainCreate: 0,
      domainDelete: 0,
      projectDeploy: 0,
      projectDelete: 0,
      ramAssociate: 0,
      studioCreate: STUDIO_MS.create,
      studioUpdate: STUDIO_MS.update,
      studioDelete: STUDIO_MS.delete,
    },
  },
};

/** A minimal valid CreateDomain input. */
export function domainInput(
  name: string,
  extra: Partial<CreateDomainCommandInput> = {},
): CreateDomainCommandInput {
  return {
    DomainName: name,
    AuthMode: 'IAM',
    DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/StudioExecution' },
    SubnetIds: ['subnet-0a1b2c3d'],
    VpcId: 'vpc-0a1b2c3d',
    ...extra,
  };
}

/** Asserts that `promise` rejects with the SDK exception `name` and HTTP status 400 (all SageMaker errors). */
export async function expectServiceError(promise: Promise<unknown>, name: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
}
