/** The validator against the generated tables: each constraint kind, nested paths, the message format. */
import { describe, expect, it } from 'vitest';
import { serviceModel } from '../../src/emulator/model/index.js';
import { validateInput, violationMessage } from '../../src/emulator/validate-input.js';
import { compilePattern, matchesPattern } from '../../src/emulator/patterns.js';

const dz = serviceModel('datazone');
const sm = serviceModel('sagemaker');

function check(shape: string, input: Record<string, unknown>, model = dz): string | undefined {
  const violation = validateInput(model, shape, input);
  return violation && violationMessage(violation);
}

describe('validateInput', () => {
  it('accepts a conforming input', () => {
    expect(
      check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 'My project-1' }),
    ).toBeUndefined();
  });

  it('reports a missing required member', () => {
    expect(check('CreateProjectInput', { domainIdentifier: 'dzd_abc' })).toBe(
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports patterns as full matches, in the documented wording', () => {
    expect(check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 'ok!' })).toBe(
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w -]+",
    );
    // A substring match is not enough.
    expect(check('GetDomainInput', { identifier: 'xdzd_abc' })).toContain('regular expression');
  });

  it('counts length in characters, not UTF-16 units', () => {
    const name = '😀'.repeat(64);
    expect(check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 'a'.repeat(65) })).toContain(
      'Member must have length less than or equal to 64',
    );
    expect(
      check('CreateDomainUnitInput', {
        domainIdentifier: 'dzd_abc',
        name,
        parentDomainUnitIdentifier: 'abc',
      }),
    ).toContain("'name'");
    expect(
      check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 'p', description: '😀'.repeat(2048) }),
    ).toBeUndefined();
  });

  it('checks enums, numeric ranges and list bounds', () => {
    expect(check('ListDomainsInput', { status: 'NOPE' })).toContain('Member must satisfy enum value set: [');
    expect(check('ListDomainsInput', { maxResults: 26 })).toContain('less than or equal to 25');
    expect(check('ListDomainsInput', { maxResults: 0 })).toContain('greater than or equal to 1');
    expect(check('ListDomainsInput', { maxResults: 1.5 })).toContain('integer');
    const glossaryTerms = Array.from({ length: 21 }, (_, i) => `term${i}`);
    expect(check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 'p', glossaryTerms })).toContain(
      "Value at 'glossaryTerms' failed to satisfy constraint: Member must have length less than or equal to 20",
    );
  });

  it('names nested paths with 1-based list positions', () => {
    const message = check('PutEnvironmentBlueprintConfigurationInput', {
      domainIdentifier: 'dzd_abc',
      environmentBlueprintIdentifier: 'bp1',
      enabledRegions: ['us-east-1'],
      resourceConfigurations: [
        { name: 'ok', region: 'us-east-1', parameters: {} },
        { name: '', region: 'us-east-1', parameters: {} },
      ],
    });
    expect(message).toContain("Value at 'resourceConfigurations.2.member.name'");
    expect(
      check('PutEnvironmentBlueprintConfigurationInput', {
        domainIdentifier: 'dzd_abc',
        environmentBlueprintIdentifier: 'bp1',
        enabledRegions: ['not a region'],
      }),
    ).toContain("Value at 'enabledRegions.1.member'");
  });

  it('requires exactly one member of a union', () => {
    const base = { domainIdentifier: 'dzd_abc', name: 'pool', resolutionStrategy: 'MANUAL' };
    expect(check('CreateAccountPoolInput', { ...base, accountSource: {} })).toContain('exactly one member');
    expect(
      check('CreateAccountPoolInput', {
        ...base,
        accountSource: {
          accounts: [{ awsAccountId: '123456789012', supportedRegions: ['us-east-1'] }],
          customAccountPoolHandler: { lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' },
        },
      }),
    ).toContain("'accountSource'");
  });

  it('rejects wrong JSON types', () => {
    expect(check('CreateProjectInput', { domainIdentifier: 'dzd_abc', name: 5 })).toContain(
      'Member must be a string',
    );
    expect(check('DescribeDomainRequest', { DomainId: ['d-1'] }, sm)).toContain('Member must be a string');
  });
});

describe('patterns', () => {
  it('compiles Java-style property escapes with the u flag and caches', () => {
    expect(matchesPattern('\\p{L}+', 'Ünïcödé')).toBe(true);
    expect(matchesPattern('\\p{L}+', 'abc1')).toBe(false);
    expect(compilePattern('[a-z]+')).toBe(compilePattern('[a-z]+'));
  });

  it('skips patterns JavaScript cannot compile instead of failing requests', () => {
    expect(compilePattern('(?<bad')).toBeUndefined();
    expect(matchesPattern('(?<bad', 'anything')).toBe(true);
  });
});
