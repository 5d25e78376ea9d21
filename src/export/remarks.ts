/**
 * Remarks on what an exported manifest cannot say: a resource whose creation, deployment, update
 * or deletion failed is live and exported like any other, but its manifest alone would read as a
 * healthy resource. The remark names the failed status and the reasons AWS gave, as YAML comments
 * after the document, so whoever adopts the export knows the next plan will act on it.
 */
import type { LiveResource } from '../live/types.js';
import { liveHealth } from '../plan/health.js';

/** How each recovery reads in the remark: what the next plan will do about it. */
const NEXT_PLAN = {
  redeploy: 'the next plan redeploys it in place',
  update: 'the next plan sends its update again',
  replace: 'the next plan replaces it (apply needs --allow-replace)',
} as const;

/** The comment lines of a live resource's failed status; none when it is healthy or settling. */
export function statusRemark(resource: LiveResource): string[] {
  const health = liveHealth(resource);
  if (health.state !== 'failed') return [];
  return [
    `  # status when exported: ${health.status} (${oneLine(health.why)})`,
    `  #   ^ observed, not declared: ${NEXT_PLAN[health.recovery]} (reason deployment-failed)`,
  ];
}

/** Failure reasons on one comment line: a newline in a message must not end the comment. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
