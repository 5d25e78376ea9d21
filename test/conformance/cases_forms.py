"""DataZone metadata form types and metadata enforcement rules (issue 15): revisions by name,
system form types, the in-use delete refusal, rule revisions and the immutable target.

Every operation here is in botocore's bundled model (checked with `dir(boto3.client(...))`).
"""

from harness import case, check, equal, error_of


def project_of(ctx, domain_id, name="forms"):
    profile = ctx.profile(domain_id)
    return ctx.dz.create_project(domainIdentifier=domain_id, name=name, projectProfileId=profile["id"])


@case("datazone: form types create/revise/get/delete, SearchTypes FORM_TYPE managed or not")
def form_types(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    project = project_of(ctx, d)["id"]
    first = dz.create_form_type(
        domainIdentifier=d, name="Study", owningProjectIdentifier=project, model={"smithy": "structure Study {}"}
    )
    equal((first["name"], first["revision"], first["owningProjectId"]), ("Study", "1", project), "CreateFormType")
    second = dz.create_form_type(
        domainIdentifier=d,
        name="Study",
        owningProjectIdentifier=project,
        model={"smithy": "structure Study { id: String }"},
        status="DISABLED",
    )
    equal(second["revision"], "2", "CreateFormType of the same name records a new revision")
    got = dz.get_form_type(domainIdentifier=d, formTypeIdentifier="Study")
    equal((got["revision"], got["status"], got["model"]["smithy"]), ("2", "DISABLED", "structure Study { id: String }"), "GetFormType latest")
    old = dz.get_form_type(domainIdentifier=d, formTypeIdentifier="Study", revision="1")
    equal(old["model"]["smithy"], "structure Study {}", "GetFormType by revision")
    custom = dz.search_types(domainIdentifier=d, searchScope="FORM_TYPE", managed=False)
    equal([i["formTypeItem"]["name"] for i in custom["items"]], ["Study"], "SearchTypes custom form types")
    managed = dz.search_types(domainIdentifier=d, searchScope="FORM_TYPE", managed=True)
    check(
        managed["items"] and all(i["formTypeItem"]["name"].startswith("amazon.datazone.") for i in managed["items"]),
        f"SearchTypes managed answers system form types only: {managed}",
    )
    error_of(
        "ValidationException",
        dz.create_form_type,
        domainIdentifier=d,
        name="amazon.datazone.Mine",
        owningProjectIdentifier=project,
        model={"smithy": "structure Mine {}"},
        status=400,
    )
    dz.delete_form_type(domainIdentifier=d, formTypeIdentifier="Study")
    error_of("ResourceNotFoundException", dz.get_form_type, domainIdentifier=d, formTypeIdentifier="Study", status=404)


@case("datazone: metadata rules create/get/update/list/delete; a required form type cannot be deleted")
def rules(ctx):
    dz = ctx.dz
    domain = ctx.domain()
    d, root = domain["id"], domain["rootDomainUnitId"]
    project = project_of(ctx, d, "rules")["id"]
    unit = dz.create_domain_unit(domainIdentifier=d, name="Clinical", parentDomainUnitIdentifier=root)["id"]
    dz.create_form_type(
        domainIdentifier=d, name="Consent", owningProjectIdentifier=project, model={"smithy": "structure Consent {}"}
    )
    detail = {"metadataFormEnforcementDetail": {"requiredMetadataForms": [{"typeIdentifier": "Consent", "typeRevision": "1"}]}}
    created = dz.create_rule(
        domainIdentifier=d,
        name="consent required",
        target={"domainUnitTarget": {"domainUnitId": unit}},
        action="CREATE_LISTING_CHANGE_SET",
        scope={"project": {"selectionMode": "ALL"}},
        detail=detail,
    )
    equal((created["ruleType"], created["targetType"]), ("METADATA_FORM_ENFORCEMENT", "DOMAIN_UNIT"), "CreateRule")
    r = created["identifier"]
    error_of(
        "ConflictException", dz.delete_form_type, domainIdentifier=d, formTypeIdentifier="Consent", status=409
    )
    updated = dz.update_rule(domainIdentifier=d, identifier=r, description="needs consent", includeChildDomainUnits=True)
    equal(updated["revision"], "2", "UpdateRule adds a revision")
    got = dz.get_rule(domainIdentifier=d, identifier=r)
    equal(
        (got["description"], got["target"]["domainUnitTarget"]["includeChildDomainUnits"]),
        ("needs consent", True),
        "GetRule after update",
    )
    listed = dz.list_rules(domainIdentifier=d, targetType="DOMAIN_UNIT", targetIdentifier=unit)
    equal([i["identifier"] for i in listed["items"]], [r], "ListRules on the target unit")
    check("detail" not in listed["items"][0], "ListRules summaries carry no detail")
    error_of(
        "ResourceNotFoundException",
        dz.create_rule,
        domainIdentifier=d,
        name="missing revision",
        target={"domainUnitTarget": {"domainUnitId": unit}},
        action="CREATE_LISTING_CHANGE_SET",
        scope={"dataProduct": True},
        detail={"metadataFormEnforcementDetail": {"requiredMetadataForms": [{"typeIdentifier": "Consent", "typeRevision": "9"}]}},
        status=404,
    )
    dz.delete_rule(domainIdentifier=d, identifier=r)
    error_of("ResourceNotFoundException", dz.get_rule, domainIdentifier=d, identifier=r, status=404)
    dz.delete_form_type(domainIdentifier=d, formTypeIdentifier="Consent")
