/**
 * Validates loaded documents against the kind schemas: the envelope first (is it a manifest, of
 * which kind?), then the kind's schema, with every ajv error pruned and located in the source.
 * The ajv instance is built once per schema set (compilation is the expensive part).
 */
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type, ValidateFunction } from 'ajv/dist/2020.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from '../load/parse.js';
import { nearestSpan } from '../load/source-map.js';
import {
  API_VERSION,
  MANIFEST_KINDS,
  isTombstone,
  type Manifest,
  type ManifestKind,
} from '../model/manifest.js';
import { schemaProblems, type SchemaProblem } from './schema-errors.js';
import { didYouMean } from './suggest.js';
import { installUniqueItems } from './unique-items-keyword.js';

/** A kind's schema file name: `ProjectProfile` → `project-profile.schema.json`. */
export function schemaIdForKind(kind: ManifestKind): string {
  return `${kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.schema.json`;
}

/**
 * The file name an `$id` ends in: schemas are looked up by file name, so the absolute `$id`
 * (a published URL) and the relative `$ref`s between schemas (`common.schema.json#/$defs/x`) meet.
 */
export function schemaFileName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** A document that passed its schema, with where it came from. */
export interface ValidDocument {
  manifest: Manifest;
  source: LoadedDocument;
}

/** Validates documents against the manifest schemas. */
export interface SchemaValidator {
  validate(document: LoadedDocument): { valid?: ValidDocument; diagnostics: Diagnostic[] };
}

/** Locates a problem: the key for field-level problems, the value otherwise. */
export function locate(document: LoadedDocument, pointer: string, atKey: boolean) {
  const found = nearestSpan(document.sourceMap, pointer);
  if (!found) return { file: document.file, start: { line: 1, col: 1 } };
  const span = atKey && found.span.key ? found.span.key : found.span.value;
  return { file: document.file, start: span.start, end: span.end };
}

function toDiagnostic(document: LoadedDocument, problem: SchemaProblem): Diagnostic {
  return diagnostic(problem.code, 'error', problem.message, locate(document, problem.pointer, problem.atKey));
}

/** Validation functions and schema documents by file name (the build-time output of scripts/build-validators.ts). */
export interface CompiledSchemas {
  validators: Record<string, ValidateFunction>;
  schemas: Record<string, object>;
}

/** Builds the validator over the given schema documents (each `$id` ending in its file name), compiling them now. */
export function createSchemaValidator(schemas: readonly object[]): SchemaValidator {
  // Loaded only here: with the build-time validators the CLI never needs Ajv's compiler at all.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as {
    Ajv2020: typeof Ajv2020Type;
  };
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  installUniqueItems(ajv);
  const byFile: Record<string, { id: string; schema: object }> = {};
  for (const schema of schemas) {
    ajv.addSchema(schema);
    const id = String((schema as { $id?: unknown }).$id);
    byFile[schemaFileName(id)] = { id, schema };
  }
  const documents = Object.fromEntries(Object.entries(byFile).map(([file, s]) => [file, s.schema]));
  return validatorOver(
    (file) => (byFile[file] ? ajv.getSchema(byFile[file].id) : undefined),
    (ref) => resolvePointer(documents, ref),
  );
}

/** Builds the validator over precompiled functions (no Ajv compilation at start). */
export function createCompiledSchemaValidator(compiled: CompiledSchemas): SchemaValidator {
  return validatorOver(
    (id) => compiled.validators[id],
    (ref) => resolvePointer(compiled.schemas, ref),
  );
}

// `common.schema.json#/$defs/x` → that subschema (the refs the error pruning follows).
function resolvePointer(schemas: Record<string, object>, ref: string): unknown {
  const [id = '', fragment = ''] = ref.split('#');
  let node: unknown = schemas[schemaFileName(id)];
  for (const part of fragment.split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function validatorOver(
  lookup: (id: string) => ValidateFunction | undefined,
  resolveRef: (ref: string) => unknown,
): SchemaValidator {
  const compiled = new Map<ManifestKind, ValidateFunction>();
  const validatorFor = (kind: ManifestKind) => {
    let fn = compiled.get(kind);
    if (!fn) {
      fn = lookup(schemaIdForKind(kind));
      if (!fn) throw new Error(`no schema ${schemaIdForKind(kind)} for kind ${kind}`);
      compiled.set(kind, fn);
    }
    return fn;
  };

  return {
    validate(document) {
      const data = document.data;
      const at = (pointer: string, atKey = false) => locate(document, pointer, atKey);
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        return {
          diagnostics: [
            diagnostic(
              'SG200',
              'error',
              'a manifest document must be a mapping with apiVersion, kind, metadata and spec',
              at(''),
            ),
          ],
        };
      }
      const record = data as Record<string, unknown>;
      const envelope: Diagnostic[] = [];
      if (record.apiVersion !== API_VERSION) {
        envelope.push(
          diagnostic(
            'SG200',
            'error',
            record.apiVersion === undefined
              ? `missing apiVersion (expected ${API_VERSION})`
              : `unsupported apiVersion ${JSON.stringify(record.apiVersion)} (expected ${API_VERSION})`,
            at('/apiVersion', record.apiVersion === undefined),
          ),
        );
      }
      const kind = record.kind;
      if (typeof kind !== 'string' || !(MANIFEST_KINDS as readonly string[]).includes(kind)) {
        envelope.push(
          diagnostic(
            'SG200',
            'error',
            kind === undefined
              ? `missing kind (one of ${MANIFEST_KINDS.join(', ')})`
              : `unknown kind ${JSON.stringify(kind)}${didYouMean(String(kind), MANIFEST_KINDS)}`,
            at('/kind', kind === undefined),
          ),
        );
        return { diagnostics: envelope };
      }
      const validateKind = validatorFor(kind as ManifestKind);
      if (validateKind(data) && envelope.length === 0) {
        const manifest = data as Manifest;
        // A tombstone may leave spec out (its schema asks only for identity); later stages read
        // identity fields from spec, so they get an empty one rather than a missing one.
        const valid =
          isTombstone(manifest) && record.spec === undefined ? { ...manifest, spec: {} } : manifest;
        return { valid: { manifest: valid as Manifest, source: document }, diagnostics: [] };
      }
      const problems = schemaProblems(validateKind.errors ?? [], resolveRef).filter(
        // The envelope check above already said it, in plainer words.
        (p) => !(p.pointer === '/apiVersion' && envelope.length > 0),
      );
      return { diagnostics: [...envelope, ...problems.map((p) => toDiagnostic(document, p))] };
    },
  };
}
