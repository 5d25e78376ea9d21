"""SageMaker Studio domains and tags; STS identity, AssumeRole, and the awsQuery error document."""

import json
import re
import urllib.request

from harness import HOME, OTHER, case, check, equal, error_of

STUDIO = {
    "AuthMode": "IAM",
    "DefaultUserSettings": {"ExecutionRole": f"arn:aws:iam::{HOME}:role/StudioExecution"},
    "SubnetIds": ["subnet-0a1b2c3d"],
    "VpcId": "vpc-0a1b2c3d",
}


@case("sagemaker: domain create/describe/list/update/delete and its errors")
def studio_domains(ctx):
    sm = ctx.sm
    created = sm.create_domain(DomainName="studio", **STUDIO)
    domain_id = created["DomainArn"].rsplit("/", 1)[1]
    equal(sm.describe_domain(DomainId=domain_id)["Status"], "InService", "InService (zero durations)")
    equal([d["DomainId"] for d in sm.list_domains()["Domains"]], [domain_id], "ListDomains")
    sm.update_domain(DomainId=domain_id, DefaultUserSettings={"SecurityGroups": ["sg-2"]})
    equal(
        sm.describe_domain(DomainId=domain_id)["DefaultUserSettings"]["SecurityGroups"], ["sg-2"], "updated settings"
    )
    error_of("ResourceInUse", sm.create_domain, DomainName="studio", **STUDIO, status=400)
    error_of("ResourceNotFound", sm.describe_domain, DomainId="d-unknown00000", status=400)
    error_of("ValidationException", sm.list_domains, NextToken="garbage")
    sm.delete_domain(DomainId=domain_id)
    error_of("ResourceNotFound", sm.describe_domain, DomainId=domain_id)


@case("sagemaker: UpdateDomain replaces each DefaultUserSettings member it names, keeps the others")
def studio_settings_members(ctx):
    sm = ctx.sm
    settings = {
        **STUDIO["DefaultUserSettings"],
        "SharingSettings": {"NotebookOutputOption": "Disabled"},
        "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]},
    }
    domain_id = sm.create_domain(DomainName="settings", **{**STUDIO, "DefaultUserSettings": settings})[
        "DomainArn"
    ].rsplit("/", 1)[1]
    out_of_band = {"NotebookOutputOption": "Allowed", "S3OutputPath": "s3://somebody-elses-bucket/out"}
    sm.update_domain(DomainId=domain_id, DefaultUserSettings={"SharingSettings": out_of_band})
    described = sm.describe_domain(DomainId=domain_id)["DefaultUserSettings"]
    equal(described["SharingSettings"], out_of_band, "the named member is replaced")
    equal(described["StudioWebPortalSettings"], {"HiddenAppTypes": ["JupyterServer"]}, "other members kept")
    sm.update_domain(DomainId=domain_id, DefaultUserSettings={"SharingSettings": {"NotebookOutputOption": "Disabled"}})
    equal(
        sm.describe_domain(DomainId=domain_id)["DefaultUserSettings"]["SharingSettings"],
        {"NotebookOutputOption": "Disabled"},
        "a member sent whole leaves nothing of the old one (S3OutputPath gone)",
    )
    error_of(
        "ValidationException",
        sm.update_domain,
        DomainId=domain_id,
        DefaultUserSettings={"SharingSettings": {"NotebookOutputOption": "Sometimes"}},
    )
    sm.delete_domain(DomainId=domain_id)


@case("sagemaker: tags, reserved keys, the sagemaker:domain-arn backfill")
def studio_tags(ctx):
    sm = ctx.sm
    arn = sm.create_domain(DomainName="tagged", Tags=[{"Key": "team", "Value": "ai"}], **STUDIO)["DomainArn"]
    sm.add_tags(ResourceArn=arn, Tags=[{"Key": "cost", "Value": "42"}])
    tags = {t["Key"]: t["Value"] for t in sm.list_tags(ResourceArn=arn, MaxResults=50)["Tags"]}
    equal(tags, {"team": "ai", "cost": "42", "sagemaker:domain-arn": arn}, "ListTags")
    sm.add_tags(ResourceArn=arn, Tags=[{"Key": "sagemaker:domain-arn", "Value": arn}])
    error_of("ValidationException", sm.add_tags, ResourceArn=arn, Tags=[{"Key": "aws:x", "Value": "y"}])
    error_of("ValidationException", sm.delete_tags, ResourceArn=arn, TagKeys=["sagemaker:domain-arn"])
    error_of(
        "ValidationException",
        sm.create_domain,
        DomainName="reserved",
        Tags=[{"Key": "sagemaker:domain-arn", "Value": "x"}],
        **STUDIO,
    )
    sm.delete_tags(ResourceArn=arn, TagKeys=["team"])
    keys = sorted(t["Key"] for t in sm.list_tags(ResourceArn=arn, MaxResults=50)["Tags"])
    equal(keys, ["cost", "sagemaker:domain-arn"], "after DeleteTags")


@case("sts: GetCallerIdentity, AssumeRole, PackedPolicySize")
def sts(ctx):
    sts = ctx.home["sts"]
    equal(sts.get_caller_identity()["Account"], HOME, "home identity")
    out = sts.assume_role(RoleArn=f"arn:aws:iam::{OTHER}:role/Deployer", RoleSessionName="conf")
    check("PackedPolicySize" not in out, "no PackedPolicySize without session policy or tags")
    equal(ctx.account(OTHER)["sts"].get_caller_identity()["Account"], OTHER, "assumed identity")
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
    sized = sts.assume_role(RoleArn=f"arn:aws:iam::{OTHER}:role/Deployer", RoleSessionName="conf", Policy=policy)
    check(0 < sized["PackedPolicySize"] <= 100, f"PackedPolicySize {sized.get('PackedPolicySize')}")
    # Passes botocore's own validation, fails the service's: the account id is not 12 digits.
    error_of("ValidationError", sts.assume_role, RoleArn="arn:aws:iam::12345:role/Deployer", RoleSessionName="conf")


@case("sts: the error document carries the STS XML namespace")
def sts_error_namespace(ctx):
    request = urllib.request.Request(
        f"{ctx.emulator.endpoint}/",
        data=b"Action=GetSessionToken&Version=2011-06-15",
        method="POST",
        headers={
            "authorization": "AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/sts/aws4_request, "
            "SignedHeaders=host, Signature=0",
            "content-type": "application/x-www-form-urlencoded",
        },
    )
    try:
        urllib.request.urlopen(request)
        raise AssertionError("an unknown STS action should fail")
    except urllib.error.HTTPError as error:
        body = error.read().decode()
        equal(error.code, 400, "status")
        check(
            re.match(r'<ErrorResponse xmlns="https://sts\.amazonaws\.com/doc/2011-06-15/"><Error>', body),
            f"namespaced error document: {body}",
        )
