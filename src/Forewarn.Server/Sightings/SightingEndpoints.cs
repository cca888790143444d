using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Sightings;

/// <summary>
/// Staff record sightings of exploitation, read them with the partners' TAXII sightings as one
/// list, and break an advisory's embargo because of one; <see cref="SightingService"/> and
/// <see cref="EmbargoBreakService"/> do the work.
/// </summary>
public static class SightingEndpoints
{
    public static void MapSightings(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/sightings").WithTags("Sightings").RequireAuthorization(AccessPolicies.StaffRead);
        api.MapPost("/sightings", Record).WithTags("Sightings").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Record exploitation learned of elsewhere; a sample (UTF-8 text or code, at most 256 KiB, as text or base64) is traced against the advisory's fingerprinted artifacts")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Forbidden);
        read.MapGet("/", List).WithSummary("Sightings of both kinds (staff, partner), newest first; filter by advisory (reference, id or CVE) and kind")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        read.MapGet("/{id}", Show).WithSummary("One sighting of either kind, with its sample's trace").Refuses(ErrorCategory.NotFound);
        read.MapGet("/{id}/sample", Sample).WithSummary("The sample of a sighting (a staff one, or one a partner sent through the API or the portal), as it was recorded").Refuses(ErrorCategory.NotFound);
        api.MapGet("/advisories/{id}/sightings", PartnerSightings.OfAdvisory).WithTags("Sightings").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Sightings partners reported of the advisory's objects: the latest version of each, newest first").Refuses(ErrorCategory.NotFound);
        api.MapPost("/advisories/{id}/embargo-break", Break).WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Break the embargo because of a sighting: release now, tell every partner, publish the public document "
                + "(202: proposed, when bringing a release forward needs a second staff member's approval)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
    }

    private static async Task<Created<SightingDto>> Record(NewSighting body, SightingService sightings, ClaimsPrincipal user, CancellationToken ct)
    {
        var sighting = await sightings.RecordAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/sightings/{sighting.Id}", sighting);
    }

    private static async Task<Ok<List<SightingDto>>> List(string? advisory, string? kind, int? limit, SightingService sightings, CancellationToken ct) =>
        TypedResults.Ok(await sightings.ListAsync(advisory, kind, limit, ct));

    private static async Task<Ok<SightingDto>> Show(string id, SightingService sightings, CancellationToken ct) =>
        TypedResults.Ok(await sightings.ShowAsync(id, ct));

    private static async Task<FileContentHttpResult> Sample(string id, SightingService sightings, CancellationToken ct)
    {
        var (bytes, mediaType, fileName) = await sightings.SampleAsync(id, ct);
        return TypedResults.File(bytes, mediaType, fileName);
    }

    private static async Task<Results<Ok<AdvisoryDto>, Accepted<ProposalDto>>> Break(string id, EmbargoBreak body, EmbargoBreakService embargo,
        AdvisoryService advisories, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await embargo.BreakAsync(id, body, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Ok(await advisories.ViewAsync(outcome.Made!, ct));
    }
}
