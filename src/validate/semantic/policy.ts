/**
 * Guardrail rules (`Policy`): each rule's `assert` is a JSON Schema that every document of the
 * listed kinds must satisfy. A failure is located at the offending field of the checked document
 * (the nearest node that exists) and carries the rule's message and severity. Tombstones are not
 * checked: they describe nothing that will exist.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { RE2JS } from 're2js';
import { locate } from '../schema-validator.js';
import { schemaProblems } from '../schema-errors.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { report, type CheckContext } from './context.js';
import { isPresent } from './inventory.js';

// Rules are user schemas: no strict mode (any draft-2020 keyword a user knows is fine). Compiling is the
// expensive part, so compiled rules are kept by their JSON text for the life of the process.
const compiled = new Map<string, ValidateFunction>();

// Ajv keys its compiled patterns by `toString()`: without a distinct one every pattern shares one entry.
// `code` names the engine only for Ajv's standalone output, which this module does not use.
const linearRegExp = Object.assign(
  (pattern: string): { test: (s: string) => boolean; toString: () => string } => {
    const re = RE2JS.compile(pattern);
    return { test: (s: string) => re.test(s), toString: () => `re2:${pattern}` };
  },
  { code: 'RE2JS.compile' },
);

// Patterns (`pattern`, `patternProperties`) run on RE2 semantics, in time linear in the input: a user's
// `^(a+)+$` against a 41-character value backtracked for 97 s on the JavaScript engine (issue 19.10).
// A pattern RE2 cannot run (backreferences, lookaround) fails to compile, reported as SG401.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { regExp: linearRegExp } });

function compileAssert(assert: unknown): ValidateFunction {
  const schema = typeof assert === 'object' && assert !== null ? assert : {};
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

/** Evaluates every rule of every Policy against the matching documents. */
export function checkPolicies(ctx: CheckContext): void {
  for (const policyDoc of ctx.inventory.ofKind('Policy')) {
    (policyDoc.manifest.spec.rules ?? []).forEach((rule, i) => {
      let validate: ValidateFunction;
      try {
        validate = compileAssert(rule.assert);
      } catch (error) {
        report(
          ctx,
          policyDoc,
          'SG401',
          `rule "${rule.id}": assert is not a valid JSON Schema: ${(error as Error).message}`,
          `/spec/rules/${i}/assert`,
          { atKey: true },
        );
        return;
      }
      const name = `${policyDoc.manifest.metadata.name}/${rule.id}`;
      for (const doc of ctx.inventory.all) {
        // A tombstone carries only its identity and creates nothing: guardrails judge what will exist.
        if (!rule.kinds.includes(doc.manifest.kind) || !isPresent(doc) || validate(doc.manifest)) continue;
        const details = schemaProblems(validate.errors ?? [], (ref) => ajv.getSchema(ref)?.schema);
        for (const problem of details.length > 0
          ? details
          : [{ pointer: '', atKey: true, message: 'fails' }]) {
          const what = rule.message ? `${rule.message} (${problem.message})` : problem.message;
          ctx.diagnostics.push(
            diagnostic(
              'SG400',
              rule.severity ?? 'error',
              `policy ${name}: ${what}`,
              locate(doc.source, problem.pointer, problem.atKey),
            ),
          );
        }
      }
    });
  }
}
