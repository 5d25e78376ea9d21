"""Cross-cutting contracts: client-token replays, commit-then-fail retries, paging under deletion."""

from harness import EXECUTION_ROLE, OTHER, REGION, all_pages, case, check, equal, error_of


@case("tokens: CreateDomain and CreateDomainUnit replay the same token, refuse other input")
def datazone_tokens(ctx):
    dz = ctx.dz
    first = ctx.domain("tok", clientToken="T-1")
    again = ctx.domain("tok", clientToken="T-1")
    equal(again["id"], first["id"], "replayed domain id")
    equal(len(dz.list_domains()["items"]), 1, "no duplicate domain")
    error_of("ConflictException", ctx.domain, "tok", description="other", clientToken="T-1", status=409, message="T-1")
    root = first["rootDomainUnitId"]
    unit = lambda **kw: dz.create_domain_unit(  # noqa: E731
        domainIdentifier=first["id"], parentDomainUnitIdentifier=root, name="u", **kw
    )
    equal(unit(clientToken="U-1")["id"], unit(clientToken="U-1")["id"], "replayed unit id")
    equal(len(dz.list_domain_units_for_parent(domainIdentifier=first["id"], parentDomainUnitIdentifier=root)["items"]), 1, "one unit")
    error_of("ConflictException", dz.create_domain_unit, domainIdentifier=first["id"], parentDomainUnitIdentifier=root, name="v", clientToken="U-1")
    # UpdateDomain and DeleteDomain take a token too: a replayed delete answers as the first one did.
    equal(dz.delete_domain(identifier=first["id"], skipDeletionCheck=True, clientToken="D-1")["status"], "DELETING", "delete")
    equal(dz.delete_domain(identifier=first["id"], skipDeletionCheck=True, clientToken="D-1")["status"], "DELETING", "replay")


@case("retries: a create that committed then failed converges on the SDK retry")
def commit_then_fail(ctx):
    retrying = ctx.retrying()["datazone"]
    ctx.control("POST", "stats/reset")
    ctx.control("PUT", "faults", [{"operation": "CreateDomain", "commitThenFailPct": 100, "count": 1}])
    # No clientToken: botocore fills the @idempotencyToken member once and reuses it on the retry.
    out = retrying.create_domain(name="retried", domainExecutionRole=EXECUTION_ROLE, domainVersion="V2")
    stats = ctx.control("GET", "stats")["operations"]["datazone.CreateDomain"]["byStatus"]
    equal(stats, {"500": 1, "201": 1}, "one committed failure, then the replayed answer")
    ids = [d["id"] for d in ctx.dz.list_domains()["items"] if d["name"] == "retried"]
    equal(ids, [out["id"]], "exactly one domain, the one answered")
    root = out["rootDomainUnitId"]
    ctx.control("PUT", "faults", [{"operation": "CreateDomainUnit", "commitThenFailPct": 100, "count": 1}])
    unit = retrying.create_domain_unit(domainIdentifier=out["id"], parentDomainUnitIdentifier=root, name="u")
    units = ctx.dz.list_domain_units_for_parent(domainIdentifier=out["id"], parentDomainUnitIdentifier=root)["items"]
    equal([u["id"] for u in units], [unit["id"]], "exactly one unit")


@case("retries: a RAM create with a clientToken converges after commit-then-fail")
def ram_retry_with_token(ctx):
    # RAM's clientToken is not an SDK idempotency token (botocore does not fill it): a caller that
    # sends one gets the committed share back on the retry.
    domain = ctx.domain()
    ctx.control("PUT", "faults", [{"operation": "CreateResourceShare", "commitThenFailPct": 100, "count": 1}])
    ctx.retrying()["ram"].create_resource_share(name="s", resourceArns=[domain["arn"]], clientToken="fixed")
    equal(len(ctx.ram.get_resource_shares(resourceOwner="SELF")["resourceShares"]), 1, "a token makes it converge")


def paged_with_deletion(list_page, names, delete, key):
    """Lists two per page, deletes the first item after page one, and returns every name seen."""
    first = list_page(None)
    seen = [key(i) for i in first["items"]]
    delete(first["items"][0])
    token = first["token"]
    while token:
        page = list_page(token)
        seen.extend(key(i) for i in page["items"])
        token = page["token"]
    equal(sorted(seen), sorted(names), "every item exactly once")


@case("paging: account pools sorted by name, deletion between pages")
def paging_pools(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    names = [f"pool-{i}" for i in range(5)]
    for name in names:
        dz.create_account_pool(domainIdentifier=d, name=name, resolutionStrategy="MANUAL",
                               accountSource={"accounts": [{"awsAccountId": OTHER, "supportedRegions": [REGION]}]})

    def page(token):
        args = {"domainIdentifier": d, "sortBy": "NAME", "sortOrder": "ASCENDING", "maxResults": 2}
        out = dz.list_account_pools(**args, **({"nextToken": token} if token else {}))
        return {"items": out["items"], "token": out.get("nextToken")}

    paged_with_deletion(page, names, lambda p: dz.delete_account_pool(domainIdentifier=d, identifier=p["id"]), lambda p: p["name"])


@case("paging: projects, RAM shares and Studio domains survive deletion between pages")
def paging_others(ctx):
    dz, ram, sm = ctx.dz, ctx.ram, ctx.sm
    d = ctx.domain()["id"]
    profile = ctx.profile(d)["id"]
    names = [f"p{i}" for i in range(5)]
    for name in names:
        dz.create_project(domainIdentifier=d, name=name, projectProfileId=profile)

    def projects(token):
        out = dz.list_projects(domainIdentifier=d, maxResults=2, **({"nextToken": token} if token else {}))
        return {"items": out["items"], "token": out.get("nextToken")}

    paged_with_deletion(projects, names, lambda p: dz.delete_project(domainIdentifier=d, identifier=p["id"]), lambda p: p["name"])
    arn = dz.get_domain(identifier=d)["arn"]
    for name in names:
        ram.create_resource_share(name=name, resourceArns=[arn])

    def shares(token):
        out = ram.get_resource_shares(resourceOwner="SELF", resourceShareStatus="ACTIVE", maxResults=2,
                                      **({"nextToken": token} if token else {}))
        return {"items": out["resourceShares"], "token": out.get("nextToken")}

    paged_with_deletion(shares, names, lambda s: ram.delete_resource_share(resourceShareArn=s["resourceShareArn"]), lambda s: s["name"])
    studio = {"AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/E"},
              "SubnetIds": ["subnet-0a1b2c3d"], "VpcId": "vpc-0a1b2c3d"}
    for name in names:
        sm.create_domain(DomainName=name, **studio)

    def studios(token):
        out = sm.list_domains(MaxResults=2, **({"NextToken": token} if token else {}))
        return {"items": out["Domains"], "token": out.get("NextToken")}

    paged_with_deletion(studios, names, lambda s: sm.delete_domain(DomainId=s["DomainId"]), lambda s: s["DomainName"])


@case("paging: botocore paginators follow every list to its end")
def paginators(ctx):
    dz = ctx.dz
    d = ctx.domain()["id"]
    for i in range(7):
        dz.create_project_profile(domainIdentifier=d, name=f"profile-{i}")
    items, pages = all_pages(dz.list_project_profiles, "items", domainIdentifier=d)
    equal((len(items), pages), (7, 2), "ListProjectProfiles with the default page size 5")
    equal(len({i["id"] for i in items}), 7, "no repeats")
    blueprints = [b for page in dz.get_paginator("list_environment_blueprints").paginate(domainIdentifier=d, managed=True) for b in page["items"]]
    check(len(blueprints) >= 2, "managed blueprints listed through the paginator")
    error_of("ValidationException", dz.list_projects, domainIdentifier=d, nextToken="garbage")
