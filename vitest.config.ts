import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/reliability/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores in CI: forks keep the emulator servers of different files apart.
    pool: 'forks',
    // Files share their worker's module cache instead of a fresh process each: loading the AWS SDK
    // and the sources once per worker instead of once per file cut the suite ~4x (issue 18). Test
    // helpers with module state reset it per file (test/emulator/datazone/sdk.ts).
    isolate: false,
    // Both cores: vitest's default (cores - 1) leaves one of two idle while a file waits on I/O.
    maxWorkers: 2,
    minWorkers: 1,
    // Long files that are short on disk start first, so that no worker runs them alone at the end.
    sequence: { sequencer: LongFirstSequencer },
    // The SDK's notice that its 2027 releases need Node 22 is not about this code; keep test output readable.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Opt-in per-file CPU time (test/helpers/cpu-probe.ts): where the suite's time goes, load-robust.
    setupFiles: process.env.SMUS_TEST_CPU_LOG ? ['test/helpers/cpu-probe.ts'] : [],
  },
});
