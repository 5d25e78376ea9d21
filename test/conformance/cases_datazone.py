"""DataZone domains, tags, domain units, account pools, profiles, blueprints, user/group profiles."""

import re

from harness import HOME, OTHER, REGION, case, check, equal, error_of


@case("datazone: domain create/get/update/list/delete and its errors")
def domains(ctx):
    dz = ctx.dz
    created = ctx.domain("acme", description="d")
    check(re.fullmatch(r"dzd_[a-z0-9]{14}", created["id"]), f"domain id {created['id']}")
    equal(created["ResponseMetadata"]["HTTPStatusCode"], 201, "CreateDomain status")
    got = dz.get_domain(identifier=created["id"])
    equal((got["name"], got["domainVersion"], got["status"]), ("acme", "V2", "AVAILABLE"), "GetDomain")
    dz.update_domain(identifier=created["id"], description="new")
    equal(dz.get_domain(identifier=created["id"])["description"], "new", "updated description")
    listed = dz.list_domains(status="AVAILABLE")["items"]
    equal([d["id"] for d in listed], [created["id"]], "ListDomains")
    error_of("ConflictException", ctx.domain, "acme", status=409)
    error_of("ResourceNotFoundException", dz.get_domain, identifier="dzd_unknown0000000", status=404)
    error_of("ValidationException", dz.create_domain, name="x", status=400, message="domainExecutionRole")
    # Model validation: a name longer than the model allows never reaches the handler.
    error_of("ValidationException", dz.create_domain, name="n" * 300, domainExecutionRole="r")
    deleted = dz.delete_domain(identifier=created["id"])
    equal((deleted["status"], deleted["ResponseMetadata"]["HTTPStatusCode"]), ("DELETING", 202), "DeleteDomain")
    error_of("ResourceNotFoundException", dz.get_domain, identifier=created["id"])


@case("datazone: domain deletion check, skipDeletionCheck, tags")
def domain_tags_and_deletion(ctx):
    dz = ctx.dz
    domain = ctx.domain(tags={"team": "data"})
    arn = domain["arn"]
    dz.tag_resource(resourceArn=arn, tags={"cost": "42"})
    equal(dz.list_tags_for_resource(resourceArn=arn)["tags"], {"team": "data", "cost": "42"}, "tags")
    dz.untag_resource(resourceArn=arn, tagKeys=["team"])
    equal(dz.list_tags_for_resource(resourceArn=arn)["tags"], {"cost": "42"}, "tags after untag")
    root = domain["rootDomainUnitId"]
    dz.create_domain_unit(domainIdentifier=domain["id"], parentDomainUnitIdentifier=root, name="u")
    error_of("ConflictException", dz.delete_domain, identifier=domain["id"], message="skipDeletionCheck")
    equal(dz.delete_domain(identifier=domain["id"], skipDeletionCheck=True)["status"], "DELETING", "delete")


@case("datazone: domain units tree, sibling names, deletion rules")
def domain_units(ctx):
    dz = ctx.dz
    domain = ctx.domain()
    d, root = domain["id"], domain["rootDomainUnitId"]
    unit = dz.create_domain_unit(domainIdentifier=d, parentDomainUnitIdentifier=root, name="hr")
    child = dz.create_domain_unit(domainIdentifier=d, parentDomainUnitIdentifier=unit["id"], name="benefits")
    equal(dz.get_domain_unit(domainIdentifier=d, identifier=child["id"])["parentDomainUnitId"], unit["id"], "parent")
    dz.update_domain_unit(domainIdentifier=d, identifier=unit["id"], description="people")
    children = dz.list_domain_units_for_parent(domainIdentifier=d, parentDomainUnitIdentifier=root)["items"]
    equal([u["name"] for u in children], ["hr"], "children of root")
    error_of("ConflictException", dz.create_domain_unit, domainIdentifier=d, parentDomainUnitIdentifier=root, name="hr")
    error_of("ConflictException", dz.delete_domain_unit, domainIdentifier=d, identifier=unit["id"])
    error_of("ConflictException", dz.delete_domain_unit, domainIdentifier=d, identifier=root)
    # CreateDomainUnit models no ResourceNotFound: an unknown parent is a ValidationException.
    error_of("ValidationException", dz.create_domain_unit, domainIdentifier=d, parentDomainUnitIdentifier="nounit00000000", name="x")
    dz.delete_domain_unit(domainIdentifier=d, identifier=child["id"])
    dz.delete_domain_unit(domainIdentifier=d, identifier=unit["id"])
    error_of("ResourceNotFoundException", dz.get_domain_unit, domainIdentifier=d, identifier=unit["id"])


def static_pool(ctx, domain_id, name, account=OTHER):
    return ctx.dz.create_account_pool(
        domainIdentifier=domain_id,
        name=name,
        resolutionStrategy="MANUAL",
        accountSource={"accounts": [{"awsAccountId": account, "supportedRegions": [REGION]}]},
    )


@case("datazone: account pools CRUD, accounts, in-use delete is a ValidationException")
def account_pools(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    pool = static_pool(ctx, d, "pool")
    equal(dz.get_account_pool(domainIdentifier=d, identifier=pool["id"])["name"], "pool", "GetAccountPool")
    dz.update_account_pool(domainIdentifier=d, identifier=pool["id"], description="x")
    accounts = dz.list_accounts_in_account_pool(domainIdentifier=d, identifier=pool["id"])["items"]
    equal([a["awsAccountId"] for a in accounts], [OTHER], "ListAccountsInAccountPool")
    equal([p["name"] for p in dz.list_account_pools(domainIdentifier=d)["items"]], ["pool"], "ListAccountPools")
    error_of("ConflictException", static_pool, ctx, d, "pool")
    tooling = ctx.blueprint(d)
    profile = ctx.profile(
        d, configurations=[{"name": "Tooling", "environmentBlueprintId": tooling, "accountPools": [pool["id"]]}]
    )
    error_of(
        "ValidationException",
        dz.delete_account_pool,
        domainIdentifier=d,
        identifier=pool["id"],
        status=400,
        message=rf"Account pool {pool['id']} is used by project profile\(s\) {profile['id']}",
    )
    dz.delete_project_profile(domainIdentifier=d, identifier=profile["id"])
    dz.delete_account_pool(domainIdentifier=d, identifier=pool["id"])
    error_of("ResourceNotFoundException", dz.get_account_pool, domainIdentifier=d, identifier=pool["id"])


@case("datazone: project profiles CRUD, configuration ids kept on update, in-use delete")
def project_profiles(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    tooling = ctx.blueprint(d)
    profile = ctx.profile(d, configurations=[ctx.fixed_config(tooling)])
    config_id = profile["environmentConfigurations"][0]["id"]
    updated = dz.update_project_profile(domainIdentifier=d, identifier=profile["id"], description="only this")
    equal(updated["environmentConfigurations"][0]["id"], config_id, "configuration id after a description update")
    got = dz.get_project_profile(domainIdentifier=d, identifier=profile["id"])
    equal((got["description"], got["environmentConfigurations"][0]["id"]), ("only this", config_id), "GetProjectProfile")
    equal([p["name"] for p in dz.list_project_profiles(domainIdentifier=d)["items"]], ["profile"], "list")
    project = dz.create_project(domainIdentifier=d, name="uses", projectProfileId=profile["id"])
    error_of(
        "ValidationException",
        dz.delete_project_profile,
        domainIdentifier=d,
        identifier=profile["id"],
        message=rf"Project profile {profile['id']} is used by project\(s\) {project['id']}\.",
    )
    error_of("ResourceNotFoundException", ctx.profile, d, "x", [{"name": "T", "environmentBlueprintId": "nobp"}])
    dz.delete_project(domainIdentifier=d, identifier=project["id"])
    dz.delete_project_profile(domainIdentifier=d, identifier=profile["id"])


@case("datazone: blueprints and blueprint configurations")
def blueprints(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    tooling = ctx.blueprint(d)
    equal(dz.get_environment_blueprint(domainIdentifier=d, identifier=tooling)["name"], "Tooling", "blueprint")
    ctx.enable(d, tooling)
    got = dz.get_environment_blueprint_configuration(domainIdentifier=d, environmentBlueprintIdentifier=tooling)
    equal(got["enabledRegions"], [REGION], "enabledRegions")
    listed = dz.list_environment_blueprint_configurations(domainIdentifier=d)["items"]
    equal([c["environmentBlueprintId"] for c in listed], [tooling], "configurations")
    dz.delete_environment_blueprint_configuration(domainIdentifier=d, environmentBlueprintIdentifier=tooling)
    error_of(
        "ResourceNotFoundException",
        dz.get_environment_blueprint_configuration,
        domainIdentifier=d,
        environmentBlueprintIdentifier=tooling,
    )


@case("datazone: user and group profiles, project memberships")
def memberships(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    profile = ctx.profile(d)
    project = dz.create_project(domainIdentifier=d, name="p", projectProfileId=profile["id"])
    ids = {"domainIdentifier": d, "projectIdentifier": project["id"]}
    sarah = f"arn:aws:iam::{HOME}:role/SarahAdmin"
    dz.create_project_membership(**ids, member={"userIdentifier": sarah}, designation="PROJECT_CONTRIBUTOR")
    dz.create_project_membership(**ids, member={"groupIdentifier": "analysts"}, designation="PROJECT_CONTRIBUTOR")
    user = dz.get_user_profile(domainIdentifier=d, userIdentifier=sarah)
    group = dz.get_group_profile(domainIdentifier=d, groupIdentifier="analysts")
    members = dz.list_project_memberships(**ids, maxResults=50)["members"]
    equal(len(members), 3, "creator + user + group")
    check({"memberDetails": {"group": {"groupId": group["id"]}}, "designation": "PROJECT_CONTRIBUTOR"} in members, "group member")
    users = dz.search_user_profiles(domainIdentifier=d, userType="DATAZONE_IAM_USER")["items"]
    check(any(u["id"] == user["id"] for u in users), "SearchUserProfiles finds the user")
    groups = dz.search_group_profiles(domainIdentifier=d, groupType="DATAZONE_SSO_GROUP")["items"]
    check(any(g["id"] == group["id"] for g in groups), "SearchGroupProfiles finds the group")
    dz.delete_project_membership(**ids, member={"userIdentifier": sarah})
    equal(len(dz.list_project_memberships(**ids)["members"]), 2, "members after delete")
    error_of("ResourceNotFoundException", dz.delete_project_membership, **ids, member={"userIdentifier": sarah})
