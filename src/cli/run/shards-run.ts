/** The `shards` command's body: load and validate the manifests, then print the shards. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { loadManifests } from '../../validate/load-manifests.js';
import { planShards } from '../../plan/shards.js';
import { formatDiagnosticText } from '../../render/diagnostics.js';
import { sanitizeLine } from '../../render/plan-values.js';
import { renderShardsMatrix, renderShardsText } from '../../render/shards.js';
import type { ShardsCommandOptions } from '../commands/shards.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Runs `shards`; returns the exit code (1 when the manifests do not validate: no matrix then). */
export async function runShards(paths: string[], options: ShardsCommandOptions, io: CliIo): Promise<number> {
  const loaded = await loadManifests(paths.length > 0 ? paths : ['.'], io.cwd);
  for (const d of loaded.diagnostics) if (d.severity !== 'note') io.stderr(`${formatDiagnosticText(d)}\n`);
  // A matrix from manifests that do not validate would plan something else than the review sees.
  if (hasErrors(loaded.diagnostics)) return ExitCode.Error;
  const sharding = planShards(loaded.documents);
  if (options.out) await writeFile(resolve(io.cwd, options.out), renderShardsMatrix(sharding));
  if (options.format === 'github-matrix') {
    io.stdout(renderShardsMatrix(sharding));
    // The matrix stays one JSON line on stdout; what the shards still share is said beside it.
    for (const c of sharding.collisions)
      io.stderr(
        sanitizeLine(`smus-gitops: warning: shards ${c.shards.join(', ')} all call ${c.bucket}`) + '\n',
      );
  } else {
    io.stdout(renderShardsText(sharding));
  }
  return ExitCode.Ok;
}
