"""Harness of the conformance suite: a standalone emulator, boto3 clients, control calls, checks.

The suite drives the emulator with an independent client (botocore's own serialisers, parsers,
retry and idempotency-token handling), so a behaviour that only the JavaScript SDK tolerates shows
up here. Each case runs against an emptied world (POST /__emulator/reset) with no fault rules.
"""

import json
import os
import re
import subprocess
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

HOME = "111122223333"
OTHER = "444455556666"
EXTERNAL = "777788889999"
REGION = "us-east-1"
EXECUTION_ROLE = f"arn:aws:iam::{HOME}:role/service-role/AmazonSageMakerDomainExecution"
SERVICE_ROLE = f"arn:aws:iam::{HOME}:role/service-role/AmazonSageMakerDomainService"
ZERO_DURATIONS = {
    name: 0
    for name in (
        "domainCreate",
        "domainDelete",
        "projectDeploy",
        "projectDelete",
        "ramAssociate",
        "studioCreate",
        "studioUpdate",
        "studioDelete",
    )
}

CASES = []


def case(name):
    """Registers a conformance case (a function taking the Context)."""

    def register(fn):
        CASES.append((name, fn))
        return fn

    return register


class Emulator:
    """A standalone emulator process (`node bin/smus-gitops.js emulator`), or an existing endpoint."""

    def __init__(self, root, endpoint=None):
        self.process = None
        self.client_cache = {}
        if endpoint:
            self.endpoint = endpoint.rstrip("/")
            return
        cli = os.path.join(root, "bin", "smus-gitops.js")
        self.process = subprocess.Popen(
            ["node", cli, "emulator", "--port", "0", "--external-accounts", EXTERNAL, "--seed", "7"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"emulator did not start: {line!r} {self.process.stderr.read()!r}")
        self.endpoint = match.group(1)

    def control(self, method, path, body=None):
        """Calls a control endpoint (/__emulator/...) and returns (status, JSON)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.endpoint}/__emulator/{path}", data=data, method=method)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def close(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Context:
    """What a case works with: clients of the home account, other accounts, control, checks."""

    def __init__(self, emulator):
        self.emulator = emulator
        self._accounts = {}
        self.home = self.clients(
            {"aws_access_key_id": "AKIAHOMEEXAMPLE00001", "aws_secret_access_key": "home-secret"}
        )

    def clients(self, credentials, attempts=1):
        # Building botocore clients is the slow part of a case: reuse them across cases.
        key = (tuple(sorted(credentials.items())), attempts)
        cached = self.emulator.client_cache.get(key)
        if cached:
            return cached
        session = boto3.session.Session(region_name=REGION, **credentials)
        config = Config(retries={"max_attempts": attempts, "mode": "standard"})
        make = lambda service: session.client(  # noqa: E731 - a one-line factory
            service, endpoint_url=self.emulator.endpoint, config=config
        )
        made = {name: make(name) for name in ("datazone", "ram", "sagemaker", "sts")}
        self.emulator.client_cache[key] = made
        return made

    def retrying(self):
        """Home-account clients with botocore's standard retries (3 attempts)."""
        return self.clients(
            {"aws_access_key_id": "AKIAHOMEEXAMPLE00001", "aws_secret_access_key": "home-secret"}, 3
        )

    def account(self, account_id):
        """Clients acting as `account_id` (credentials from the emulator's STS AssumeRole)."""
        if account_id not in self._accounts:
            out = self.home["sts"].assume_role(
                RoleArn=f"arn:aws:iam::{account_id}:role/SmusGitOpsDeployer", RoleSessionName="conformance"
            )
            c = out["Credentials"]
            self._accounts[account_id] = self.clients(
                {
                    "aws_access_key_id": c["AccessKeyId"],
                    "aws_secret_access_key": c["SecretAccessKey"],
                    "aws_session_token": c["SessionToken"],
                }
            )
        return self._accounts[account_id]

    @property
    def dz(self):
        return self.home["datazone"]

    @property
    def ram(self):
        return self.home["ram"]

    @property
    def sm(self):
        return self.home["sagemaker"]

    def control(self, method, path, body=None):
        status, answer = self.emulator.control(method, path, body)
        check(status == 200, f"control {method} {path} answered {status}: {answer}")
        return answer

    # -- fixtures -------------------------------------------------------------------------------

    def domain(self, name="corp", **extra):
        return self.dz.create_domain(
            name=name,
            domainExecutionRole=EXECUTION_ROLE,
            serviceRole=SERVICE_ROLE,
            domainVersion="V2",
            **extra,
        )

    def blueprint(self, domain_id, name="Tooling"):
        items = self.dz.list_environment_blueprints(domainIdentifier=domain_id, name=name, managed=True)["items"]
        check(len(items) == 1, f"one managed blueprint {name}")
        return items[0]["id"]

    def enable(self, domain_id, blueprint_id, client=None, role=True):
        extra = {"provisioningRoleArn": f"arn:aws:iam::{HOME}:role/Provisioning"} if role else {}
        (client or self.dz).put_environment_blueprint_configuration(
            domainIdentifier=domain_id,
            environmentBlueprintIdentifier=blueprint_id,
            enabledRegions=[REGION],
            **extra,
        )

    def profile(self, domain_id, name="profile", configurations=None, **extra):
        return self.dz.create_project_profile(
            domainIdentifier=domain_id,
            name=name,
            environmentConfigurations=configurations or [],
            **extra,
        )

    def fixed_config(self, blueprint_id, name="Tooling", mode="ON_CREATE", overrides=None):
        config = {
            "name": name,
            "environmentBlueprintId": blueprint_id,
            "awsAccount": {"awsAccountId": HOME},
            "awsRegion": {"regionName": REGION},
            "deploymentMode": mode,
        }
        if overrides is not None:
            config["configurationParameters"] = {"parameterOverrides": overrides}
        return config


class CheckFailed(AssertionError):
    """A conformance check that did not hold."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def error_of(code, fn, *args, status=None, message=None, **kwargs):
    """Calls fn, requires a modelled error `code` (and HTTP status / message pattern); returns it."""
    try:
        fn(*args, **kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        equal(got, code, f"{fn.__name__} error code")
        if status is not None:
            equal(error.response["ResponseMetadata"]["HTTPStatusCode"], status, f"{fn.__name__} HTTP status")
        if message is not None:
            text = error.response["Error"].get("Message", "")
            check(re.search(message, text), f"{fn.__name__} message {text!r} should match {message!r}")
        return error
    raise CheckFailed(f"{fn.__name__} should fail with {code}")


def all_pages(call, items_key, token_in="nextToken", token_out="nextToken", **kwargs):
    """Follows the tokens through every page; returns (items, pages)."""
    items, pages, token = [], 0, None
    while True:
        args = dict(kwargs)
        if token:
            args[token_in] = token
        out = call(**args)
        items.extend(out.get(items_key, []))
        pages += 1
        token = out.get(token_out)
        if not token:
            return items, pages


def log(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
