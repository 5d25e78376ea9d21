/**
 * Guardrail rules (`Policy`): each rule's `assert` is a JSON Schema that every document of the
 * listed kinds must satisfy. A failure is located at the offending field of the checked document
 * (the nearest node that exists) and carries the rule's message and severity.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { locate } from '../schema-validator.js';
import { schemaProblems } from '../schema-errors.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { report, type CheckContext } from './context.js';

// Rules are user schemas: no strict mode (any draft-2020 keyword a user knows is fine). Compiling is the
// expensive part, so compiled rules are kept by their JSON text for the life of the process.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
const compiled = new Map<string, ValidateFunction>();

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
        if (!rule.kinds.includes(doc.manifest.kind) || validate(doc.manifest)) continue;
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
