using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Partners;

/// <summary>Staff manage partner organisations over HTTP; <see cref="PartnerService"/> does the work.</summary>
public static class PartnerEndpoints
{
    public static void MapPartners(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(AccessPolicies.StaffRead);
        var write = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(AccessPolicies.StaffWrite);

        read.MapGet("/", List).WithSummary("List partners").Refuses(ErrorCategory.Invalid);
        read.MapGet("/{id}", Show).WithSummary("Show a partner with its status history").Refuses(ErrorCategory.NotFound);
        write.MapPost("/", Admit).WithSummary("Add a partner (as an applicant)").Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
        write.MapPatch("/{id}", Change).WithSummary("Change a partner's name, country, jurisdictions, category, contract or restrictions")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
        write.MapPut("/{id}/tier", SetTier).WithSummary("Move a partner to another tier").Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        write.MapPost("/{id}/status", ChangeStatus).WithSummary("Change a partner's status (activate, probation, suspend, reinstate, remove) with a reason")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<PartnerDto>>> List(ForewarnDb db, string? status, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.LegalName).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = PartnerStatuses.Parse(status);
            partners = [.. partners.Where(p => p.Status == s)];
        }
        return TypedResults.Ok(partners.Select(p => PartnerDto.From(p)).ToList());
    }

    private static async Task<Ok<PartnerDto>> Show(string id, PartnerService partners, ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var partner = await partners.FindAsync(id, ct);
        return TypedResults.Ok(PartnerDto.From(partner, await PendingChanges.OfAsync(db, partner.Id.ToString(), clock.GetUtcNow(), ct)));
    }

    private static async Task<Created<PartnerDto>> Admit(NewPartner body, PartnerService partners, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = await partners.AdmitAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/partners/{partner.Id}", PartnerDto.From(partner));
    }

    private static async Task<Ok<PartnerDto>> Change(string id, PartnerChanges body, PartnerService partners, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(PartnerDto.From(await partners.ChangeAsync(id, body, Actor.Of(user), ct)));

    private static async Task<Ok<PartnerDto>> SetTier(string id, TierChoice body, PartnerService partners, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(PartnerDto.From(await partners.MoveToTierAsync(id, body.Tier, Actor.Of(user), ct)));

    private static async Task<Results<Ok<PartnerDto>, Accepted<ProposalDto>>> ChangeStatus(string id, StatusRequest body, PartnerService partners,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await partners.ChangeStatusAsync(id, body.Status, body.Reason, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Ok(PartnerDto.From(outcome.Made!));
    }
}
