/**
 * A project's account and region against its profile's pools (semantic/project-targets.ts): the
 * exact messages, where an account is listed by several pools (and twice in one), so the regions a
 * message offers are every pool's, once and sorted, and a region any entry offers is enough.
 */
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/load/parse.js';
import { manifestSchemaValidator } from '../../src/validate/load-manifests.js';
import type { ValidDocument } from '../../src/validate/schema-validator.js';
import { checkSemantics } from '../../src/validate/semantic/index.js';

const HEAD = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  account: "111122223333"
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata:
  name: pool-a
  domain: corp
spec:
  accounts:
    - { id: "444455556666", regions: [us-west-2, eu-west-1] }
    - { id: "444455556666", regions: [ap-south-1] }
---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata:
  name: pool-b
  domain: corp
spec:
  accounts:
    - { id: "444455556666", regions: [eu-west-1, ca-central-1] }
    - { id: "777788889999", regions: [us-east-1] }
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata:
  name: two-pools
  domain: corp
spec:
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [pool-a, pool-b] } }
    - { name: Lake, blueprint: DataLake, deploymentMode: ON_DEMAND, target: { accountPools: [pool-b] } }
`;

function project(name: string, account: string, region: string, profile = 'two-pools'): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata:
  name: ${name}
  domain: corp
spec:
  profile: ${profile}
  target: { account: "${account}", region: ${region} }
`;
}

function findings(text: string): string[] {
  const validator = manifestSchemaValidator();
  const documents: ValidDocument[] = [];
  for (const doc of parseManifestText('m.yaml', text).documents) {
    const result = validator.validate(doc);
    expect(result.diagnostics).toEqual([]);
    documents.push(result.valid!);
  }
  return checkSemantics(documents).diagnostics.map(
    (d) => `${d.location?.start.line}:${d.location?.start.col} ${d.code} ${d.message}`,
  );
}

describe('project targets against pools', () => {
  it('accepts a region that any entry of any of the pools offers the account', () => {
    expect(
      findings(
        HEAD +
          project('one', '444455556666', 'ap-south-1') +
          project('two', '444455556666', 'ca-central-1') +
          project('three', '777788889999', 'us-east-1'),
      ),
    ).toEqual([
      // Only pool-b's entry for the account counts for Lake: ap-south-1 is pool-a's.
      '47:46 SG307 region ap-south-1 is not supported by account 444455556666 in environment "Lake" (supported: ca-central-1, eu-west-1)',
      // 777788889999 is in pool-b only: Tooling (pool-a, pool-b) takes it, and so does Lake.
    ]);
  });

  it('offers every pool’s regions of the account, once and sorted, and names the pools', () => {
    expect(
      findings(
        HEAD + project('one', '444455556666', 'sa-east-1') + project('two', '999999999999', 'us-east-1'),
      ),
    ).toEqual([
      '47:46 SG307 region sa-east-1 is not supported by account 444455556666 in environment "Tooling" (supported: ap-south-1, ca-central-1, eu-west-1, us-west-2)',
      '47:46 SG307 region sa-east-1 is not supported by account 444455556666 in environment "Lake" (supported: ca-central-1, eu-west-1)',
      '56:22 SG306 account 999999999999 is not in any pool of environment "Tooling" (pool-a, pool-b)',
      '56:22 SG306 account 999999999999 is not in any pool of environment "Lake" (pool-b)',
    ]);
  });

  it('leaves a profile with an undeclared pool to plan time', () => {
    const text = HEAD.replace('accountPools: [pool-b] }', 'accountPools: [pool-b, pool-z] }');
    const out = findings(text + project('one', '999999999999', 'us-east-1'));
    expect(out.filter((f) => / SG30[67] /.test(f))).toEqual([
      '47:22 SG306 account 999999999999 is not in any pool of environment "Tooling" (pool-a, pool-b)',
    ]);
  });

  it('names the profile’s environments when an entry names none of them', () => {
    const text =
      HEAD +
      project('one', '777788889999', 'us-east-1') +
      '  environments:\n    - { name: Lake }\n    - { name: Tooling }\n    - { name: Lakehouse }\n';
    expect(findings(text)).toEqual([
      '51:15 SG310 profile "two-pools" has no environment "Lakehouse" (it has: Tooling, Lake)',
    ]);
  });
});
