/**
 * One-pass normalisers against the values they replaced.
 *
 * The project normaliser (plan/desired.ts `normalizeProject`) against the two-step reference:
 * normalise the spec as `normalizeDesired` does, then put the profile's chosen environments in
 * place of the spec's own. Random specs (empty strings, missing fields, environments of the
 * project's own, profiles with and without choice environments) must give deep-equal values with
 * the same key order, since key order reaches the plan's JSON. (A spec that compacts to nothing
 * made the old code throw; the new one returns a value there.)
 *
 * The account pool normaliser builds its value compacted: it must equal `compact` of the literal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManifestOf } from '../../src/model/manifest.js';
import { compact, type NormalProject, type NormalProjectProfile } from '../../src/model/normalized.js';
import { normalizeProject } from '../../src/plan/desired.js';
import { normalizeDesired } from '../../src/plan/normalize-desired.js';

const THREW = Symbol('the two-step normaliser threw');

/** The two-step normaliser as it was before the one-pass one. */
function reference(manifest: ManifestOf<'Project'>, profile: NormalProjectProfile | undefined) {
  const base = normalizeDesired(manifest) as NormalProject | undefined;
  const spec = manifest.spec;
  const choice = profile
    ? new Set(
        (profile.environments ?? [])
          .filter((e) => e.target.accountPools || e.target.allAssociatedAccounts)
          .map((e) => e.name),
      )
    : undefined;
  const names = spec.environments?.length
    ? [...new Set([...(choice ?? []), ...spec.environments.map((e) => e.name)])].sort()
    : choice
      ? [...choice].sort()
      : [];
  const environments = names.map((name) => {
    const own = spec.environments?.find((e) => e.name === name);
    const target = own?.target ?? (choice?.has(name) ? spec.target : undefined);
    return compact({
      name,
      target: target && { account: target.account, region: target.region },
      parameters: own?.parameters,
    });
  });
  const chosen = environments.filter((e) => e && Object.keys(e).length > 1);
  // The old code threw here (Object.keys of undefined) for a spec that compacts to nothing.
  if (base === undefined) return THREW;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base))
    if (key !== 'environments') out[key] = base[key as keyof NormalProject];
    else if (chosen.length > 0) out[key] = chosen;
  if (!('environments' in base) && chosen.length > 0) out.environments = chosen;
  return Object.keys(out).length > 0 ? out : base;
}

const text = fc.constantFrom('', 'a', 'b', 'Tooling', 'Lakehouse');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const target = fc.record(
  { account: fc.constantFrom('', '111122223333', '444455556666'), region: fc.constantFrom('', 'eu-west-1') },
  { requiredKeys: [] },
);
const record = fc.dictionary(fc.constantFrom('k1', 'k2', 'aws:x'), fc.constantFrom('', 'v'), { maxKeys: 3 });
const spec = fc.record(
  {
    description: text,
    profile: text,
    domainUnit: text,
    target,
    environments: fc.array(fc.record({ name: text, target: maybe(target), parameters: maybe(record) }), {
      maxLength: 3,
    }),
    resourceTags: record,
    members: fc.array(
      fc.oneof(
        fc.record({
          user: fc.constantFrom('u1', 'u2'),
          designation: maybe(fc.constantFrom('', 'PROJECT_OWNER')),
        }),
        fc.record({
          group: fc.constantFrom('g1', 'g2'),
          designation: maybe(fc.constantFrom('PROJECT_CONTRIBUTOR')),
        }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);
const profile = maybe(
  fc.record({
    status: fc.constant('ENABLED' as const),
    allowCustomProjectResourceTags: fc.constant(false),
    environments: fc.array(
      fc.record({
        name: text,
        blueprint: fc.constant('Tooling'),
        deploymentMode: fc.constant('ON_CREATE' as const),
        target: fc.oneof(
          fc.constant({ accountPools: ['pool-1'] }),
          fc.constant({ allAssociatedAccounts: true as const }),
          fc.constant({ account: '111122223333', region: 'eu-west-1' }),
        ),
      }),
      { maxLength: 3 },
    ),
  }),
);

describe('normalizeProject (one pass) agrees with the two-step normaliser', () => {
  it('gives the same value, with the same key order, on random specs and profiles', () => {
    fc.assert(
      fc.property(spec, profile, (s, p) => {
        const manifest = {
          apiVersion: 'smus-gitops/v1alpha1',
          kind: 'Project',
          metadata: { name: 'p', domain: 'd' },
          spec: s,
        } as unknown as ManifestOf<'Project'>;
        const got = normalizeProject(manifest, p as NormalProjectProfile | undefined);
        const want = reference(manifest, p as NormalProjectProfile | undefined);
        // Where the old code threw, the new one answers with what the spec and profile choose.
        if (want === THREW) return;
        expect(got).toStrictEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a project that lists only unchosen environments of its own as the spec lists them', () => {
    const manifest = {
      kind: 'Project',
      metadata: { name: 'p', domain: 'd' },
      spec: { environments: [{ name: 'a' }] },
    } as unknown as ManifestOf<'Project'>;
    expect(normalizeProject(manifest, undefined)).toStrictEqual({ environments: [{ name: 'a' }] });
  });
});

describe('normalizeDesired of an AccountPool (built compacted) agrees with compacting the literal', () => {
  const account = fc.record(
    {
      id: fc.constantFrom('', '111122223333'),
      name: fc.constantFrom('', 'n'),
      regions: fc.array(fc.constantFrom('', 'eu-west-1', 'us-east-1'), { maxLength: 3 }),
    },
    { requiredKeys: ['regions'] },
  );
  const pool = fc.record(
    {
      description: text,
      resolutionStrategy: fc.constantFrom('', 'MANUAL'),
      accounts: fc.array(account, { maxLength: 3 }),
      customHandler: fc.record(
        {
          lambdaFunctionArn: fc.constantFrom('', 'arn:f'),
          lambdaExecutionRoleArn: fc.constantFrom('', 'arn:r'),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

  it('gives the same value, with the same key order', () => {
    fc.assert(
      fc.property(pool, (s) => {
        const manifest = { kind: 'AccountPool', metadata: { name: 'p', domain: 'd' }, spec: s };
        const want = compact({
          description: s.description,
          resolutionStrategy: s.resolutionStrategy ?? 'MANUAL',
          accounts: s.accounts?.map((a) => ({ id: a.id, name: a.name, regions: [...a.regions] })),
          customHandler: s.customHandler && { ...s.customHandler },
        });
        const got = normalizeDesired(manifest as unknown as ManifestOf<'AccountPool'>);
        expect(got).toStrictEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { numRuns: 2000 },
    );
  });
});
