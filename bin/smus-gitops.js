#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
//
// The AWS SDK warns once per process, on Node 20, that its releases after January 2027 will need
// Node 22. That concerns the SDK's future, not this run, and would otherwise land in every
// command's stderr; an explicit setting in the environment still wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
