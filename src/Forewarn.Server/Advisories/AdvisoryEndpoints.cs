using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Advisories;

/// <summary>Staff author advisories and move them through their life cycle over HTTP; <see cref="AdvisoryService"/> does the work.</summary>
public static class AdvisoryEndpoints
{
    public static void MapAdvisories(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/advisories").WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffRead);
        var write = api.MapGroup("/advisories").WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffWrite);
        read.MapGet("/", List).WithSummary("List advisories with their state now");
        read.MapGet("/{id}", Show).WithSummary("Show an advisory (by id or reference) with artifacts, waves and revisions")
            .Refuses(ErrorCategory.NotFound);
        write.MapPost("/", Create).WithSummary("Create a draft advisory").Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
        write.MapPatch("/{id}", Revise).WithSummary("Revise an advisory's description, CVEs, products or CVSS vector")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
        write.MapPut("/{id}/details", Describe).WithSummary("Replace the CSAF-shaped details: TLP label, notes, references, products, vulnerabilities")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
        write.MapPost("/{id}/schedule", Schedule).WithSummary("Schedule a draft for its coordinated release time")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
        write.MapPost("/{id}/release-time", MoveRelease)
            .WithSummary("Move the coordinated release time before release (202: proposed, when bringing it forward needs a second staff member's approval)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        write.MapPost("/{id}/withdraw", Withdraw).WithSummary("Withdraw an advisory: nothing of it is served any more")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<AdvisorySummaryDto>>> List(AdvisoryService advisories, CancellationToken ct) =>
        TypedResults.Ok(await advisories.ListAsync(ct));

    private static async Task<Ok<AdvisoryDto>> Show(string id, AdvisoryService advisories, CancellationToken ct) =>
        TypedResults.Ok(await advisories.ViewAsync(await advisories.FindAsync(id, ct), ct));

    private static async Task<Created<AdvisoryDto>> Create(NewAdvisory body, AdvisoryService advisories, ClaimsPrincipal user, CancellationToken ct)
    {
        var advisory = await advisories.CreateAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}", await advisories.ViewAsync(advisory, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Revise(string id, AdvisoryChanges body, AdvisoryService advisories, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await advisories.ViewAsync(await advisories.ReviseAsync(id, body, Actor.Of(user), ct), ct));

    private static async Task<Ok<AdvisoryDto>> Describe(string id, DetailsChange body, AdvisoryService advisories, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await advisories.ViewAsync(await advisories.DescribeAsync(id, body, Actor.Of(user), ct), ct));

    private static async Task<Ok<AdvisoryDto>> Schedule(string id, AdvisoryService advisories, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await advisories.ViewAsync(await advisories.ScheduleAsync(id, Actor.Of(user), ct), ct));

    private static async Task<Results<Ok<AdvisoryDto>, Accepted<ProposalDto>>> MoveRelease(string id, ReleaseTimeChange body,
        AdvisoryService advisories, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await advisories.MoveReleaseAsync(id, body.ReleaseAt, body.Reason, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Ok(await advisories.ViewAsync(outcome.Made!, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Withdraw(string id, Withdrawal body, AdvisoryService advisories, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await advisories.ViewAsync(await advisories.WithdrawAsync(id, body.Reason, Actor.Of(user), ct), ct));
}
