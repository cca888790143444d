using System.Security.Claims;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Invitations;

public sealed record NewInvitation(string? Email, string? Role, Guid? PartnerId);

/// <summary>An invitation as the API shows it; <see cref="Link"/> (with the one-time token) only in the answer that made it.</summary>
public sealed record InvitationDto(Guid Id, string Email, string Role, Guid? PartnerId, DateTimeOffset ExpiresAt, string Link);

/// <summary>POST /api/v1/invitations: a one-time link to the portal, for a staff key that can write or a partner's admin key.</summary>
public static class InvitationEndpoints
{
    public static void MapInvitations(this IEndpointRouteBuilder api)
    {
        api.MapPost("/invitations", Create).WithTags("Portal").RequireAuthorization(AccessPolicies.Invite)
            .WithSummary("Invite a person to the portal: staff invite staff and partner admins, a partner's admin key (partner:webhooks) its own users; the link is in this answer only; an invitation to staff-admin or staff-publisher becomes a proposal (202) whose proposer collects the link after approval")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        api.MapPortalPeople();
    }

    /// <summary>Who calls, as an inviter: staff, or a partner's admin key (its own organisation only).</summary>
    internal static Inviter InviterOf(ClaimsPrincipal user) =>
        new(Actor.Of(user), user.HasClaim(Caller.OwnerClaim, "partner") ? user.PartnerId() : null);

    private static async Task<Results<Created<InvitationDto>, Accepted<ProposalDto>>> Create(NewInvitation body, InvitationService invitations,
        ClaimsPrincipal user, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await invitations.CreateAsync(body.Email, body.Role, body.PartnerId, InviterOf(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Created((string?)null, Shown(outcome.Made!, http));
    }

    /// <summary>The invitation with its one-time link, as the answer that made it shows it (and no other).</summary>
    internal static InvitationDto Shown(IssuedInvitation issued, HttpContext http)
    {
        var invitation = issued.Invitation;
        var link = $"{http.Request.Scheme}://{http.Request.Host}{InvitationService.AcceptPath}{issued.Token}";
        return new InvitationDto(invitation.Id, invitation.Email, invitation.Role.Name(), invitation.PartnerId?.Value, invitation.ExpiresAt, link);
    }
}
