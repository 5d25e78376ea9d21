/**
 * The operation of a domain-scoped resource known by name: the kinds the id registry records
 * (DomainUnit, AccountPool, ProjectProfile, Project) and the governance kinds it does not
 * (Glossary, GlossaryTerm, FormType, MetadataRule). Every such kind dispatches a change the same
 * way: resolve the domain and the live id (the plan's live view, else the change, else, for a
 * registry kind, an id recorded earlier in this apply), then ensure (create or adopt), update,
 * delete-then-ensure, or delete. Each kind supplies only the steps where its API differs, so the
 * dispatch and the registry bookkeeping live here once.
 */
import { randomUUID } from 'node:crypto';
import { assertNever, type ManifestOf } from '../../model/manifest.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { deleteTolerant, domainRef, type DomainRef } from './dz-calls.js';
import { createOrAdopt, type CreateOrAdopt } from './dz-named.js';

/** The kinds the id registry records by name within a domain. */
export type NamedKind = 'DomainUnit' | 'AccountPool' | 'ProjectProfile' | 'Project';

/**
 * The domain-scoped kinds `namedOperation` dispatches: the registry's kinds, and kinds that no later
 * operation resolves through the registry, whose id comes from the plan's live view or the change.
 */
export type DomainKind = NamedKind | 'Glossary' | 'GlossaryTerm' | 'FormType' | 'MetadataRule';

const REGISTERED: ReadonlySet<DomainKind> = new Set<NamedKind>([
  'DomainUnit',
  'AccountPool',
  'ProjectProfile',
  'Project',
]);

/** The kind itself when the id registry records it; undefined for a kind it does not. */
function registryKind(kind: DomainKind): NamedKind | undefined {
  return REGISTERED.has(kind) ? (kind as NamedKind) : undefined;
}

/** One change's resource, as a kind's steps see it. */
export interface NamedTarget<K extends DomainKind = NamedKind> {
  kind: K;
  ctx: OperationContext;
  d: DomainRef;
  /** The registry name: a unit path, or a pool, profile or project name. */
  name: string;
  input: OperationInput;
}

/** How one kind carries out its changes; `N` is its normalised desired value. */
export interface NamedSteps<N, K extends DomainKind = NamedKind> {
  kind: K;
  /**
   * The desired value of a create, update or replace; by default the planner's normal value of the
   * kind's manifest (an ApplyError when the change carries none).
   */
  desired?(input: OperationInput): N;
  /**
   * Creates or adopts the resource, records its id and brings it to the desired state.
   * `generation` is a fresh nonce for a create and the replaced id (or 'replace') for a replace, so
   * a kind with client tokens gives a recreated resource a new one (a create after an earlier
   * apply deleted the resource must not be answered with the deleted one).
   */
  ensure(target: NamedTarget<K>, desired: N, generation: string): Promise<void>;
  /** Brings the existing resource `id` to the desired state. */
  update(target: NamedTarget<K>, id: string, desired: N): Promise<void>;
  /** Deletes the resource `id` (one already gone counts as deleted) and forgets its id. */
  remove(target: NamedTarget<K>, id: string): Promise<void>;
}

/** The operation of a named kind: create, update, replace or delete one resource through `steps`. */
export function namedOperation<N, K extends DomainKind = NamedKind>(steps: NamedSteps<N, K>): Operation {
  const registered = registryKind(steps.kind);
  return async (input, ctx) => {
    const { change, live } = input;
    const name = change.address.name;
    const d = domainRef(ctx, change.address.domain ?? '');
    const target: NamedTarget<K> = { kind: steps.kind, ctx, d, name, input };
    const recorded = registered ? ctx.ids.get(registered, d.name, name) : undefined;
    const liveId = live?.id ?? change.id ?? recorded;
    // The kind's normal value is the N it declares: the planner normalised its manifest.
    const desiredOf = (): N =>
      steps.desired ? steps.desired(input) : (desiredNormal(input, steps.kind) as N);
    switch (change.action) {
      case 'create':
        return steps.ensure(target, desiredOf(), randomUUID());
      case 'update': {
        if (!liveId) return steps.ensure(target, desiredOf(), randomUUID());
        const desired = desiredOf();
        if (registered) ctx.ids.set(registered, d.name, name, liveId);
        return steps.update(target, liveId, desired);
      }
      case 'replace':
        if (liveId) await steps.remove(target, liveId);
        return steps.ensure(target, desiredOf(), liveId ?? 'replace');
      case 'delete':
        if (liveId) await steps.remove(target, liveId);
        return;
      case 'noop':
      case 'unmanaged':
        return;
      default:
        return assertNever(change.action);
    }
  };
}

/**
 * The normalised desired value of a change whose manifest must be of `kind` (the planner's value,
 * else `normalize` of the manifest); an ApplyError when the change carries no such manifest.
 */
export function desiredNormal<K extends DomainKind>(
  input: OperationInput,
  kind: K,
  normalize: (manifest: ManifestOf<K>) => unknown = normalizeDesired,
): unknown {
  const m = input.desired?.manifest;
  if (m?.kind !== kind)
    throw new ApplyError(`${input.change.action} of ${kind}/${input.change.address.name} needs its manifest`);
  // The kind check above is what makes the manifest a ManifestOf<K>; TypeScript cannot narrow a generic.
  return input.desired?.normal ?? normalize(m as ManifestOf<K>);
}

/** How to find, create and update one named resource for `ensureNamed`. */
export interface EnsureSteps extends CreateOrAdopt {
  /** Brings an adopted resource (whose fields are unknown) to the desired state. */
  update(id: string): Promise<void>;
}

/**
 * Finds the resource by name or creates it, records its id (a registry kind), and updates it when
 * it was adopted.
 */
export async function ensureNamed(target: NamedTarget<DomainKind>, steps: EnsureSteps): Promise<void> {
  const { id, adopted } = await createOrAdopt(steps);
  const registered = registryKind(target.kind);
  if (registered) target.ctx.ids.set(registered, target.d.name, target.name, id);
  if (adopted) await steps.update(id);
}

/** The id of a create's answer; an ApplyError when it has none (nothing to record or adopt by). */
export function createdId(out: { id?: string }, operation: string, name: string): string {
  if (!out.id) throw new ApplyError(`${operation} of ${name} answered no id`);
  return out.id;
}

/** The domain and resource ids a DataZone delete request names. */
export interface DeleteRequest {
  domainIdentifier: string;
  identifier: string;
}

/**
 * The `remove` step of a kind whose delete is one call: runs `operation` through `send` (a
 * resource already gone counts as deleted), then forgets the resource's id (a registry kind).
 */
export function deleteCall(
  operation: string,
  send: (d: DomainRef, request: DeleteRequest) => Promise<unknown>,
): (target: NamedTarget<DomainKind>, id: string) => Promise<void> {
  return async (target, id) => {
    const { ctx, d } = target;
    await deleteTolerant(() =>
      ctx.call(operation, d.scope, () => send(d, { domainIdentifier: d.id, identifier: id })),
    );
    const registered = registryKind(target.kind);
    if (registered) ctx.ids.delete(registered, d.name, target.name);
  };
}
