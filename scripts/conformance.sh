#!/usr/bin/env bash
# The boto3 conformance suite (test/conformance/run.py) against a freshly built standalone
# emulator. Its last line is `conformance: N passed, M failed`; exit 1 on a failed case, 2 when the
# suite cannot run (no python3/boto3, no build). SKIP_BUILD=1 reuses dist/ as it is.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import boto3' >/dev/null 2>&1; then
  echo "conformance: python3 with boto3 is required (pip install boto3)"
  echo "conformance: 0 passed, 1 failed"
  exit 2
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
  npm run -s build || { echo "conformance: build failed"; echo "conformance: 0 passed, 1 failed"; exit 2; }
fi
exec python3 test/conformance/run.py "$@"
