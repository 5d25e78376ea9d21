/**
 * The manifest JSON Schemas: they compile in ajv's strict mode, the example manifests satisfy them
 * (and their own references and policy), and small invalid documents are rejected where expected.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_BASE_URL } from '../../src/version.js';
import { danglingReferences } from './example-references.js';
import { invalidCases } from './invalid-cases.js';
import {
  KIND_SCHEMA,
  createAjv,
  errorsOf,
  examplesDir,
  isKind,
  isObject,
  readExamples,
  readSchemaFiles,
  schemasDir,
  setAt,
} from './support.js';
import type { ExampleDoc, Json, Kind } from './support.js';

const examples = readExamples();
const exampleDocs: ExampleDoc[] = examples.flatMap((file) => file.docs);

/** The kind of an example document (they all have one; the schema test proves it). */
function kindOf(doc: unknown): Kind {
  if (isObject(doc) && isKind(doc.kind)) return doc.kind;
  throw new Error(`not a manifest: ${JSON.stringify(doc).slice(0, 80)}`);
}

/** A deep copy of the example document of that kind and name, to derive a test case from. */
function example(kind: Kind, name: string): Json {
  const found = exampleDocs.find(
    ({ doc }) => isObject(doc) && doc.kind === kind && isObject(doc.metadata) && doc.metadata.name === name,
  );
  if (!found || !isObject(found.doc)) throw new Error(`no example ${kind}/${name}`);
  return structuredClone(found.doc);
}

let ajv: Ajv2020;
beforeAll(() => {
  ajv = createAjv();
});

describe('schema files', () => {
  it.each(readSchemaFiles())(
    '$file declares draft 2020-12 and $id = its published URL',
    ({ file, schema }) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      // Stable and absolute, so a copied manifest's `$schema` reference still resolves; a version
      // bump or a new schema is stamped by `npx tsx scripts/stamp-schema-ids.ts`.
      expect(schema.$id).toBe(`${SCHEMA_BASE_URL}${file}`);
    },
  );

  it('all compile together in ajv 2020 strict mode', () => {
    const strict = createAjv();
    // getSchema compiles on first use; strict mode makes any doubtful keyword a thrown error.
    for (const { file } of readSchemaFiles())
      expect(strict.getSchema(SCHEMA_BASE_URL + file), file).toBeTypeOf('function');
  });

  it('give every kind a schema with a title and a description, and dispatch to it from manifest.schema.json', () => {
    const files = new Map(readSchemaFiles().map(({ file, schema }) => [file, schema]));
    const dispatched: unknown[] = [];
    const manifest = files.get('manifest.schema.json');
    for (const branch of Array.isArray(manifest?.allOf) ? manifest.allOf : []) {
      if (isObject(branch) && isObject(branch.then)) dispatched.push(branch.then.$ref);
    }
    for (const file of Object.values(KIND_SCHEMA)) {
      expect(files.get(file)).toMatchObject({ title: expect.any(String), description: expect.any(String) });
      expect(dispatched).toContain(file);
    }
  });

  it('reject an unknown kind in manifest.schema.json', () => {
    const doc = { ...example('Project', 'hr-analytics'), kind: 'Projekt' };
    expect(errorsOf(ajv, 'manifest.schema.json', doc)).toContainEqual(
      expect.objectContaining({ keyword: 'enum', instancePath: '/kind' }),
    );
  });
});

describe('example manifests', () => {
  it.each(examples)(
    '$file names its kind schema in a yaml-language-server line',
    ({ file, schemaLine, docs }) => {
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(schemaLine ?? '');
      expect(match, 'first line').not.toBeNull();
      const schemaPath = join(examplesDir, dirname(file), match?.[1] ?? '');
      expect(existsSync(schemaPath)).toBe(true);
      const kinds = new Set(docs.map(({ doc }) => kindOf(doc)));
      expect([...kinds].map((kind) => join(schemasDir, KIND_SCHEMA[kind]))).toEqual([schemaPath]);
    },
  );

  it.each(exampleDocs)('$label is valid against its kind schema and manifest.schema.json', ({ doc }) => {
    expect(errorsOf(ajv, KIND_SCHEMA[kindOf(doc)], doc)).toEqual([]);
    expect(errorsOf(ajv, 'manifest.schema.json', doc)).toEqual([]);
  });

  it('reproduce the scenarios', () => {
    const names = (kind: Kind): unknown[] =>
      exampleDocs
        .filter(({ doc }) => kindOf(doc) === kind)
        .map(({ doc }) => (isObject(doc) && isObject(doc.metadata) ? doc.metadata.name : undefined));
    expect(names('Domain')).toEqual(['corp-data']);
    expect(names('DomainUnit')).toEqual(expect.arrayContaining(['HR', 'DataEngineering']));
    expect(names('AccountAssociation')).toEqual(
      expect.arrayContaining(['444455556666', '555566667777', '666677778888', '777788889999']),
    );
    expect(names('BlueprintConfiguration')).toEqual(expect.arrayContaining(['Tooling', 'DataLake']));
    expect(names('AccountPool')).toEqual(
      expect.arrayContaining([
        'hr-accountpool',
        'namer-data-engg-pool',
        'emea-data-engg-pool',
        'apac-data-engg-pool',
      ]),
    );
    expect(names('ProjectProfile')).toEqual(
      expect.arrayContaining(['Corporate HR', 'Data Engineer', 'All Accounts', 'Production Analytics']),
    );
    expect(names('Project')).toEqual(
      expect.arrayContaining([
        'hr-analytics',
        'namer-data-pipelines',
        'emea-data-pipelines',
        'apac-data-pipelines',
      ]),
    );
    expect(names('StudioDomain')).toEqual(
      expect.arrayContaining(['finance-studio', 'sustainability-research']),
    );
    expect(names('Policy')).toEqual(['security-baseline']);
    const customPools = exampleDocs.filter(
      ({ doc }) =>
        kindOf(doc) === 'AccountPool' && isObject(doc) && isObject(doc.spec) && 'customHandler' in doc.spec,
    );
    expect(customPools).toHaveLength(1);
  });

  it('resolve every reference among themselves', () => {
    expect(danglingReferences(ajv, exampleDocs)).toEqual([]);
  });

  // The check above is only worth something if it notices a broken reference.
  it.each([
    [
      'Project',
      'hr-analytics',
      '/spec/profile',
      'Corporate Finance',
      /profile Corporate Finance is not declared/,
    ],
    ['Project', 'hr-analytics', '/spec/target/region', 'us-west-2', /not allowed by the pools of Tooling/],
    [
      'Project',
      'emea-data-pipelines',
      '/spec/domainUnit',
      'Engineering',
      /domain unit Engineering is not declared/,
    ],
    [
      'ProjectProfile',
      'Data Engineer',
      '/spec/environments/1/target/accountPools/0',
      'latam-pool',
      /pool latam-pool/,
    ],
    [
      'ProjectProfile',
      'Production Analytics',
      '/spec/environments/0/target/region',
      'eu-west-1',
      /not enabled in/,
    ],
    [
      'AccountPool',
      'hr-accountpool',
      '/spec/accounts/0/id',
      '999988887777',
      /999988887777 is not associated/,
    ],
    ['DomainUnit', 'HR/Benefits', '/metadata/name', 'People/Benefits', /parent People is not declared/],
  ] as const)('would report %s %s with %s = %s', (kind, name, pointer, value, problem) => {
    const changed = example(kind, name);
    setAt(changed, pointer, value);
    const docs = exampleDocs.map((entry) =>
      isObject(entry.doc) &&
      entry.doc.kind === kind &&
      isObject(entry.doc.metadata) &&
      entry.doc.metadata.name === name
        ? { ...entry, doc: changed }
        : entry,
    );
    expect(danglingReferences(ajv, docs)).toContainEqual(expect.stringMatching(problem));
  });
});

describe('the example security-baseline policy', () => {
  const policy = example('Policy', 'security-baseline');
  const rules =
    isObject(policy.spec) && Array.isArray(policy.spec.rules) ? policy.spec.rules.filter(isObject) : [];

  /** Labels of the documents of `docs` that fail the rule `id`. */
  function violations(id: string, docs: ExampleDoc[]): string[] {
    const rule = rules.find((candidate) => candidate.id === id);
    const kinds: unknown = rule?.kinds;
    const assertion: unknown = rule?.assert;
    if (!Array.isArray(kinds) || !isObject(assertion)) throw new Error(`no rule ${id}`);
    // Rule assertions are compiled on their own; the examples keep them strict-mode clean.
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(assertion);
    return docs.filter(({ doc }) => kinds.includes(kindOf(doc)) && !validate(doc)).map(({ label }) => label);
  }

  it.each(rules.map((rule) => String(rule.id)))('%s holds for every example', (id) => {
    expect(violations(id, exampleDocs)).toEqual([]);
  });

  it.each([
    ['studio-vpc-only', 'StudioDomain', 'finance-studio', '/spec/appNetworkAccessType', 'PublicInternetOnly'],
    ['studio-kms-required', 'StudioDomain', 'finance-studio', '/spec/kmsKeyId', 'alias/finance'],
    ['domain-kms-required', 'Domain', 'corp-data', '/spec/kmsKey', undefined],
    ['allowed-regions', 'StudioDomain', 'sustainability-research', '/spec/region', 'ap-south-1'],
    ['required-tags', 'Domain', 'corp-data', '/spec/tags/owner', undefined],
    [
      'profiles-target-pools',
      'ProjectProfile',
      'Data Engineer',
      '/spec/environments/0/target',
      { allAssociatedAccounts: true },
    ],
  ] as const)('%s catches %s %s with %s changed', (id, kind, name, pointer, value) => {
    const doc = example(kind, name);
    setAt(doc, pointer, value);
    expect(violations(id, [{ label: 'changed', file: 'changed', doc }])).toEqual(['changed']);
  });
});

describe('invalid documents are rejected', () => {
  it.each(invalidCases)('%s', (_name, base, pointer, value, expected) => {
    const [kind, ...name] = base.split('/');
    if (!isKind(kind)) throw new Error(`bad case base ${base}`);
    const doc = example(kind, name.join('/'));
    setAt(doc, pointer, value);
    const [keyword, instancePath] = expected.split(' at ');
    const error = expect.objectContaining({ keyword, instancePath });
    expect(errorsOf(ajv, KIND_SCHEMA[kind], doc)).toContainEqual(error);
    expect(errorsOf(ajv, 'manifest.schema.json', doc)).toContainEqual(error);
  });
});

describe('tombstones need only their identity', () => {
  /** A tombstone of `kind` named `name` (in domain corp-data unless global) with the given spec. */
  function tombstone(kind: Kind, name: string, spec?: Json): Json {
    const global = kind === 'Domain' || kind === 'StudioDomain';
    return {
      apiVersion: 'smus-gitops/v1alpha1',
      kind,
      metadata: global ? { name } : { name, domain: 'corp-data' },
      lifecycle: { ensure: 'absent' },
      ...(spec ? { spec } : {}),
    };
  }

  it.each([
    ['Domain', 'corp-data', { region: 'us-east-1' }],
    ['StudioDomain', 'finance-studio', { region: 'us-east-1' }],
    ['BlueprintConfiguration', 'Tooling', undefined],
    ['BlueprintConfiguration', 'Tooling', { account: '444455556666' }],
    ['DomainUnit', 'HR/Benefits', undefined],
    ['AccountAssociation', '444455556666', undefined],
    ['AccountPool', 'hr-accountpool', undefined],
    ['ProjectProfile', 'Corporate HR', undefined],
    ['Project', 'hr-analytics', undefined],
    // What still applies to a tombstone: the domain's teardown policy, the role that reaches an account.
    ['Domain', 'corp-data', { region: 'us-east-1', reconcile: { maxDeletes: 10 } }],
    ['AccountAssociation', '444455556666', { assumeRoleArn: 'arn:aws:iam::444455556666:role/Deployer' }],
    // A manifest flipped to absent may keep (part of) its old spec: it is ignored.
    ['Project', 'hr-analytics', { description: 'kept from before' }],
  ] as const)('a %s tombstone %s with spec %j is valid', (kind, name, spec) => {
    const doc = tombstone(kind, name, spec);
    expect(errorsOf(ajv, KIND_SCHEMA[kind], doc)).toEqual([]);
    expect(errorsOf(ajv, 'manifest.schema.json', doc)).toEqual([]);
  });

  it.each([
    ['Domain', 'corp-data', undefined, 'required at '],
    ['StudioDomain', 'finance-studio', {}, 'required at /spec'],
    ['Domain', 'corp-data', { region: 'nowhere' }, 'pattern at /spec/region'],
    ['BlueprintConfiguration', 'Tooling', { account: '4444' }, 'pattern at /spec/account'],
    ['AccountAssociation', '444455556666', { assumeRoleArn: 'Deployer' }, 'pattern at /spec/assumeRoleArn'],
  ] as const)('a %s tombstone %s with spec %j is rejected (%s)', (kind, name, spec, expected) => {
    const [keyword, instancePath] = expected.split(' at ');
    expect(errorsOf(ajv, KIND_SCHEMA[kind], tombstone(kind, name, spec))).toContainEqual(
      expect.objectContaining({ keyword, instancePath }),
    );
  });

  it('a document declared present still needs its spec', () => {
    const doc = example('Project', 'hr-analytics');
    delete doc.spec;
    expect(errorsOf(ajv, KIND_SCHEMA.Project, doc)).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'spec' } }),
    );
  });
});
