"""DataZone projects: CRUD, what a profile lets a project set, deployments, injected failures."""

from harness import case, check, equal, error_of


def locked_setup(ctx, allow_custom=False):
    d = ctx.domain()["id"]
    tooling = ctx.blueprint(d)
    config = ctx.fixed_config(
        tooling,
        mode="ON_DEMAND",
        overrides=[{"name": "locked", "value": "a", "isEditable": False}, {"name": "open", "value": "b", "isEditable": True}],
    )
    profile = ctx.profile(
        d,
        configurations=[config],
        projectResourceTags=[{"key": "cost-center", "value": "cc1", "isValueEditable": False}],
        allowCustomProjectResourceTags=allow_custom,
    )
    return d, profile


def params(name, value="x"):
    return [{"environmentConfigurationName": "Tooling", "environmentParameters": [{"name": name, "value": value}]}]


@case("datazone: project create/get/update/list/delete")
def projects(ctx):
    dz = ctx.dz
    d, profile = locked_setup(ctx, allow_custom=True)
    created = dz.create_project(domainIdentifier=d, name="p", projectProfileId=profile["id"], resourceTags={"team": "x"})
    equal(created["ResponseMetadata"]["HTTPStatusCode"], 201, "CreateProject status")
    tags = {t["key"]: t["source"] for t in created["resourceTags"]}
    equal(tags, {"team": "PROJECT", "cost-center": "PROJECT_PROFILE"}, "resource tag sources")
    dz.update_project(domainIdentifier=d, identifier=created["id"], description="new", userParameters=params("open", "z"))
    got = dz.get_project(domainIdentifier=d, identifier=created["id"])
    equal(got["description"], "new", "updated description")
    equal(got["userParameters"][0]["environmentParameters"], [{"name": "open", "value": "z"}], "userParameters")
    items = dz.list_projects(domainIdentifier=d)["items"]
    equal([p["name"] for p in items], ["p"], "ListProjects")
    check("updatedAt" in items[0], "ListProjects items carry updatedAt")
    error_of("ConflictException", dz.create_project, domainIdentifier=d, name="p", projectProfileId=profile["id"])
    equal(dz.delete_project(domainIdentifier=d, identifier=created["id"])["ResponseMetadata"]["HTTPStatusCode"], 204, "delete")
    error_of("ResourceNotFoundException", dz.get_project, domainIdentifier=d, identifier=created["id"])


@case("datazone: locked and unknown profile parameters are refused (create and update)")
def locked_parameters(ctx):
    dz = ctx.dz
    d, profile = locked_setup(ctx)
    create = lambda name, **kw: dz.create_project(  # noqa: E731
        domainIdentifier=d, name=name, projectProfileId=profile["id"], **kw
    )
    error_of("ValidationException", create, "a", userParameters=params("locked"), status=400, message=r"locked.*Tooling")
    error_of("ValidationException", create, "b", userParameters=params("nosuch"), message=r"nosuch.*Tooling")
    project = create("c", userParameters=params("open"))
    error_of(
        "ValidationException",
        dz.update_project,
        domainIdentifier=d,
        identifier=project["id"],
        userParameters=params("locked"),
        message="locked",
    )
    names = [p["name"] for p in dz.list_projects(domainIdentifier=d)["items"]]
    equal(names, ["c"], "refused creates stored nothing")


@case("datazone: profile resource tags: non-editable value and custom keys")
def tag_rules(ctx):
    dz = ctx.dz
    d, profile = locked_setup(ctx, allow_custom=False)
    create = lambda name, tags: dz.create_project(  # noqa: E731
        domainIdentifier=d, name=name, projectProfileId=profile["id"], resourceTags=tags
    )
    error_of("ValidationException", create, "a", {"cost-center": "mine"}, message="cost-center")
    error_of("ValidationException", create, "b", {"team": "x"}, message="team")
    project = create("c", {"cost-center": "cc1"})
    error_of("ValidationException", dz.update_project, domainIdentifier=d, identifier=project["id"], resourceTags={"team": "x"})


@case("datazone: disabled profile and V2 project without profile are refused")
def profile_required(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    profile = ctx.profile(d, "named-profile", status="DISABLED")
    error_of(
        "ValidationException",
        dz.create_project,
        domainIdentifier=d,
        name="p",
        projectProfileId=profile["id"],
        message=rf"named-profile \({profile['id']}\) is DISABLED",
    )
    error_of("ValidationException", dz.create_project, domainIdentifier=d, name="p", message="projectProfileId")


def deploying(ctx, enabled=True):
    d = ctx.domain()["id"]
    tooling = ctx.blueprint(d)
    if enabled:
        ctx.enable(d, tooling)
    profile = ctx.profile(d, configurations=[ctx.fixed_config(tooling)])
    return d, tooling, profile


def status_of(ctx, d, project_id):
    return ctx.dz.get_project(domainIdentifier=d, identifier=project_id)["environmentDeploymentDetails"]


@case("datazone: deployment lifecycle, FAILED_VALIDATION, redeploy after enabling the blueprint")
def deployments(ctx):
    dz = ctx.dz
    ctx.control("PATCH", "behaviour", {"durations": {"projectDeploy": 40000}})
    d, tooling, profile = deploying(ctx, enabled=False)
    project = dz.create_project(domainIdentifier=d, name="p", projectProfileId=profile["id"])
    equal(status_of(ctx, d, project["id"])["overallDeploymentStatus"], "PENDING_DEPLOYMENT", "at once")
    ctx.control("POST", "clock/advance", {"ms": 40000})
    details = status_of(ctx, d, project["id"])
    equal(details["overallDeploymentStatus"], "FAILED_VALIDATION", "blueprint not enabled")
    equal(details["environmentFailureReasons"]["Tooling"][0]["code"], "BlueprintNotEnabled", "reason")
    dz.update_project(domainIdentifier=d, identifier=project["id"], environmentDeploymentDetails={})
    ctx.control("POST", "clock/advance", {"ms": 40000})
    equal(status_of(ctx, d, project["id"])["overallDeploymentStatus"], "FAILED_VALIDATION", "still not enabled")
    ctx.enable(d, tooling)
    dz.update_project(domainIdentifier=d, identifier=project["id"], environmentDeploymentDetails={})
    equal(status_of(ctx, d, project["id"])["overallDeploymentStatus"], "PENDING_DEPLOYMENT", "redeploy restarts")
    ctx.control("POST", "clock/advance", {"ms": 20000})
    equal(status_of(ctx, d, project["id"])["overallDeploymentStatus"], "IN_PROGRESS", "redeploy in progress")
    ctx.control("POST", "clock/advance", {"ms": 20000})
    equal(status_of(ctx, d, project["id"])["overallDeploymentStatus"], "SUCCESSFUL", "redeploy succeeded")


@case("knob: failDeployments over HTTP fails the next matching deployment")
def fail_deployments(ctx):
    dz = ctx.dz
    d, _, profile = deploying(ctx)
    ctx.control("PUT", "project-faults", {"deployments": [{"projects": ["bad"], "status": "FAILED_DEPLOYMENT", "count": 1}]})
    bad = dz.create_project(domainIdentifier=d, name="bad", projectProfileId=profile["id"])
    details = status_of(ctx, d, bad["id"])
    equal(details["overallDeploymentStatus"], "FAILED_DEPLOYMENT", "injected")
    equal(details["environmentFailureReasons"]["Tooling"][0]["code"], "EmulatorInjectedFailure", "reason")
    good = dz.create_project(domainIdentifier=d, name="good", projectProfileId=profile["id"])
    equal(status_of(ctx, d, good["id"])["overallDeploymentStatus"], "SUCCESSFUL", "unmatched project")
    dz.update_project(domainIdentifier=d, identifier=bad["id"], environmentDeploymentDetails={})
    equal(status_of(ctx, d, bad["id"])["overallDeploymentStatus"], "SUCCESSFUL", "redeploy (count spent)")
    status, answer = ctx.emulator.control("PUT", "project-faults", {"deployments": [{"status": "NOPE"}]})
    equal(status, 400, f"bad spec refused: {answer}")


@case("knob: UPDATE_FAILED and DELETE_FAILED project statuses")
def lifecycle_faults(ctx):
    dz = ctx.dz
    d, _, profile = deploying(ctx)
    project = dz.create_project(domainIdentifier=d, name="p", projectProfileId=profile["id"])
    ctx.control("PUT", "project-faults", {"lifecycle": [{"status": "UPDATE_FAILED", "count": 1}, {"status": "DELETE_FAILED", "count": 1}]})
    equal(dz.update_project(domainIdentifier=d, identifier=project["id"], description="x")["projectStatus"], "UPDATE_FAILED", "update")
    got = dz.get_project(domainIdentifier=d, identifier=project["id"])
    equal((got["projectStatus"], got["failureReasons"][0]["code"]), ("UPDATE_FAILED", "EmulatorInjectedFailure"), "read")
    equal(dz.update_project(domainIdentifier=d, identifier=project["id"], description="y")["projectStatus"], "ACTIVE", "recovered")
    dz.delete_project(domainIdentifier=d, identifier=project["id"])
    equal(dz.get_project(domainIdentifier=d, identifier=project["id"])["projectStatus"], "DELETE_FAILED", "delete failed")
    error_of("ConflictException", dz.update_project, domainIdentifier=d, identifier=project["id"], description="z")
    dz.delete_project(domainIdentifier=d, identifier=project["id"])
    error_of("ResourceNotFoundException", dz.get_project, domainIdentifier=d, identifier=project["id"])
