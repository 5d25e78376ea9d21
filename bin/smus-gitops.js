#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm pack`/`npm publish` through the
// prepack script, or `npm run build` in a checkout). The AWS SDK's warning about unsupported Node
// versions is left on: it tells the truth about the runtime (engines requires Node 22 or later).
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
