/**
 * The order test files start in (vitest.config.ts): the few files that run long but are short on
 * disk first, then vitest's own order. Without a results cache (a clean clone, as CI runs), vitest
 * starts the largest files first, and the campaigns (a few lines each, 10-20 s of work) and the
 * subprocess tests (conformance, concurrent-apply, pipes) came last: one worker ran them alone
 * while the other sat idle (issue 18). With a cache, vitest's order (longest first by the last
 * run) follows the listed files.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Long files, longest first (CPU and real waits measured with the cpu probe, issue 18). */
export const LONG_FILES: readonly string[] = [
  'test/campaigns/model.test.ts',
  // Blocks its worker while the boto3 suite runs against a standalone emulator (4.4 s of CPU in
  // two more processes, 15.7 s of wall at load average 14).
  'test/conformance/conformance.test.ts',
  'test/safety/concurrent-apply.test.ts',
  'test/campaigns/crash.test.ts',
  'test/cli/pipes.test.ts',
  'test/campaigns/fault.test.ts',
  'test/campaigns/model-findings.test.ts',
];

/** Vitest's sequencer with LONG_FILES moved to the front, in their listed order. */
export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const at = LONG_FILES.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      return at < 0 ? LONG_FILES.length : at;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
