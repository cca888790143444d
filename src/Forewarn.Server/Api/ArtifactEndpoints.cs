using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Artifacts (content) and waves (when content goes out) of an advisory.</summary>
public static class ArtifactEndpoints
{
    public static void MapArtifacts(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisories/{id}/artifacts", Add).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Add an artifact: text, or a file as base64 (at most 10 MiB); a PoC that cannot carry marks is refused (422)");
        api.MapGet("/artifacts/{id}", Show).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Show an artifact's metadata and its fingerprint capacity");
        api.MapGet("/advisories/{id}/fingerprints", Fingerprints).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The fingerprint capacity of an advisory's artifacts, with warnings for staff");
        api.MapGet("/artifacts/{id}/content", Content).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The artifact's original content (staff)");
        api.MapPost("/advisories/{id}/waves", PlanWave).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Plan a notification wave that publishes artifacts at a time");
        api.MapGet("/advisories/{id}/waves", Waves).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("List an advisory's waves");
        api.MapDelete("/advisories/{id}/waves/{number:int}", CancelWave).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Cancel a wave that has not gone out yet");
    }

    private static async Task<Results<Created<ArtifactDetailDto>, ProblemHttpResult>> Add(string id, NewArtifact body, ForewarnDb db,
        TimeProvider clock, RequestFacts facts, ArtifactMarking marking, ILogger<CapacityReport> log, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        byte[] bytes;
        if (body.Text is not null && body.ContentBase64 is not null)
            throw new DomainException("ambiguous-content", "Give either text or contentBase64, not both.");
        if (body.Text is not null) bytes = Encoding.UTF8.GetBytes(body.Text);
        else if (body.ContentBase64 is not null)
        {
            try { bytes = Convert.FromBase64String(body.ContentBase64); }
            catch (FormatException) { throw new DomainException("invalid-base64", "contentBase64 is not valid base64."); }
        }
        else throw new DomainException("empty-content", "An artifact needs content: give text or contentBase64.");

        var now = clock.GetUtcNow();
        var (artifact, content) = Artifact.Create(advisory, body.Title, ContentClasses.Parse(body.Class), TlpLabels.Parse(body.Tlp),
            body.MediaType ?? (body.Text is not null ? "text/plain; charset=utf-8" : "application/octet-stream"),
            body.FileName, bytes, now);
        // Marks are prepared before anything is saved: a PoC whose copies could not be issued is not accepted.
        if (await RefusedMarksAsync(artifact, bytes, marking, log, ct) is { } refusal) return refusal;
        db.Artifacts.Add(artifact);
        db.ArtifactContents.Add(content);
        await db.SaveChangesAsync(ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var capacity = await new CapacityReport(db, facts, marking, log).OfAsync(artifact, advisory, waves, now, ct, bytes);
        return TypedResults.Created($"/api/v1/artifacts/{artifact.Id}", ArtifactDetailDto.From(artifact, capacity.Fingerprint, capacity.Unmarked));
    }

    private static async Task<ProblemHttpResult?> RefusedMarksAsync(Artifact artifact, byte[] bytes, ArtifactMarking marking,
        ILogger log, CancellationToken ct)
    {
        try
        {
            await marking.PrepareAsync(artifact, bytes, ct);
            return null;
        }
        catch (DomainException e)
        {
            marking.Forget(artifact);
            return Problem.Of(StatusCodes.Status422UnprocessableEntity, e.Code, $"{e.Message} Nothing was saved.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            marking.Forget(artifact);
            log.LogError(e, "Preparing the marks of a new artifact failed");
            return Problem.Of(StatusCodes.Status422UnprocessableEntity, "marks-unavailable",
                "The artifact's fingerprint marks could not be prepared (an unexpected error, logged), so it was not saved.");
        }
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
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        var capacities = await new CapacityReport(db, facts, marking, log)
            .OfAsync(artifacts.OrderBy(a => a.CreatedAt), advisory, waves, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new AdvisoryFingerprintsDto(advisory.Reference,
            [.. capacities.Where(c => c.Fingerprint is not null).Select(c => c.Fingerprint!)],
            CapacityReport.Warnings(capacities),
            capacities.Where(c => c.Fingerprint is null).ToDictionary(c => c.Artifact.Id.Value, c => c.Unmarked!)));
    }

    private static async Task<FileContentHttpResult> Content(string id, ForewarnDb db, CancellationToken ct)
    {
        var artifact = await db.ArtifactAsync(id, ct);
        var content = await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct);
        return TypedResults.File(content.Bytes, artifact.MediaType, artifact.FileName);
    }

    private static async Task<Created<PlannedWaveDto>> PlanWave(string id, NewWave body, ForewarnDb db, TimeProvider clock, ReleaseSignal signal,
        RequestFacts facts, ArtifactMarking marking, ILogger<CapacityReport> log, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var existing = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        var wave = Wave.Plan(advisory, existing, artifacts, body.Kind is null ? (existing.Count == 0 ? WaveKind.Initial : WaveKind.Update) : Wave.ParseKind(body.Kind),
            body.At ?? now, (body.ArtifactIds ?? []).Select(g => new ArtifactId(g)), body.Note, now);
        db.Waves.Add(wave);
        await db.SaveChangesAsync(ct);
        signal.Poke(); // the scheduler announces the wave at its time
        var capacities = await new CapacityReport(db, facts, marking, log)
            .OfAsync(artifacts.Where(a => wave.ArtifactIds.Contains(a.Id)), advisory, [.. existing, wave], now, ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}/waves/{wave.Number}", PlannedWaveDto.From(wave,
            [.. capacities.Where(c => c.Fingerprint is not null).Select(c => c.Fingerprint!)], CapacityReport.Warnings(capacities)));
    }

    private static async Task<NoContent> CancelWave(string id, int number, ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var wave = await db.Waves.FirstOrDefaultAsync(w => w.AdvisoryId == advisory.Id && w.Number == number, ct)
                   ?? throw new NotFoundException("wave", $"{advisory.Reference}/{number}");
        wave.EnsureCancellable(clock.GetUtcNow());
        db.Waves.Remove(wave);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<WaveDto>>> Waves(string id, ForewarnDb db, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).OrderBy(w => w.Number).ToListAsync(ct);
        return TypedResults.Ok(waves.Select(WaveDto.From).ToList());
    }
}
