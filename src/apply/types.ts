/**
 * The contract between the executor (scheduling, rate limits, retries, deadline, progress) and
 * the per-kind operations (the SDK calls that carry out one change). An operation receives the
 * change, the desired and live views of its resource, and a context of effects; it makes its
 * calls through `ctx.call` (rate-limited, counted, retried on throttling and 5xx) and records the
 * ids it creates in `ctx.ids`, so that later operations (children) can resolve names to ids.
 */
import type { AwsClients, ClientFactory } from '../aws/clients.js';
import type { LiveResource } from '../live/types.js';
import type { DesiredResource } from '../plan/desired.js';
import type { Change } from '../plan/types.js';

/** Ids resolved by name, filled from live state before apply and by each create as it finishes. */
export interface IdRegistry {
  /** Domain by name: id, region, ARN, root unit id, owning account. */
  domain(
    name: string,
  ): { id: string; region: string; arn: string; rootDomainUnitId: string; accountId: string } | undefined;
  setDomain(
    name: string,
    value: { id: string; region: string; arn: string; rootDomainUnitId: string; accountId: string },
  ): void;
  /** Id of a domain-scoped resource by kind and name (unit path, pool name, profile name, project name). */
  get(
    kind: 'DomainUnit' | 'AccountPool' | 'ProjectProfile' | 'Project',
    domain: string,
    name: string,
  ): string | undefined;
  set(
    kind: 'DomainUnit' | 'AccountPool' | 'ProjectProfile' | 'Project',
    domain: string,
    name: string,
    id: string,
  ): void;
  delete(
    kind: 'DomainUnit' | 'AccountPool' | 'ProjectProfile' | 'Project',
    domain: string,
    name: string,
  ): void;
}

/** What an operation can use. */
export interface OperationContext {
  /** Clients acting as the tool (domain account) in a region. */
  home(region: string): AwsClients;
  /** Clients acting in `account` (the domain account → home; an associated account → its declared role). */
  inAccount(domain: string, account: string, region: string): AwsClients;
  /** The domain's account (declared or live). */
  domainAccount(domain: string): string;
  /** Clients acting through `roleArn` (a Studio domain in another account). */
  assumed(roleArn: string, region: string): AwsClients;
  /** The role the plan's read reached `account` with, verified to be of it (Studio domains in another account). */
  accountRole(account: string): string | undefined;
  ids: IdRegistry;
  /** Managed blueprint id by name in a domain (ListEnvironmentBlueprints, cached per domain). */
  blueprintId(domain: string, name: string): Promise<string>;
  /**
   * Makes one SDK call under the operation's rate budget (`operation` is the SDK operation name,
   * e.g. `CreateProject`; `scope` is the account/region the budget belongs to), with the tool's own
   * retries on throttling, 5xx and dropped connections. Non-retryable errors are thrown as they are.
   */
  call<T>(operation: string, scope: string, send: () => Promise<T>): Promise<T>;
  /**
   * Polls `check` until it returns a value (not undefined) or the wait times out; `what` names the
   * wait in errors. Pauses grow with the time waited (wait-pacing.ts); `pace` names the kind of
   * wait, whose first look is then aimed at when earlier waits of that kind ended in this run;
   * `checkFirst: false` pauses before the first look (the caller just saw the resource busy).
   */
  waitFor<T>(
    what: string,
    check: () => Promise<T | undefined>,
    options?: { intervalMs?: number; timeoutMs?: number; pace?: string; checkFirst?: boolean },
  ): Promise<T>;
  /** Structured progress events (logged, not printed). */
  log(event: Record<string, unknown>, message: string): void;
}

/** One change to carry out, with both views of its resource. */
export interface OperationInput {
  change: Change;
  /** The declared resource (absent for prune deletes). */
  desired?: DesiredResource;
  /** The live resource the plan saw (absent for creates). */
  live?: LiveResource;
}

/** Carries out one change; resolves when the resource has reached its target state. */
export type Operation = (input: OperationInput, ctx: OperationContext) => Promise<void>;

/** A failure that is the user's or the cloud's, with a message fit for the summary (no stack). */
export class ApplyError extends Error {
  readonly isApplyError = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApplyError';
  }
}

export type { ClientFactory };
