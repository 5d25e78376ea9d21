/**
 * Test support for the manifest schemas: loads `schemas/` into one strict ajv instance (the way the
 * loader does) and reads the documents of `manifests-example/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { parseAllDocuments } from 'yaml';
import { SCHEMA_BASE_URL } from '../../src/version.js';

/** The repository root (this file is test/schemas/support.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where the schemas live. */
export const schemasDir = join(repoRoot, 'schemas');
/** Where the example manifests live. */
export const examplesDir = join(repoRoot, 'manifests-example');

/** The schema file of each kind. */
export const KIND_SCHEMA = {
  Domain: 'domain.schema.json',
  DomainUnit: 'domain-unit.schema.json',
  AccountAssociation: 'account-association.schema.json',
  BlueprintConfiguration: 'blueprint-configuration.schema.json',
  AccountPool: 'account-pool.schema.json',
  ProjectProfile: 'project-profile.schema.json',
  Project: 'project.schema.json',
  StudioDomain: 'studio-domain.schema.json',
  StudioUserProfile: 'studio-user-profile.schema.json',
  Policy: 'policy.schema.json',
  PolicyGrant: 'policy-grant.schema.json',
  Glossary: 'glossary.schema.json',
  FormType: 'form-type.schema.json',
  MetadataRule: 'metadata-rule.schema.json',
  GlossaryTerm: 'glossary-term.schema.json',
} as const;

/** A manifest kind. */
export type Kind = keyof typeof KIND_SCHEMA;

/** Narrows a string to a known kind. */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.hasOwn(KIND_SCHEMA, value);
}

/** A parsed schema file. */
export interface SchemaFile {
  file: string;
  schema: Record<string, unknown>;
}

/** Reads every `schemas/*.json`. */
export function readSchemaFiles(): SchemaFile[] {
  return readdirSync(schemasDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) }));
}

/** One ajv instance holding every schema, configured as the loader configures it. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const { schema } of readSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}

/** Validates `doc` against the schema with `$id` `schemaId`; returns ajv's errors (empty when valid). */
export function errorsOf(ajv: Ajv2020, schemaId: string, doc: unknown): ErrorObject[] {
  // A schema's `$id` is its published URL ending in the file name (test/schemas/schemas.test.ts).
  const validate = ajv.getSchema(SCHEMA_BASE_URL + schemaId);
  if (!validate) throw new Error(`schema ${schemaId} is not loaded`);
  return validate(doc) ? [] : (validate.errors ?? []);
}

/** One YAML document of the examples. */
export interface ExampleDoc {
  /** `accounts/associations.yaml#2`: file relative to manifests-example, document index. */
  label: string;
  file: string;
  doc: unknown;
}

/** One example file: its documents and the schema named by its yaml-language-server line. */
export interface ExampleFile {
  file: string;
  schemaLine: string | undefined;
  docs: ExampleDoc[];
}

/** Reads every YAML file under manifests-example/, failing on YAML errors. */
export function readExamples(): ExampleFile[] {
  const files = readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  return files.map((file) => {
    const path = join(examplesDir, file);
    const text = readFileSync(path, 'utf8');
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs)) throw new Error(`${file}: no YAML documents`);
    const name = relative(examplesDir, path);
    return {
      file: name,
      schemaLine: text.split('\n', 1)[0],
      docs: docs.map((document, index) => {
        if (document.errors.length > 0) throw new Error(`${name}#${index}: ${document.errors[0]?.message}`);
        return { label: `${name}#${index}`, file: name, doc: document.toJS() };
      }),
    };
  });
}

/** A plain JSON object. */
export type Json = Record<string, unknown>;

/** Narrows to a plain object. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets (or, with `undefined`, deletes) the value at a JSON pointer such as `/spec/members/0/user`,
 * creating missing objects on the way. Used to derive invalid documents from valid ones.
 */
export function setAt(doc: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  if (last === undefined) throw new Error('setAt needs a non-empty pointer');
  let node = doc;
  for (const key of keys) {
    if (Array.isArray(node)) {
      node = node[Number(key)];
    } else if (isObject(node)) {
      node[key] ??= {};
      node = node[key];
    } else {
      throw new Error(`${pointer}: ${key} is not in a container`);
    }
  }
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
  } else if (isObject(node)) {
    if (value === undefined) delete node[last];
    else node[last] = value;
  } else {
    throw new Error(`${pointer}: parent is not a container`);
  }
}
