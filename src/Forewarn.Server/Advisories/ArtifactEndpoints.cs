using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Advisories;

/// <summary>Artifacts (content) and waves (when content goes out) of an advisory.</summary>
public static class ArtifactEndpoints
{
    public static void MapArtifacts(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisories/{id}/artifacts", Add).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Add an artifact: text, or a file as base64 (at most 10 MiB); a PoC that cannot carry marks is refused (422)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Unprocessable);
        api.MapGet("/artifacts/{id}", Show).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Show an artifact's metadata and its fingerprint capacity").Refuses(ErrorCategory.NotFound);
        api.MapGet("/advisories/{id}/fingerprints", Fingerprints).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The fingerprint capacity of an advisory's artifacts, with warnings for staff").Refuses(ErrorCategory.NotFound);
        api.MapGet("/artifacts/{id}/content", Content).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The artifact's original content (staff)").Refuses(ErrorCategory.NotFound);
        api.MapPost("/advisories/{id}/waves", PlanWave).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Plan a notification wave that publishes artifacts at a time")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
        api.MapGet("/advisories/{id}/waves", Waves).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("List an advisory's waves").Refuses(ErrorCategory.NotFound);
        api.MapDelete("/advisories/{id}/waves/{number:int}", CancelWave).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Cancel a wave that has not gone out yet").Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Created<ArtifactDetailDto>> Add(string id, NewArtifact body, ArtifactService artifacts, ClaimsPrincipal user,
        ForewarnDb db, TimeProvider clock, RequestFacts facts, ArtifactMarking marking, ILogger<CapacityReport> log, CancellationToken ct)
    {
        var (artifact, advisory, bytes) = await artifacts.AddAsync(id, body, Actor.Of(user), ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var capacity = await new CapacityReport(db, facts, marking, log).OfAsync(artifact, advisory, waves, clock.GetUtcNow(), ct, bytes);
        return TypedResults.Created($"/api/v1/artifacts/{artifact.Id}", ArtifactDetailDto.From(artifact, capacity.Fingerprint, capacity.Unmarked));
    }

    private static async Task<Ok<ArtifactDetailDto>> Show(string id, ForewarnDb db, TimeProvider clock, RequestFacts facts,
        ArtifactMarking marking, ILogger<CapacityReport> log, CancellationToken ct)
    {
        var artifact = await db.ArtifactAsync(id, ct);
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == artifact.AdvisoryId, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var capacity = await new CapacityReport(db, facts, marking, log).OfAsync(artifact, advisory, waves, clock.GetUtcNow(), ct);
        return TypedResults.Ok(ArtifactDetailDto.From(artifact, capacity.Fingerprint, capacity.Unmarked));
    }

    private static async Task<Ok<AdvisoryFingerprintsDto>> Fingerprints(string id, ForewarnDb db, TimeProvider clock, RequestFacts facts,
        ArtifactMarking marking, ILogger<CapacityReport> log, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var report = new CapacityReport(db, facts, marking, log);
        var capacities = await report.OfAdvisoryAsync(advisory, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new AdvisoryFingerprintsDto(advisory.Reference,
            [.. capacities.Where(c => c.Fingerprint is not null).Select(c => c.Fingerprint!)],
            CapacityReport.Warnings(capacities),
            capacities.Where(c => c.Fingerprint is null).ToDictionary(c => c.Artifact.Id.Value, c => c.Unmarked!))
        {
            Advisory = await report.TogetherAsync(capacities, ct),
        });
    }

    private static async Task<FileContentHttpResult> Content(string id, ForewarnDb db, CancellationToken ct)
    {
        var artifact = await db.ArtifactAsync(id, ct);
        var content = await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct);
        return TypedResults.File(content.Bytes, artifact.MediaType, artifact.FileName);
    }

    private static async Task<Results<Created<PlannedWaveDto>, Accepted<ProposalDto>>> PlanWave(string id, NewWave body, ArtifactService artifacts,
        ClaimsPrincipal user, ForewarnDb db, TimeProvider clock, RequestFacts facts, ArtifactMarking marking, ILogger<CapacityReport> log,
        CancellationToken ct)
    {
        var outcome = await artifacts.PlanWaveAsync(id, body, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        var (wave, advisory, before, all) = outcome.Made!;
        var capacities = await new CapacityReport(db, facts, marking, log)
            .OfAsync(all.Where(a => wave.ArtifactIds.Contains(a.Id)), advisory, [.. before, wave], clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}/waves/{wave.Number}", PlannedWaveDto.From(wave,
            [.. capacities.Where(c => c.Fingerprint is not null).Select(c => c.Fingerprint!)], CapacityReport.Warnings(capacities)));
    }

    private static async Task<NoContent> CancelWave(string id, int number, ArtifactService artifacts, ClaimsPrincipal user, CancellationToken ct)
    {
        await artifacts.CancelWaveAsync(id, number, Actor.Of(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<WaveDto>>> Waves(string id, ForewarnDb db, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).OrderBy(w => w.Number).ToListAsync(ct);
        return TypedResults.Ok(waves.Select(WaveDto.From).ToList());
    }
}
