using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Advisories;

/// <summary>
/// The operations on an advisory's content and its notification waves: add an artifact (refused
/// before anything is saved when its copies could not carry marks), plan a wave, cancel one that
/// has not gone out. Each commits with its log entry; the release scheduler hears of waves.
/// </summary>
public sealed class ArtifactService(ForewarnDb db, TimeProvider clock, ArtifactMarking marking, FourEyesGate gate, ILogger<ArtifactService> log)
{
    public async Task<(Artifact Artifact, Advisory Advisory, byte[] Bytes)> AddAsync(string advisoryId, NewArtifact body, Actor actor,
        CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(advisoryId, ct);
        var bytes = Content(body);
        var (artifact, content) = Artifact.Create(advisory, body.Title, ContentClasses.Parse(body.Class), TlpLabels.Parse(body.Tlp),
            body.MediaType ?? (body.Text is not null ? "text/plain; charset=utf-8" : "application/octet-stream"),
            body.FileName, bytes, clock.GetUtcNow());
        // Marks are prepared before anything is saved: a PoC whose copies could not be issued is not accepted.
        await PrepareMarksAsync(artifact, bytes, ct);
        db.Artifacts.Add(artifact);
        db.ArtifactContents.Add(content);
        db.Stage(LogEvents.ArtifactAdded(artifact, advisory.Reference, actor));
        await db.SaveChangesAsync(ct);
        return (artifact, advisory, bytes);
    }

    private static byte[] Content(NewArtifact body)
    {
        if (body.Text is not null && body.ContentBase64 is not null)
            throw new DomainException("ambiguous-content", "Give either text or contentBase64, not both.");
        if (body.Text is not null) return Encoding.UTF8.GetBytes(body.Text);
        if (body.ContentBase64 is null) throw new DomainException("empty-content", "An artifact needs content: give text or contentBase64.");
        try
        {
            return Convert.FromBase64String(body.ContentBase64);
        }
        catch (FormatException)
        {
            throw new DomainException("invalid-base64", "contentBase64 is not valid base64.");
        }
    }

    private async Task PrepareMarksAsync(Artifact artifact, byte[] bytes, CancellationToken ct)
    {
        try
        {
            await marking.PrepareAsync(artifact, bytes, ct);
        }
        catch (DomainException e)
        {
            marking.Forget(artifact);
            throw new DomainException(e.Code, $"{e.Message} Nothing was saved.", ErrorCategory.Unprocessable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            marking.Forget(artifact);
            log.LogError(e, "Preparing the marks of a new artifact failed");
            throw new DomainException("marks-unavailable",
                "The artifact's fingerprint marks could not be prepared (an unexpected error, logged), so it was not saved.", ErrorCategory.Unprocessable);
        }
    }

    /// <summary>
    /// A wave that publishes artifacts at a time (initial by default for the first, update after). A
    /// wave that publishes PoC code needs a second staff member's approval unless
    /// <c>approvals:pocWave</c> is off; the proposal expires at the wave's time.
    /// </summary>
    public async Task<Gated<PlannedWave>> PlanWaveAsync(string advisoryId, NewWave body, Actor actor, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(advisoryId, ct);
        var now = clock.GetUtcNow();
        var existing = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        var kind = body.Kind is null ? (existing.Count == 0 ? WaveKind.Initial : WaveKind.Update) : Wave.ParseKind(body.Kind);
        var wave = Wave.Plan(advisory, existing, artifacts, kind, body.At ?? now, (body.ArtifactIds ?? []).Select(g => new ArtifactId(g)),
            body.Note, now);
        if (artifacts.Any(a => a.Class == ContentClass.Poc && wave.ArtifactIds.Contains(a.Id)) && gate.Needs(GatedAction.PocWave, actor))
        {
            var at = gate.Later(body.At);
            return await gate.ProposeAsync(GatedAction.PocWave, advisory.Id.ToString(),
                $"A {wave.Kind.ToString().ToLowerInvariant()} wave of {advisory.Reference} publishing PoC code ({Counted.Of(wave.ArtifactIds.Count, "artifact", "artifacts")}), {(at is { } t ? "at " + Moments.Show(t) : "when approved")}",
                body with { At = at }, at, actor, ct);
        }
        db.Waves.Add(wave);
        db.Stage(LogEvents.WaveChanged("planned", wave, advisory.Reference, now, actor));
        await db.SaveChangesAsync(ct);
        return Gated<PlannedWave>.Done(new PlannedWave(wave, advisory, existing, artifacts));
    }

    public async Task CancelWaveAsync(string advisoryId, int number, Actor actor, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(advisoryId, ct);
        var wave = await db.Waves.FirstOrDefaultAsync(w => w.AdvisoryId == advisory.Id && w.Number == number, ct)
                   ?? throw new NotFoundException("wave", $"{advisory.Reference}/{number}");
        var now = clock.GetUtcNow();
        wave.EnsureCancellable(now);
        db.Waves.Remove(wave);
        db.Stage(LogEvents.WaveChanged("cancelled", wave, advisory.Reference, now, actor));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A planned wave with what its answer reports on: the advisory, the waves before it and the advisory's artifacts.</summary>
public sealed record PlannedWave(Wave Wave, Advisory Advisory, IReadOnlyList<Wave> Before, IReadOnlyList<Artifact> Artifacts);
