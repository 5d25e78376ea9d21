#!/usr/bin/env python3
"""Conformance suite: drives a standalone smus-gitops emulator with boto3/botocore.

Usage: python3 test/conformance/run.py [--endpoint URL] [--only SUBSTRING] [--verbose]

Without --endpoint it starts `node bin/smus-gitops.js emulator --port 0` (run `npm run build`
first) and stops it at the end. Prints one line per case and, last, `conformance: N passed, M
failed`; exits 1 when a case failed (2 when the suite could not run at all).
"""

import argparse
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import boto3  # noqa: F401 - only probing that the independent client is installed
except ImportError:
    print("conformance: boto3 is not installed (pip install boto3)")
    print("conformance: 0 passed, 1 failed")
    sys.exit(2)

import harness  # noqa: E402
import cases_contract  # noqa: E402,F401 - registers cases
import cases_datazone  # noqa: E402,F401
import cases_governance  # noqa: E402,F401
import cases_forms  # noqa: E402,F401
import cases_projects  # noqa: E402,F401
import cases_ram  # noqa: E402,F401
import cases_sagemaker_sts  # noqa: E402,F401

BASELINE_BEHAVIOUR = {
    "durations": harness.ZERO_DURATIONS,
    "defaultPageSize": 5,
    "maxPageSize": 0,
    "shuffleLists": False,
    "notFoundAsAccessDenied": False,
    "readAfterCreateMisses": 0,
}


def prepare(emulator):
    """An empty world, no fault rules, the baseline behaviour."""
    for method, path, body in (
        ("POST", "reset", None),
        ("DELETE", "faults", None),
        ("DELETE", "project-faults", None),
        ("PATCH", "behaviour", BASELINE_BEHAVIOUR),
    ):
        status, answer = emulator.control(method, path, body)
        if status != 200:
            raise RuntimeError(f"control {method} {path}: {status} {answer}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", help="use a running emulator instead of starting one")
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of failures")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(HERE))
    started = time.monotonic()
    try:
        emulator = harness.Emulator(root, args.endpoint)
    except Exception as error:  # noqa: BLE001 - the suite cannot run: say why, count one failure
        print(f"conformance: cannot start the emulator ({error}); run `npm run build` first")
        print("conformance: 0 passed, 1 failed")
        return 2
    passed, failed = 0, []
    try:
        for name, fn in harness.CASES:
            if args.only and args.only not in name:
                continue
            try:
                prepare(emulator)
                fn(harness.Context(emulator))
            except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
                failed.append(name)
                harness.log(f"FAIL {name}: {type(error).__name__}: {error}")
                if args.verbose:
                    traceback.print_exc()
            else:
                passed += 1
                harness.log(f"ok   {name}")
        if not args.only:
            # Every served operation must have answered 2xx at least once somewhere in the suite.
            missing = sorted(harness.served_operations(root) - harness.SUCCEEDED)
            if missing:
                failed.append("coverage")
                harness.log(f"FAIL coverage: no success path exercised for {missing}")
            else:
                passed += 1
                harness.log(f"ok   coverage: all {len(harness.served_operations(root))} served operations succeeded")
    finally:
        emulator.close()
    harness.log(f"({time.monotonic() - started:.1f} s against {emulator.endpoint})")
    print(f"conformance: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
