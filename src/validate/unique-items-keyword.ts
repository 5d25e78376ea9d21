/**
 * Ajv's `uniqueItems` keyword with the pair search done in linear time (duplicate-items.ts):
 * same place among the array keywords, same error (keyword, params, message), same pair found.
 * Installed wherever the schemas are compiled — at build time (generate-validators.ts) and at
 * run time when the build is stale (schema-validator.ts) — so both answer alike.
 */
import { createRequire } from 'node:module';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import type * as Codegen from 'ajv/dist/compile/codegen/index.js';
import type * as DataType from 'ajv/dist/compile/validate/dataType.js';
import duplicatePair from './duplicate-items.js';

/** What the keyword needs of an Ajv instance. */
interface KeywordHost {
  removeKeyword(keyword: string): unknown;
  addKeyword(definition: CodeKeywordDefinition): unknown;
}

/** Replaces `uniqueItems` in `ajv` (before any schema is added) with the linear-time one. */
export function installUniqueItems(ajv: KeywordHost): void {
  // Loaded here, not imported: the CLI itself, on the build-time validators, never loads Ajv's compiler.
  const require = createRequire(import.meta.url);
  const { _ } = require('ajv/dist/compile/codegen/index.js') as typeof Codegen;
  const { getSchemaTypes } = require('ajv/dist/compile/validate/dataType.js') as typeof DataType;
  const builtIn = (
    require('ajv/dist/vocabularies/validation/uniqueItems.js') as { default: CodeKeywordDefinition }
  ).default;
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    ...builtIn,
    // Where Ajv's own vocabulary puts it among the array keywords, so errors come in the same order.
    before: 'maxContains',
    code(cxt: KeywordCxt) {
      const { gen, data, schema, parentSchema, $data } = cxt;
      // Entries of a declared scalar type are already checked in linear time (Ajv keeps a table of
      // the values seen, and reports another pair than its pairwise search would): left to Ajv.
      const types = parentSchema.items ? getSchemaTypes(parentSchema.items) : [];
      const scalars = types.length > 0 && !types.some((t) => t === 'object' || t === 'array');
      if ($data || scalars) {
        builtIn.code(cxt);
        return;
      }
      if (schema !== true) return;
      const valid = gen.let('valid', true);
      const i = gen.let('i', _`${data}.length`);
      const j = gen.let('j');
      cxt.setParams({ i, j });
      gen.if(_`${i} > 1`, () => {
        // The generated module imports the function by this path (generate-validators.ts).
        const search = gen.scopeValue('func', {
          ref: duplicatePair,
          code: _`require("../duplicate-items").default`,
        });
        const pair = gen.const('pair', _`${search}(${data})`);
        gen.if(pair, () => {
          gen.assign(i, _`${pair}[0]`).assign(j, _`${pair}[1]`);
          cxt.error();
          gen.assign(valid, false);
        });
      });
      cxt.ok(valid);
    },
  });
}
