/**
 * Renderings of `smus-gitops shards`: the GitHub Actions matrix (one JSON line, for
 * `$GITHUB_OUTPUT` and `fromJSON`) and a readable listing. Same sharding, same bytes.
 */
import { CALLER_ACCOUNT, type Sharding } from '../plan/shards.js';
import { sanitizeLine } from './plan-values.js';

/** One row of the matrix, as a workflow reads it (`matrix.name`, `matrix.lines`...). */
export interface MatrixRow {
  name: string;
  /** The shard's options, space-separated (for reading; a name with a space is only safe in `lines`). */
  args: string;
  /** The same options one per line: the composite action's `args` form, never split by a shell. */
  lines: string;
  /** Account to assume a role in; empty: the workflow's default role. */
  account: string;
  /** Region to configure; empty: the workflow's default region. */
  region: string;
}

/** The matrix as GitHub Actions takes it: `{"include":[...]}` on one line. */
export function renderShardsMatrix(sharding: Sharding): string {
  const include: MatrixRow[] = sharding.shards.map((s) => ({
    name: s.name,
    args: s.args.join(' '),
    lines: s.args.join('\n'),
    account: s.account,
    region: s.region,
  }));
  return `${JSON.stringify({ include })}\n`;
}

/** The shards as text: one line per shard, its buckets below, then any bucket shards still share. */
export function renderShardsText(sharding: Sharding): string {
  const { shards, collisions } = sharding;
  const lines = [
    `${shards.length} shard${shards.length === 1 ? '' : 's'}, one per rate-limit bucket (service, account, region):`,
  ];
  const width = Math.max(0, ...shards.map((s) => s.name.length));
  for (const s of shards) {
    lines.push(
      sanitizeLine(
        `  ${s.name.padEnd(width)}  ${s.args.join(' ')}  (account ${s.account || CALLER_ACCOUNT}, region ${s.region || 'several'})`,
      ),
    );
    for (const bucket of s.buckets) lines.push(sanitizeLine(`      calls ${bucket}`));
  }
  for (const c of collisions) {
    lines.push(
      sanitizeLine(
        `warning: shards ${c.shards.join(', ')} all call ${c.bucket} (they run with different credentials, so they cannot be one shard); run them one after the other or accept shared throttling there`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
