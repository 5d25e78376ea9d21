"""RAM: shares, associations, permissions, invitations of external accounts, RAM after DeleteDomain."""

from harness import EXTERNAL, OTHER, case, check, equal, error_of


def share_domain(ctx, principals=(OTHER,), **extra):
    domain = ctx.domain()
    share = ctx.ram.create_resource_share(
        name="DataZone-share", resourceArns=[domain["arn"]], principals=list(principals), **extra
    )["resourceShare"]
    return domain, share


def statuses(ctx, association_type, share_arn):
    out = ctx.ram.get_resource_share_associations(associationType=association_type, resourceShareArns=[share_arn])
    return {a["associatedEntity"]: a["status"] for a in out["resourceShareAssociations"]}


@case("ram: share create/get/associate/disassociate/delete, permissions")
def shares(ctx):
    ram = ctx.ram
    domain, share = share_domain(ctx)
    arn = share["resourceShareArn"]
    equal(share["status"], "ACTIVE", "new share")
    owned = ram.get_resource_shares(resourceOwner="SELF")["resourceShares"]
    equal([s["resourceShareArn"] for s in owned], [arn], "GetResourceShares")
    equal(statuses(ctx, "PRINCIPAL", arn), {OTHER: "ASSOCIATED"}, "principal associations")
    equal(statuses(ctx, "RESOURCE", arn), {domain["arn"]: "ASSOCIATED"}, "resource associations")
    permissions = ram.list_permissions(resourceType="datazone:Domain")["permissions"]
    check(any(p["name"] == "AWSRAMDefaultPermissionAmazonDataZoneDomain" for p in permissions), "ListPermissions")
    attached = ram.list_resource_share_permissions(resourceShareArn=arn)["permissions"]
    equal([p["name"] for p in attached], ["AWSRAMDefaultPermissionAmazonDataZoneDomain"], "share permissions")
    ram.associate_resource_share(resourceShareArn=arn, principals=["555566667777"])
    ram.disassociate_resource_share(resourceShareArn=arn, principals=[OTHER])
    equal(statuses(ctx, "PRINCIPAL", arn), {OTHER: "DISASSOCIATED", "555566667777": "ASSOCIATED"}, "after changes")
    error_of("UnknownResourceException", ram.disassociate_resource_share, resourceShareArn=arn, principals=[OTHER])
    error_of("InvalidNextTokenException", ram.get_resource_shares, resourceOwner="SELF", nextToken="garbage")
    error_of("MalformedArnException", ram.get_resource_shares, resourceOwner="SELF", resourceShareArns=["nope"])
    equal(ram.delete_resource_share(resourceShareArn=arn)["returnValue"], True, "DeleteResourceShare")
    equal(ram.get_resource_shares(resourceOwner="SELF", resourceShareArns=[arn])["resourceShares"][0]["status"], "DELETED", "deleted")


@case("ram: an external account gets an invitation and accepts it")
def invitations(ctx):
    domain, share = share_domain(ctx, principals=(EXTERNAL,), allowExternalPrincipals=True)
    arn = share["resourceShareArn"]
    equal(statuses(ctx, "PRINCIPAL", arn), {EXTERNAL: "ASSOCIATING"}, "waits for the invitation")
    receiver = ctx.account(EXTERNAL)["ram"]
    invitations = receiver.get_resource_share_invitations()["resourceShareInvitations"]
    equal([i["status"] for i in invitations], ["PENDING"], "pending invitation")
    accepted = receiver.accept_resource_share_invitation(
        resourceShareInvitationArn=invitations[0]["resourceShareInvitationArn"]
    )["resourceShareInvitation"]
    equal(accepted["status"], "ACCEPTED", "accepted")
    equal(statuses(ctx, "PRINCIPAL", arn), {EXTERNAL: "ASSOCIATED"}, "associated after acceptance")
    error_of(
        "ResourceShareInvitationAlreadyAcceptedException",
        receiver.accept_resource_share_invitation,
        resourceShareInvitationArn=invitations[0]["resourceShareInvitationArn"],
    )
    # The associated account now reaches the domain through DataZone.
    other_dz = ctx.account(EXTERNAL)["datazone"]
    equal(other_dz.get_domain(identifier=domain["id"])["id"], domain["id"], "shared domain visible")


@case("ram: DeleteDomain --skip-deletion-check disassociates the domain from its share")
def domain_deleted(ctx):
    domain, share = share_domain(ctx)
    arn = share["resourceShareArn"]
    ctx.dz.create_project_profile(domainIdentifier=domain["id"], name="keeps-it-busy")
    ctx.dz.delete_domain(identifier=domain["id"], skipDeletionCheck=True)
    equal(statuses(ctx, "RESOURCE", arn), {domain["arn"]: "DISASSOCIATED"}, "resource association")
    other = ctx.account(OTHER)["datazone"]
    error_of("ResourceNotFoundException", other.get_domain, identifier=domain["id"])


@case("ram: clientToken replay and IdempotentParameterMismatchException")
def ram_tokens(ctx):
    domain = ctx.domain()
    first = ctx.ram.create_resource_share(name="s", resourceArns=[domain["arn"]], clientToken="tok-1")
    again = ctx.ram.create_resource_share(name="s", resourceArns=[domain["arn"]], clientToken="tok-1")
    equal(again["resourceShare"]["resourceShareArn"], first["resourceShare"]["resourceShareArn"], "replayed share")
    equal(len(ctx.ram.get_resource_shares(resourceOwner="SELF")["resourceShares"]), 1, "no duplicate share")
    error_of(
        "IdempotentParameterMismatchException",
        ctx.ram.create_resource_share,
        name="other",
        resourceArns=[domain["arn"]],
        clientToken="tok-1",
        status=400,
    )
