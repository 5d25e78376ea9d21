/**
 * The effects operations run with: clients per account, the id registry, blueprint ids, and
 * `call`/`waitFor`, which put every SDK call under its rate budget and the tool's own retries
 * (on top of the SDK's), bounded by the overall deadline.
 */
import { ListEnvironmentBlueprintsCommand } from '@aws-sdk/client-datazone';
import type { ClientFactory } from '../aws/clients.js';
import type { RateBudget } from '../aws/rate-budget.js';
import { type Timing } from '../aws/rate-budget.js';
import { backoffMs, isThrottling, isTransient } from './retry.js';
import { WaitPacer } from './wait-pacing.js';
import { ApplyError, type IdRegistry, type OperationContext } from './types.js';

/** What the context is built from. */
export interface ContextDeps {
  clients: ClientFactory;
  ids: IdRegistry;
  timing: Timing;
  random: () => number;
  budget: RateBudget;
  /** Role to assume in an associated account (from its AccountAssociation). */
  roleFor(domain: string, account: string): string | undefined;
  domainAccount(domain: string): string;
  /** Role the plan's read reached an account with, verified to be of it (Studio domains there). */
  accountRole?(account: string): string | undefined;
  /** Epoch ms after which nothing new is started and waits give up. */
  deadline: number;
  /** Tool retries per call after the SDK's own attempts. */
  maxRetries: number;
  log(event: Record<string, unknown>, message: string): void;
  /** True once the user asked to stop (SIGINT/SIGTERM): waits end at their next turn instead of running on. */
  shouldStop?(): boolean;
  /** Told about a long wait every HEARTBEAT_MS of (emulated or real) time: what is awaited, how long so far. */
  onWait?(what: string, elapsedMs: number): void;
}

/** How often a long wait says it is still waiting. */
export const HEARTBEAT_MS = 30_000;

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

/** Builds the operation context. */
export function createOperationContext(deps: ContextDeps): OperationContext {
  const blueprints = new Map<string, Promise<Map<string, string>>>();
  const pacer = new WaitPacer();
  const ctx: OperationContext = {
    home: (region) => deps.clients.home(region),
    inAccount(domain, account, region) {
      if (account === deps.domainAccount(domain)) return deps.clients.home(region);
      const role = deps.roleFor(domain, account);
      if (!role)
        throw new ApplyError(
          `account ${account} has no AccountAssociation with an assumeRoleArn in domain ${domain}`,
        );
      return deps.clients.assumed(role, region);
    },
    domainAccount: deps.domainAccount,
    assumed: (roleArn, region) => deps.clients.assumed(roleArn, region),
    accountRole: (account) => deps.accountRole?.(account),
    ids: deps.ids,
    async blueprintId(domain, name) {
      let cached = blueprints.get(domain);
      if (!cached) {
        const info = deps.ids.domain(domain);
        if (!info) throw new ApplyError(`domain ${domain} is not known`);
        cached = (async () => {
          const byName = new Map<string, string>();
          let nextToken: string | undefined;
          do {
            const page = await ctx.call('ListEnvironmentBlueprints', `${info.accountId}/${info.region}`, () =>
              deps.clients.home(info.region).dataZone.send(
                new ListEnvironmentBlueprintsCommand({
                  domainIdentifier: info.id,
                  managed: true,
                  nextToken,
                }),
              ),
            );
            for (const item of page.items ?? []) if (item.name && item.id) byName.set(item.name, item.id);
            nextToken = page.nextToken;
          } while (nextToken);
          return byName;
        })();
        blueprints.set(domain, cached);
        cached.catch(() => blueprints.delete(domain));
      }
      const id = (await cached).get(name);
      if (!id) throw new ApplyError(`blueprint ${name} does not exist in domain ${domain}`);
      return id;
    },
    async call(operation, scope, send) {
      for (let attempt = 1; ; attempt++) {
        await deps.budget.take(operation, scope);
        try {
          const result = await send();
          deps.budget.succeeded(operation, scope);
          return result;
        } catch (error) {
          if (isThrottling(error)) deps.budget.throttled(operation, scope);
          const retry = isTransient(error) && attempt <= deps.maxRetries;
          const delay = backoffMs(attempt, deps.random);
          if (!retry || deps.timing.now() + delay > deps.deadline || deps.shouldStop?.()) throw error;
          deps.log({ operation, scope, attempt, error: String((error as Error)?.name ?? error) }, 'retrying');
          await deps.timing.sleep(delay);
        }
      }
    },
    async waitFor(what, check, options = {}) {
      const started = deps.timing.now();
      const until = Math.min(deps.deadline, started + (options.timeoutMs ?? 15 * 60_000));
      const schedule = pacer.schedule(options.pace, options.intervalMs);
      let nextBeat = started + HEARTBEAT_MS;
      // A caller that has just seen the resource still busy (a create's answer) skips the first look.
      let look = options.checkFirst ?? true;
      for (;;) {
        if (look) {
          const value = await check();
          if (value !== undefined) {
            schedule.done(deps.timing.now() - started);
            return value;
          }
        }
        look = true;
        // A wait that outlives its deadline or the user's patience must end, saying what it waited for.
        if (deps.shouldStop?.())
          throw new ApplyError(
            `stopped while waiting for ${what} (interrupted after ${seconds(deps.timing.now() - started)})`,
          );
        // Paces can be long: the last one is cut short so the final look falls on the deadline.
        const remaining = until - deps.timing.now();
        const pause = Math.min(schedule.pause(deps.timing.now() - started), remaining);
        if (remaining <= 0)
          throw new ApplyError(
            `timed out waiting for ${what} after ${seconds(deps.timing.now() - started)}${until === deps.deadline ? ' (the overall deadline, --timeout)' : ''}`,
          );
        await deps.timing.sleep(pause);
        if (deps.onWait && deps.timing.now() >= nextBeat) {
          deps.onWait(what, deps.timing.now() - started);
          nextBeat = deps.timing.now() + HEARTBEAT_MS;
        }
      }
    },
    log: deps.log,
  };
  return ctx;
}
