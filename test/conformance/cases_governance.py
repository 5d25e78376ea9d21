"""DataZone governance (policy grants, domain unit owners, glossaries and Search) and SageMaker
Studio user profiles.

Every operation here is in botocore's bundled model (checked with `dir(boto3.client(...))`), so
none is left out.
"""

from harness import HOME, case, check, equal, error_of

SARAH = f"arn:aws:iam::{HOME}:role/SarahAdmin"
BOB = f"arn:aws:iam::{HOME}:role/BobSteward"
STUDIO_EXECUTION_ROLE = f"arn:aws:iam::{HOME}:role/StudioExecution"


def project_of(ctx, domain_id, name="p"):
    profile = ctx.profile(domain_id)
    return ctx.dz.create_project(domainIdentifier=domain_id, name=name, projectProfileId=profile["id"])


@case("datazone: policy grants add/list/remove on a domain unit, detail must match the policy type")
def policy_grants(ctx):
    dz = ctx.dz
    domain = ctx.domain()
    d, root = domain["id"], domain["rootDomainUnitId"]
    on_root = {
        "domainIdentifier": d,
        "entityType": "DOMAIN_UNIT",
        "entityIdentifier": root,
        "policyType": "CREATE_GLOSSARY",
    }
    added = dz.add_policy_grant(
        **on_root,
        principal={"user": {"userIdentifier": SARAH}},
        detail={"createGlossary": {"includeChildDomainUnits": True}},
    )
    check(added.get("grantId"), f"AddPolicyGrant answers a grant id: {added}")
    sarah = dz.get_user_profile(domainIdentifier=d, userIdentifier=SARAH)["id"]
    grants = dz.list_policy_grants(**on_root)["grantList"]
    equal([g["grantId"] for g in grants], [added["grantId"]], "ListPolicyGrants")
    equal(grants[0]["principal"], {"user": {"userIdentifier": sarah}}, "principal resolved to the profile id")
    equal(grants[0]["detail"], {"createGlossary": {"includeChildDomainUnits": True}}, "detail")
    other_type = dz.list_policy_grants(**{**on_root, "policyType": "CREATE_PROJECT"})["grantList"]
    equal(other_type, [], "grants of another policy type")
    # The detail member must be the one of the policy type.
    error_of(
        "ValidationException",
        dz.add_policy_grant,
        **on_root,
        principal={"user": {"userIdentifier": SARAH}},
        detail={"createProject": {"includeChildDomainUnits": True}},
        status=400,
    )
    # None of the grant operations models ResourceNotFound: an unknown unit is a ValidationException.
    error_of(
        "ValidationException",
        dz.list_policy_grants,
        **{**on_root, "entityIdentifier": "nounit00000000"},
    )
    dz.remove_policy_grant(
        **on_root, principal={"user": {"userIdentifier": SARAH}}, grantIdentifier=added["grantId"]
    )
    equal(dz.list_policy_grants(**on_root)["grantList"], [], "ListPolicyGrants after RemovePolicyGrant")


@case("datazone: domain unit owners add/list/remove, the last owner stays")
def entity_owners(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    root = dz.get_domain(identifier=d)["rootDomainUnitId"]
    unit = dz.create_domain_unit(domainIdentifier=d, parentDomainUnitIdentifier=root, name="hr")["id"]
    on_unit = {"domainIdentifier": d, "entityType": "DOMAIN_UNIT", "entityIdentifier": unit}
    creators = dz.list_entity_owners(**on_unit)["owners"]
    equal(len(creators), 1, "a new unit is owned by its creator")
    creator = creators[0]["user"]["userId"]
    dz.add_entity_owner(**on_unit, owner={"user": {"userIdentifier": SARAH}})
    dz.add_entity_owner(**on_unit, owner={"user": {"userIdentifier": SARAH}})  # twice: one entry
    dz.add_entity_owner(**on_unit, owner={"group": {"groupIdentifier": "stewards"}})
    sarah = dz.get_user_profile(domainIdentifier=d, userIdentifier=SARAH)["id"]
    group = dz.get_group_profile(domainIdentifier=d, groupIdentifier="stewards")["id"]
    owners = dz.list_entity_owners(**on_unit)["owners"]
    equal(len(owners), 3, f"creator, user and group: {owners}")
    check({"user": {"userId": sarah}} in owners, "the added user owns the unit")
    check({"group": {"groupId": group}} in owners, "the added group owns the unit")
    dz.remove_entity_owner(**on_unit, owner={"group": {"groupIdentifier": "stewards"}})
    dz.remove_entity_owner(**on_unit, owner={"user": {"userIdentifier": creator}})
    equal(dz.list_entity_owners(**on_unit)["owners"], [{"user": {"userId": sarah}}], "owners after removals")
    error_of(
        "ConflictException",
        dz.remove_entity_owner,
        **on_unit,
        owner={"user": {"userIdentifier": SARAH}},
        status=409,
    )
    error_of(
        "ResourceNotFoundException",
        dz.remove_entity_owner,
        **on_unit,
        owner={"user": {"userIdentifier": BOB}},
        status=404,
    )


@case("datazone: glossaries create/get/update/delete, Search GLOSSARY, duplicate names")
def glossaries(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    project = project_of(ctx, d)["id"]
    created = dz.create_glossary(
        domainIdentifier=d, name="finance", owningProjectIdentifier=project, description="money words"
    )
    equal(
        (created["name"], created["owningProjectId"], created["status"], created["domainId"]),
        ("finance", project, "ENABLED", d),
        "CreateGlossary (ENABLED by default)",
    )
    g = created["id"]
    got = dz.get_glossary(domainIdentifier=d, identifier=g)
    equal((got["name"], got["description"]), ("finance", "money words"), "GetGlossary")
    check("createdAt" in got and "createdBy" in got, f"GetGlossary carries createdAt/createdBy: {got}")
    error_of(
        "ConflictException",
        dz.create_glossary,
        domainIdentifier=d,
        name="finance",
        owningProjectIdentifier=project,
        status=409,
    )
    other = dz.create_glossary(domainIdentifier=d, name="legal", owningProjectIdentifier=project)["id"]
    error_of("ConflictException", dz.update_glossary, domainIdentifier=d, identifier=other, name="finance")
    updated = dz.update_glossary(domainIdentifier=d, identifier=g, name="treasury", status="DISABLED")
    equal((updated["name"], updated["status"]), ("treasury", "DISABLED"), "UpdateGlossary")
    equal(dz.get_glossary(domainIdentifier=d, identifier=g)["name"], "treasury", "GetGlossary after update")
    found = dz.search(domainIdentifier=d, searchScope="GLOSSARY", searchText="treasury")
    equal([i["glossaryItem"]["id"] for i in found["items"]], [g], "Search GLOSSARY by text")
    everything = dz.search(domainIdentifier=d, searchScope="GLOSSARY", owningProjectIdentifier=project)
    equal(sorted(i["glossaryItem"]["name"] for i in everything["items"]), ["legal", "treasury"], "Search by project")
    equal(everything["totalMatchCount"], 2, "totalMatchCount")
    equal(dz.search(domainIdentifier=d, searchScope="GLOSSARY_TERM")["items"], [], "no glossary terms")
    dz.delete_glossary(domainIdentifier=d, identifier=g)
    error_of("ResourceNotFoundException", dz.get_glossary, domainIdentifier=d, identifier=g, status=404)
    error_of("ResourceNotFoundException", dz.delete_glossary, domainIdentifier=d, identifier=g)
    # Only a DISABLED glossary can be deleted.
    error_of("ConflictException", dz.delete_glossary, domainIdentifier=d, identifier=other, status=409)
    dz.update_glossary(domainIdentifier=d, identifier=other, status="DISABLED")
    dz.delete_glossary(domainIdentifier=d, identifier=other)



@case("datazone: glossary terms create/get/update/delete, relations, Search GLOSSARY_TERM, linked deletes refused")
def glossary_terms(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    project = project_of(ctx, d)["id"]
    g = dz.create_glossary(domainIdentifier=d, name="clinical", owningProjectIdentifier=project)["id"]
    other = dz.create_glossary(domainIdentifier=d, name="care", owningProjectIdentifier=project)["id"]
    diagnosis = dz.create_glossary_term(
        domainIdentifier=d, glossaryIdentifier=g, name="diagnosis", shortDescription="a conclusion"
    )
    equal(
        (diagnosis["name"], diagnosis["glossaryId"], diagnosis["status"], diagnosis["domainId"]),
        ("diagnosis", g, "ENABLED", d),
        "CreateGlossaryTerm (ENABLED by default)",
    )
    finding = dz.create_glossary_term(
        domainIdentifier=d,
        glossaryIdentifier=g,
        name="finding",
        termRelations={"isA": [diagnosis["id"]]},
    )["id"]
    # Names are unique per glossary, not per domain.
    error_of(
        "ConflictException", dz.create_glossary_term, domainIdentifier=d, glossaryIdentifier=g, name="finding", status=409
    )
    dz.create_glossary_term(domainIdentifier=d, glossaryIdentifier=other, name="finding")
    error_of(
        "ResourceNotFoundException",
        dz.create_glossary_term,
        domainIdentifier=d,
        glossaryIdentifier="noglossary0000",
        name="x",
        status=404,
    )
    got = dz.get_glossary_term(domainIdentifier=d, identifier=finding)
    equal(got["termRelations"], {"isA": [diagnosis["id"]]}, "GetGlossaryTerm relations")
    check("createdAt" in got and "createdBy" in got, f"GetGlossaryTerm carries createdAt/createdBy: {got}")
    # A term another term names cannot be deleted; neither can a glossary that has terms.
    error_of("ConflictException", dz.delete_glossary_term, domainIdentifier=d, identifier=diagnosis["id"], status=409)
    error_of("ConflictException", dz.delete_glossary, domainIdentifier=d, identifier=g, status=409)
    updated = dz.update_glossary_term(
        domainIdentifier=d, identifier=finding, status="DISABLED", longDescription="seen", termRelations={}
    )
    equal((updated["status"], updated.get("termRelations")), ("DISABLED", None), "UpdateGlossaryTerm clears relations")
    found = dz.search(domainIdentifier=d, searchScope="GLOSSARY_TERM")
    equal(len(found["items"]), 3, "Search GLOSSARY_TERM lists every term of the domain")
    equal(found["totalMatchCount"], 3, "totalMatchCount")
    by_text = dz.search(domainIdentifier=d, searchScope="GLOSSARY_TERM", searchText="conclusion")
    equal([i["glossaryTermItem"]["id"] for i in by_text["items"]], [diagnosis["id"]], "Search by short description")
    dz.delete_glossary_term(domainIdentifier=d, identifier=diagnosis["id"])
    error_of("ResourceNotFoundException", dz.get_glossary_term, domainIdentifier=d, identifier=diagnosis["id"], status=404)
    dz.delete_glossary_term(domainIdentifier=d, identifier=finding)
    dz.update_glossary(domainIdentifier=d, identifier=g, status="DISABLED")
    dz.delete_glossary(domainIdentifier=d, identifier=g)

STUDIO = {
    "AuthMode": "IAM",
    "DefaultUserSettings": {"ExecutionRole": STUDIO_EXECUTION_ROLE},
    "SubnetIds": ["subnet-0a1b2c3d"],
    "VpcId": "vpc-0a1b2c3d",
}


@case("sagemaker: user profiles create/describe/list/update/delete and their errors")
def user_profiles(ctx):
    sm = ctx.sm
    domain_id = sm.create_domain(DomainName="studio", **STUDIO)["DomainArn"].rsplit("/", 1)[1]
    arn = sm.create_user_profile(
        DomainId=domain_id,
        UserProfileName="alice",
        UserSettings={"SharingSettings": {"NotebookOutputOption": "Disabled"}},
        Tags=[{"Key": "team", "Value": "ai"}],
    )["UserProfileArn"]
    equal(arn, f"arn:aws:sagemaker:us-east-1:{HOME}:user-profile/{domain_id}/alice", "UserProfileArn")
    described = sm.describe_user_profile(DomainId=domain_id, UserProfileName="alice")
    equal(
        (described["DomainId"], described["UserProfileName"], described["Status"]),
        (domain_id, "alice", "InService"),
        "DescribeUserProfile",
    )
    equal(described["UserSettings"], {"SharingSettings": {"NotebookOutputOption": "Disabled"}}, "UserSettings")
    error_of("ResourceInUse", sm.create_user_profile, DomainId=domain_id, UserProfileName="alice", status=400)
    # An IAM domain refuses an IAM Identity Center identity.
    error_of(
        "ValidationException",
        sm.create_user_profile,
        DomainId=domain_id,
        UserProfileName="sso",
        SingleSignOnUserIdentifier="UserName",
        SingleSignOnUserValue="sso",
    )
    sm.create_user_profile(DomainId=domain_id, UserProfileName="bob")
    listed = sm.list_user_profiles(DomainIdEquals=domain_id)["UserProfiles"]
    equal([p["UserProfileName"] for p in listed], ["alice", "bob"], "ListUserProfiles oldest first")
    equal(
        [p["UserProfileName"] for p in sm.list_user_profiles(UserProfileNameContains="li")["UserProfiles"]],
        ["alice"],
        "ListUserProfiles UserProfileNameContains",
    )
    sm.update_user_profile(
        DomainId=domain_id,
        UserProfileName="alice",
        UserSettings={"ExecutionRole": STUDIO_EXECUTION_ROLE},
    )
    settings = sm.describe_user_profile(DomainId=domain_id, UserProfileName="alice")["UserSettings"]
    equal(
        settings,
        {"SharingSettings": {"NotebookOutputOption": "Disabled"}, "ExecutionRole": STUDIO_EXECUTION_ROLE},
        "UpdateUserProfile replaces the named members, keeps the others",
    )
    sm.delete_user_profile(DomainId=domain_id, UserProfileName="alice")
    error_of("ResourceNotFound", sm.describe_user_profile, DomainId=domain_id, UserProfileName="alice", status=400)
    error_of("ResourceNotFound", sm.delete_user_profile, DomainId=domain_id, UserProfileName="alice")
    equal(
        [p["UserProfileName"] for p in sm.list_user_profiles(DomainIdEquals=domain_id)["UserProfiles"]],
        ["bob"],
        "ListUserProfiles after delete",
    )
    sm.delete_user_profile(DomainId=domain_id, UserProfileName="bob")
