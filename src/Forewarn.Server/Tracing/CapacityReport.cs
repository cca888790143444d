using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Entitlements;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tracing;

/// <summary>An artifact's fingerprint capacity, or why it has none.</summary>
public sealed record ArtifactCapacity(Artifact Artifact, FingerprintDto? Fingerprint, string? Unmarked);

/// <summary>
/// The fingerprint capacity of artifacts as staff see it: the artifact prepared (once per content,
/// shared with serving), and its recipients — the partners to whom it opens now or later under
/// the policy, counted with the same entitlement facts every decision uses. An artifact no wave
/// publishes yet is counted as if a wave published it now, and a draft as if it were scheduled:
/// the partners it would reach, which is what the marks must be enough for.
/// </summary>
public sealed class CapacityReport(ForewarnDb db, RequestFacts requestFacts, ArtifactMarking marking, ILogger<CapacityReport> log)
{
    /// <summary>The capacity of one artifact of <paramref name="advisory"/>, given the advisory's waves.</summary>
    public async Task<ArtifactCapacity> OfAsync(Artifact artifact, Advisory advisory, IReadOnlyList<Wave> waves, DateTimeOffset now,
        CancellationToken ct, byte[]? content = null)
    {
        if (ArtifactMarking.MethodFor(artifact) == MarkingMethod.None)
            return new(artifact, null, CapacityEstimate.WhyUnmarked(artifact));
        content ??= (await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct)).Bytes;
        PreparedArtifact prepared;
        try
        {
            prepared = (await marking.PrepareAsync(artifact, content, ct))!;
        }
        catch (DomainException e)
        {
            return new(artifact, null, CapacityEstimate.WhyUnmarkable(artifact, e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Preparing the marks of artifact {Artifact} failed", artifact.Id);
            return new(artifact, null, CapacityEstimate.WhyUnmarkable(artifact, "an unexpected error while preparing its marks (logged)."));
        }
        var (recipients, counted) = await RecipientsAsync(artifact, advisory, waves, now, ct);
        return new(artifact, CapacityEstimate.Of(prepared, artifact, recipients, counted, content), null);
    }

    /// <summary>The capacity of each of <paramref name="artifacts"/>, in their order.</summary>
    public async Task<IReadOnlyList<ArtifactCapacity>> OfAsync(IEnumerable<Artifact> artifacts, Advisory advisory, IReadOnlyList<Wave> waves,
        DateTimeOffset now, CancellationToken ct)
    {
        var result = new List<ArtifactCapacity>();
        foreach (var artifact in artifacts) result.Add(await OfAsync(artifact, advisory, waves, now, ct));
        return result;
    }

    /// <summary>The capacity of every artifact of <paramref name="advisory"/>, oldest first: what staff see for the advisory (API and portal).</summary>
    public async Task<IReadOnlyList<ArtifactCapacity>> OfAdvisoryAsync(Advisory advisory, DateTimeOffset now, CancellationToken ct)
    {
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        return await OfAsync(artifacts.OrderBy(a => a.CreatedAt), advisory, waves, now, ct);
    }

    /// <summary>The capacity of the fingerprinted artifacts among <paramref name="capacities"/> together (one code across the advisory).</summary>
    public async Task<AdvisoryCapacityDto?> TogetherAsync(IReadOnlyList<ArtifactCapacity> capacities, CancellationToken ct)
    {
        var marked = capacities.Where(c => c.Fingerprint is not null).ToList();
        var textIds = marked.Where(c => c.Fingerprint!.MarksPer1000Words is not null).Select(c => c.Artifact.Id).ToList();
        var texts = await db.ArtifactContents.AsNoTracking().Where(c => textIds.Contains(c.ArtifactId)).Select(c => c.Bytes).ToListAsync(ct);
        return AdvisoryCapacity.Of([.. marked.Select(c => c.Fingerprint!)], [.. texts.Select(ArtifactSize.Words)]);
    }

    /// <summary>The staff warnings of a set of capacities: too few marks, and artifacts that should carry marks but cannot.</summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<ArtifactCapacity> capacities) =>
    [
        .. capacities.SelectMany(c => c switch
        {
            { Fingerprint.Warning: { } warning } => [warning],
            { Fingerprint: null, Unmarked: { } why } when ArtifactMarking.MethodFor(c.Artifact) != MarkingMethod.None => [why],
            _ => Array.Empty<string>(),
        }),
    ];

    /// <summary>How many partners may receive the artifact, and how they were counted.</summary>
    public async Task<(int Count, string Counted)> RecipientsAsync(Artifact artifact, Advisory advisory, IReadOnlyList<Wave> waves,
        DateTimeOffset now, CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        var counted = "partners it opens to, now or later, under its waves and the policy in force";
        if (!waves.Any(w => w.ArtifactIds.Contains(artifact.Id)))
        {
            var supposed = advisory;
            var draft = false;
            if (advisory.ScheduledAt is null && advisory.WithdrawnAt is null && advisory.ReleaseAt > now)
            {
                // A copy of the draft, never tracked: scheduling it here must not reach the store.
                supposed = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == advisory.Id, ct);
                supposed.Schedule(now, "capacity");
                draft = true;
            }
            try
            {
                var wave = Wave.Plan(supposed, waves, [artifact], waves.Count == 0 ? WaveKind.Initial : WaveKind.Update, now, [artifact.Id], null, now);
                (advisory, waves) = (supposed, [.. waves, wave]);
                counted = draft
                    ? "partners it would open to if the advisory were scheduled and a wave published it now"
                    : "partners it would open to if a wave published it now (no wave publishes it yet)";
            }
            catch (DomainException)
            {
                counted = "partners it opens to under the policy in force (no wave can publish it)";
            }
        }
        var policy = facts.Policy.InForce(now);
        var count = facts.Partners.Values.Count(p =>
            EntitlementPolicy.Check(facts.Policy.Query(p, advisory, artifact, waves, now, policy)).OpensAt is not null);
        return (count, counted);
    }
}
