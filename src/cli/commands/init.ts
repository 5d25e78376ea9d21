/**
 * `smus-gitops init [dir]`: scaffolds a starter repository: `manifests/domain.yaml` (a Domain to
 * edit, with the `$schema` reference editors use, pinned to this tool version's published schemas
 * so it survives copying), and the plan, apply and drift workflows as shipped with the package
 * (their defaults are `manifests` and the released tool, right for a new repository). Existing
 * files are never overwritten: init reports them and leaves them as they are.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaUrl } from '../../export/write.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandRegistrar } from '../main.js';

/** The package root (dist/cli/commands/ or src/cli/commands/ → three levels up). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKFLOWS = ['smus-plan.yml', 'smus-apply.yml', 'smus-drift.yml'];

function starterDomain(): string {
  return `# yaml-language-server: $schema=${schemaUrl('Domain')}
# A SageMaker Unified Studio domain. Edit the values, then run: smus-gitops plan manifests
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: my-domain
lifecycle:
  protect: true # never delete or replace the domain itself
spec:
  region: us-east-1
  account: "111122223333" # the account the domain lives in (a guard against wrong credentials)
  description: My SageMaker Unified Studio domain
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService
`;
}

/** Writes the starter files into `dir`; returns the lines to print. */
export async function scaffold(dir: string, cwd: string): Promise<{ written: string[]; kept: string[] }> {
  const root = resolve(cwd, dir);
  const files: Array<[string, () => Promise<string>]> = [
    [join('manifests', 'domain.yaml'), () => Promise.resolve(starterDomain())],
    ...WORKFLOWS.map((w): [string, () => Promise<string>] => [
      join('.github', 'workflows', w),
      () => readFile(join(PACKAGE_ROOT, '.github', 'workflows', w), 'utf8'),
    ]),
  ];
  const written: string[] = [];
  const kept: string[] = [];
  for (const [path, content] of files) {
    const target = join(root, path);
    const shown = relative(cwd, target) || target;
    if (existsSync(target)) {
      kept.push(shown);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await content(), { flag: 'wx' });
    written.push(shown);
  }
  return { written, kept };
}

/** Adds the `init` command. */
export const registerInitCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('init')
    .description(
      'scaffold a starter repository: manifests, the plan/apply/drift workflows, schema references',
    )
    .argument('[dir]', 'directory to write into', '.')
    .action(async (dir: string) => {
      const { written, kept } = await scaffold(dir, io.cwd);
      for (const f of written) io.stdout(`created ${f}\n`);
      for (const f of kept) io.stdout(`kept ${f} (exists)\n`);
      io.stdout(
        '\nNext: edit manifests/domain.yaml, set the repository variables SMUS_PLAN_ROLE_ARN and\n' +
          'SMUS_APPLY_ROLE_ARN (see `smus-gitops iam-policy`), and pin SMUS_TOOL_REF to a release commit.\n',
      );
      setExit(ExitCode.Ok);
    });
};
