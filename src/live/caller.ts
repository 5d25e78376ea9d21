/**
 * Who the tool is: STS GetCallerIdentity, once per read. DataZone makes a project's creator a
 * PROJECT_OWNER under the IAM principal behind its session, so the planner needs that principal
 * (an assumed-role session's role, not the session) to recognise the tool's own membership.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '../aws/clients.js';
import type { ReadContext } from './read-context.js';
import type { Observation } from './types.js';
import { viaSts } from './pacing.js';

const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/** The IAM principal of an ARN: `arn:aws:sts::A:assumed-role/R/S` → `arn:aws:iam::A:role/R`; others unchanged. */
export function principalArnOf(arn: string): string {
  const session = ASSUMED_ROLE.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}

/** The caller's identity; empty strings (and a recorded failure) when STS could not be asked. */
export async function readCaller(read: ReadContext, clients: AwsClients): Promise<Observation['caller']> {
  const got = await read.get('GetCallerIdentity', `region ${clients.region}`, viaSts(clients), () =>
    clients.sts.send(new GetCallerIdentityCommand({})),
  );
  if (!got.ok) {
    // Not-found makes no sense here; a "gone" answer is still a failure to know who we are.
    if (got.gone) read.fail('GetCallerIdentity', `region ${clients.region}`, 'STS answered not-found');
    return { account: '', arn: '', principalArn: '' };
  }
  const arn = got.value.Arn ?? '';
  return { account: got.value.Account ?? '', arn, principalArn: principalArnOf(arn) };
}
