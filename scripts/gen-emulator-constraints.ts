/**
 * Generates the emulator's constraint tables (`src/emulator/model/<service>.generated.json`) from
 * the botocore service models in /work/shared/reference/models. Only the operations the emulator
 * serves are kept, with the shapes reachable from their inputs, outputs and errors, and without
 * documentation strings. The output is deterministic (sorted keys, one operation or shape a
 * line) so that a regeneration shows up as a small, reviewable diff.
 *
 * This script is the only part of the project that reads /work/shared; its output is committed.
 * Run with `npm run gen:constraints`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODELS_DIR = '/work/shared/reference/models';
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'emulator', 'model');

/** The operations the emulator serves, per service (keep in sync with the brief of issue 4). */
const SERVED: Record<string, readonly string[]> = {
  datazone: [
    'CreateDomain',
    'GetDomain',
    'UpdateDomain',
    'DeleteDomain',
    'ListDomains',
    'TagResource',
    'UntagResource',
    'ListTagsForResource',
    'CreateDomainUnit',
    'GetDomainUnit',
    'UpdateDomainUnit',
    'DeleteDomainUnit',
    'ListDomainUnitsForParent',
    'CreateAccountPool',
    'GetAccountPool',
    'UpdateAccountPool',
    'DeleteAccountPool',
    'ListAccountPools',
    'ListAccountsInAccountPool',
    'CreateProjectProfile',
    'GetProjectProfile',
    'UpdateProjectProfile',
    'DeleteProjectProfile',
    'ListProjectProfiles',
    'CreateProject',
    'GetProject',
    'UpdateProject',
    'DeleteProject',
    'ListProjects',
    'AddPolicyGrant',
    'ListPolicyGrants',
    'RemovePolicyGrant',
    'AddEntityOwner',
    'RemoveEntityOwner',
    'ListEntityOwners',
    'CreateProjectMembership',
    'DeleteProjectMembership',
    'ListProjectMemberships',
    'GetUserProfile',
    'SearchUserProfiles',
    'GetGroupProfile',
    'SearchGroupProfiles',
    'ListEnvironmentBlueprints',
    'GetEnvironmentBlueprint',
    'PutEnvironmentBlueprintConfiguration',
    'GetEnvironmentBlueprintConfiguration',
    'DeleteEnvironmentBlueprintConfiguration',
    'ListEnvironmentBlueprintConfigurations',
    // Governance: glossaries (issue 15).
    'CreateGlossary',
    'GetGlossary',
    'UpdateGlossary',
    'DeleteGlossary',
    'Search',
    // Governance: metadata form types and enforcement rules (issue 15).
    'CreateFormType',
    'GetFormType',
    'DeleteFormType',
    'SearchTypes',
    'CreateRule',
    'GetRule',
    'UpdateRule',
    'ListRules',
    'DeleteRule',
    // Governance: glossary terms (issue 15).
    'CreateGlossaryTerm',
    'GetGlossaryTerm',
    'UpdateGlossaryTerm',
    'DeleteGlossaryTerm',
  ],
  ram: [
    'CreateResourceShare',
    'GetResourceShares',
    'GetResourceShareAssociations',
    'AssociateResourceShare',
    'DisassociateResourceShare',
    'DeleteResourceShare',
    'GetResourceShareInvitations',
    'AcceptResourceShareInvitation',
    'ListPermissions',
    'ListResourceSharePermissions',
  ],
  sagemaker: [
    'CreateDomain',
    'DescribeDomain',
    'UpdateDomain',
    'DeleteDomain',
    'ListDomains',
    'AddTags',
    'DeleteTags',
    'ListTags',
    'CreateUserProfile',
    'DescribeUserProfile',
    'UpdateUserProfile',
    'DeleteUserProfile',
    'ListUserProfiles',
  ],
  sts: ['GetCallerIdentity', 'AssumeRole'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function asObject(value: Json | undefined, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what}: not an object`);
  return value;
}

/** Member attributes kept in the table; everything else (documentation, deprecation, box) is dropped. */
const MEMBER_KEYS = [
  'shape',
  'location',
  'locationName',
  'timestampFormat',
  'jsonName',
  'flattened',
  'queryName',
  'idempotencyToken',
  'jsonvalue',
  'xmlNamespace',
];
/** Shape attributes kept in the table. */
const SHAPE_KEYS = [
  'type',
  'required',
  'min',
  'max',
  'pattern',
  'enum',
  'union',
  'timestampFormat',
  'flattened',
  'payload',
  'exception',
  'sensitive',
];

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function slimShape(shape: JsonObject): JsonObject {
  const out = pick(shape, SHAPE_KEYS);
  if (shape.members) {
    const members: JsonObject = {};
    for (const [name, member] of Object.entries(asObject(shape.members, 'members'))) {
      members[name] = pick(asObject(member, name), MEMBER_KEYS);
    }
    out.members = members;
  }
  for (const key of ['member', 'key', 'value']) {
    if (shape[key]) out[key] = pick(asObject(shape[key], key), MEMBER_KEYS);
  }
  if (shape.error) {
    const error = asObject(shape.error, 'error');
    const kept = pick(error, ['httpStatusCode', 'code', 'senderFault']);
    if (Object.keys(kept).length > 0) out.error = kept;
  }
  return out;
}

/** Shape names a shape refers to (members, list member, map key and value). */
function references(shape: JsonObject): string[] {
  const refs: string[] = [];
  if (shape.members) {
    for (const member of Object.values(asObject(shape.members, 'members')))
      refs.push(String(asObject(member, 'm').shape));
  }
  for (const key of ['member', 'key', 'value'])
    if (shape[key]) refs.push(String(asObject(shape[key], key).shape));
  return refs;
}

function generate(service: string): JsonObject {
  const model = asObject(
    JSON.parse(readFileSync(join(MODELS_DIR, `${service}.json`), 'utf8')) as Json,
    service,
  );
  const metadata = asObject(model.metadata, 'metadata');
  const allOperations = asObject(model.operations, 'operations');
  const allShapes = asObject(model.shapes, 'shapes');
  const operations: JsonObject = {};
  const pending: string[] = [];
  for (const name of SERVED[service] ?? []) {
    const op = asObject(allOperations[name], `${service}.${name}`);
    const http = asObject(op.http, 'http');
    const entry: JsonObject = {
      http: pick(http, ['method', 'requestUri', 'responseCode']),
    };
    if (op.input) {
      entry.input = asObject(op.input, 'input').shape ?? null;
      pending.push(String(entry.input));
    }
    if (op.output) {
      const output = asObject(op.output, 'output');
      entry.output = output.shape ?? null;
      if (output.resultWrapper) entry.resultWrapper = output.resultWrapper;
      pending.push(String(entry.output));
    }
    const errors = Array.isArray(op.errors) ? op.errors.map((e) => String(asObject(e, 'error').shape)) : [];
    entry.errors = errors;
    pending.push(...errors);
    operations[name] = entry;
  }
  const shapes: JsonObject = {};
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (shapes[name]) continue;
    const shape = asObject(allShapes[name], `shape ${name}`);
    shapes[name] = slimShape(shape);
    pending.push(...references(shape));
  }
  return {
    metadata: pick(metadata, [
      'apiVersion',
      'protocol',
      'signingName',
      'endpointPrefix',
      'targetPrefix',
      'jsonVersion',
      'xmlNamespace',
      'serviceId',
    ]),
    operations,
    shapes,
  };
}

/** JSON with keys sorted at every level (deterministic output). */
function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted(value[key] as Json);
  return out;
}

/** One operation or shape a line: compact, yet a change shows up as a one-line diff. */
function render(table: JsonObject): string {
  const lines: string[] = ['{'];
  const sections = Object.keys(table).sort();
  sections.forEach((section, i) => {
    const body = asObject(sorted(table[section] as Json), section);
    const keys = Object.keys(body);
    if (section === 'metadata') {
      lines.push(
        `  ${JSON.stringify(section)}: ${JSON.stringify(body)}${i < sections.length - 1 ? ',' : ''}`,
      );
      return;
    }
    lines.push(`  ${JSON.stringify(section)}: {`);
    keys.forEach((key, j) => {
      lines.push(`    ${JSON.stringify(key)}: ${JSON.stringify(body[key])}${j < keys.length - 1 ? ',' : ''}`);
    });
    lines.push(`  }${i < sections.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

for (const service of Object.keys(SERVED)) {
  const table = generate(service);
  const file = join(OUT_DIR, `${service}.generated.json`);
  writeFileSync(file, render(table));
  const counts = `${Object.keys(asObject(table.operations, 'o')).length} operations, ${Object.keys(asObject(table.shapes, 's')).length} shapes`;
  console.log(`wrote ${file} (${counts})`);
}
