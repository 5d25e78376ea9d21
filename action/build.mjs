#!/usr/bin/env node
// Bundles the action (action/entry.ts and the whole CLI with its runtime dependencies) into one
// ESM file, action/dist/index.js, which is checked in: a job that uses the action then runs it
// directly, with no `npm ci` and no compile step. CI rebuilds it and fails when the checked-in
// file differs (`git diff --exit-code action/dist`).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [join(here, 'entry.ts')],
  outfile: join(here, 'dist', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM output has no require.
  banner: {
    js: "import { createRequire as __smusCreateRequire } from 'node:module'; const require = __smusCreateRequire(import.meta.url);",
  },
});
