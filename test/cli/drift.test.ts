/**
 * `drift` through the CLI reads as drift in every format (issue #13, finding 9): the text summary
 * line and the Markdown heading say drift, never "plan", and member keys show unescaped.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, baseDocs, withBase, writeDocs, type Doc } from '../plan/scenarios/harness.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withBase();

/** The base with one more member, whose key holds a `/` (JSON-pointer escaped as ~1 in the plan). */
function withMallory(): Doc[] {
  const docs = baseDocs();
  const project = docs.find((d) => d.kind === 'Project');
  (project?.spec['members'] as unknown[]).push({
    user: 'arn:aws:iam::111122223333:role/Mallory',
    designation: 'PROJECT_CONTRIBUTOR',
  });
  return docs;
}

/** `drift --format <format>` of the documents, with the project's live id as `<id>`. */
async function drift(docs: Doc[], format: string): Promise<CliRun> {
  const dir = writeDocs(docs);
  try {
    const run = await runCli(['drift', dir, '--endpoint-url', emu().endpoint, '--format', format], {
      env: CLI_ENV,
    });
    return {
      ...run,
      stdout: run.stdout.replace(/id: \S+/g, 'id: <id>').replace(/Id: `[^`]+`/g, 'Id: `<id>`'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MALLORY = '/members/user:arn:aws:iam::111122223333:role/Mallory';
const VALUE = '{"designation":"PROJECT_CONTRIBUTOR","member":"user:arn:aws:iam::111122223333:role/Mallory"}';

describe('drift', () => {
  it('heads the text report as drift and shows member keys unescaped (exit 2)', async () => {
    const run = await drift(withMallory(), 'text');
    expect(run.stdout).toBe(
      [
        'Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 8 unchanged, 0 unmanaged',
        '',
        '  ~ Project/hr-analytics (domain corp)  id: <id>',
        '      will be updated in place because live fields differ from the manifest',
        `      ${MALLORY}: (unset) → ${VALUE}`,
        '',
      ].join('\n'),
    );
    expect(run.exitCode).toBe(2);
  });

  it('heads the Markdown report as drift (exit 2)', async () => {
    const run = await drift(withMallory(), 'markdown');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('## smus\\-gitops drift');
    expect(lines).toContain(
      '**Drift:** live state differs from the manifests; 1 resource to act on or report, details below.',
    );
    expect(lines).toContain(`+ ${MALLORY}: ${VALUE}`);
    expect(run.exitCode).toBe(2);
  });

  it('says in sync when nothing drifted (exit 0)', async () => {
    const run = await drift(baseDocs(), 'text');
    expect(run.stdout).toBe('In sync: live state matches the manifests.\n');
    expect(run.exitCode).toBe(0);
  });
});
