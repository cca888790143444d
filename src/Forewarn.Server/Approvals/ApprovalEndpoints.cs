using System.Security.Claims;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Invitations;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Approvals;

/// <summary>Four eyes over HTTP: the proposals, and a second staff member's approve or reject; <see cref="ProposalService"/> does the work.</summary>
public static class ApprovalEndpoints
{
    public static void MapApprovals(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/approvals").WithTags("Approvals");
        g.MapGet("/", List).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Proposals that need (or had) a second staff member's approval; ?state=pending (default), approved, rejected, expired or all")
            .Refuses(ErrorCategory.Invalid);
        g.MapGet("/{id:guid}", Show).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("Show a proposal with its request")
            .Refuses(ErrorCategory.NotFound);
        g.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Approve a proposal as a different staff member; the change is made now (or, for a staff key, when its member collects it)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        g.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Reject a proposal as a different staff member, with a reason; nothing changes")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        g.MapPost("/{id:guid}/key", CollectKey).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Collect an approved staff key: only its member, once; the token is in this answer only")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        g.MapPost("/{id:guid}/invitation", CollectInvitation).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Collect an approved invitation to a role that can write: only its proposer, once; the one-time link is in this answer only")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
    }

    /// <summary>The answer of an operation that became a proposal: 202, where to follow it, and what waits.</summary>
    public static Accepted<ProposalDto> Proposed(Proposal proposal, TimeProvider clock) =>
        TypedResults.Accepted($"/api/v1/approvals/{proposal.Id}", ProposalDto.From(proposal, clock.GetUtcNow()));

    private static async Task<Ok<List<ProposalDto>>> List(string? state, ProposalService proposals, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await proposals.ListAsync(state, ct)).Select(p => ProposalDto.From(p, now)).ToList());
    }

    private static async Task<Ok<ProposalDto>> Show(Guid id, ProposalService proposals, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(ProposalDto.From(await proposals.FindAsync(id, ct), clock.GetUtcNow()));

    private static async Task<Ok<ProposalDto>> Approve(Guid id, ProposalService proposals, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(ProposalDto.From(await proposals.ApproveAsync(id, Actor.Of(user), ct), clock.GetUtcNow()));

    private static async Task<Ok<ProposalDto>> Reject(Guid id, Rejection body, ProposalService proposals, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(ProposalDto.From(await proposals.RejectAsync(id, body.Reason, Actor.Of(user), ct), clock.GetUtcNow()));

    private static async Task<Created<InvitationDto>> CollectInvitation(Guid id, ProposalService proposals, ClaimsPrincipal user, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Created((string?)null, InvitationEndpoints.Shown(await proposals.CollectInvitationAsync(id, Actor.Of(user), ct), http));

    private static async Task<Created<IssuedKey>> CollectKey(Guid id, ProposalService proposals, ClaimsPrincipal user, CancellationToken ct)
    {
        var issued = await proposals.CollectKeyAsync(id, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/keys/{issued.Key.Id}", new IssuedKey(KeyDto.From(issued.Key), issued.Token));
    }
}
