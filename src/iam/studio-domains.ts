/**
 * Reads what the isolation policy of a SageMaker AI Studio domain needs from the live domain: its
 * ARN (the value SageMaker writes into the `sagemaker:domain-arn` tag), id, network mode and
 * subnets. ListDomains (every page) finds the name, DescribeDomain gives the network settings.
 */
import { DescribeDomainCommand, ListDomainsCommand, type DomainDetails } from '@aws-sdk/client-sagemaker';
import type { AwsClients } from '../aws/clients.js';
import { collectPages } from '../live/paginate.js';

/** The live facts of one Studio domain. */
export interface StudioDomainFacts {
  name: string;
  id: string;
  /** `arn:aws:sagemaker:<region>:<account>:domain/<id>`. */
  arn: string;
  region: string;
  account: string;
  /** `VpcOnly` or `PublicInternetOnly`. */
  appNetworkAccessType: string;
  subnetIds: string[];
}

const DOMAIN_ARN = /^arn:[^:]+:sagemaker:([^:]+):(\d{12}):domain\/(.+)$/;

/** Thrown when a named domain is not live (or is ambiguous); the CLI prints it as a user error. */
export class StudioDomainLookupError extends Error {
  override readonly name = 'StudioDomainLookupError';
}

/** Reads one Studio domain by name in the clients' region. */
export async function readStudioDomainFacts(clients: AwsClients, name: string): Promise<StudioDomainFacts> {
  const listed = await collectPages<DomainDetails>(async (token) => {
    const out = await clients.sageMaker.send(new ListDomainsCommand({ NextToken: token }));
    return { items: out.Domains, nextToken: out.NextToken };
  });
  const matches = listed.filter((d) => d.DomainName === name && d.DomainId);
  if (matches.length === 0)
    throw new StudioDomainLookupError(`no Studio domain named ${name} in region ${clients.region}`);
  if (matches.length > 1)
    throw new StudioDomainLookupError(
      `${matches.length} Studio domains are named ${name} in ${clients.region}`,
    );
  const id = matches[0]?.DomainId ?? '';
  const described = await clients.sageMaker.send(new DescribeDomainCommand({ DomainId: id }));
  const arn = described.DomainArn ?? matches[0]?.DomainArn ?? '';
  const parsed = DOMAIN_ARN.exec(arn);
  if (!parsed) throw new Error(`Studio domain ${name} (${id}) has no usable ARN: ${JSON.stringify(arn)}`);
  return {
    name,
    id,
    arn,
    region: parsed[1] ?? clients.region,
    account: parsed[2] ?? '',
    appNetworkAccessType: described.AppNetworkAccessType ?? 'PublicInternetOnly',
    subnetIds: [...(described.SubnetIds ?? [])],
  };
}
