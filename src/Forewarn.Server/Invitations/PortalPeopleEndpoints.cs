using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Invitations;

/// <summary>
/// The portal's people over the API, for the keys that may invite (staff who can write; a
/// partner's admin key for its own users): open invitations and their revocation, users and the
/// changes to their access. The people page calls the same <see cref="PortalPeople"/>.
/// </summary>
public static class PortalPeopleEndpoints
{
    public static void MapPortalPeople(this IEndpointRouteBuilder api)
    {
        api.MapGet("/invitations", Invitations).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Open invitations to the portal (not used, revoked or expired); a partner's admin key sees its own organisation's");
        api.MapPost("/invitations/{id:guid}/revoke", Revoke).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Take an open invitation back: its link stops working (logged)")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
        api.MapPost("/invitations/{id:guid}/resend", Resend).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Re-send an open or expired invitation: the old link stops working and a new one (same address, role, partner) is in this answer only; for staff-admin or staff-publisher a proposal (202) whose proposer collects the link (logged)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        api.MapGet("/portal-users", Users).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("The portal's users (role, organisation, second factor, passkeys, disabled); a partner's admin key sees its own organisation's");
        api.MapPost("/portal-users/{id:guid}/disable", Disable).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Disable a portal user: signed out at their next request, cannot sign in (logged)")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
        api.MapPost("/portal-users/{id:guid}/enable", Enable).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Let a disabled portal user sign in again (logged)")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
        api.MapPost("/portal-users/{id:guid}/reset-authenticator", ResetAuthenticator).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Reset a lost authenticator: key and recovery codes cleared, the user enrols again at the next sign-in (logged)")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<IReadOnlyList<OpenInvitation>>> Invitations(PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.InvitationsAsync(InvitationEndpoints.InviterOf(user), ct));

    private static async Task<Ok<OpenInvitation>> Revoke(Guid id, PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.RevokeInvitationAsync(id, InvitationEndpoints.InviterOf(user), ct));

    private static async Task<Results<Created<InvitationDto>, Accepted<ProposalDto>>> Resend(Guid id, InvitationService invitations, ClaimsPrincipal user,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await invitations.ResendAsync(id, InvitationEndpoints.InviterOf(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Created((string?)null, InvitationEndpoints.Shown(outcome.Made!, http));
    }

    private static async Task<Ok<IReadOnlyList<PortalPerson>>> Users(PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.ListAsync(InvitationEndpoints.InviterOf(user), ct));

    private static async Task<Ok<PortalPerson>> Disable(Guid id, PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.DisableAsync(id, InvitationEndpoints.InviterOf(user), ct));

    private static async Task<Ok<PortalPerson>> Enable(Guid id, PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.EnableAsync(id, InvitationEndpoints.InviterOf(user), ct));

    private static async Task<Ok<PortalPerson>> ResetAuthenticator(Guid id, PortalPeople people, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await people.ResetAuthenticatorAsync(id, InvitationEndpoints.InviterOf(user), ct));
}
