using System.Collections.Concurrent;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tracing;
using Forewarn.Stix;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The STIX objects of each servable advisory (Forewarn.Stix mapping), kept while the facts
/// generation is the same: any change to an advisory, its artifacts or its waves moves the
/// generation and so remaps it on the next request. Mapping is deterministic, so a remap gives
/// the same ids and versions unless something really changed.
/// </summary>
public sealed class StixCatalogue(CsafSettings settings)
{
    /// <summary>When the programme's STIX identity was first published; fixed so its version never moves.</summary>
    public static readonly DateTimeOffset IdentityCreated = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Entry(string Generation, StixObjectSet Set);

    private readonly ConcurrentDictionary<AdvisoryId, Entry> _sets = new();

    public StixProgramme Programme => new(settings.DisplayName, IdentityCreated, settings.DisplayContact);

    public async Task<StixObjectSet> ObjectsOfAsync(Advisory advisory, ProgramFacts facts, ForewarnDb db, CancellationToken ct)
    {
        if (_sets.TryGetValue(advisory.Id, out var e) && e.Generation == facts.Generation) return e.Set;
        var artifacts = facts.ArtifactsOf[advisory.Id].ToList();
        var ids = artifacts.Select(a => a.Id).ToList();
        var contents = await db.ArtifactContents.AsNoTracking().Where(c => ids.Contains(c.ArtifactId)).ToDictionaryAsync(c => c.ArtifactId, ct);
        var waves = facts.WavesOf[advisory.Id].ToList();
        var inputs = artifacts.Where(a => contents.ContainsKey(a.Id))
            .Select(a => new StixArtifact(a, contents[a.Id], FirstWave(waves, a.Id), ArtifactMarking.MethodFor(a) != MarkingMethod.None)
            {
                CopyTravels = TaxiiCopies.Travel(a),
            });
        var set = StixMapping.Map(advisory, inputs, Programme);
        _sets[advisory.Id] = new Entry(facts.Generation, set);
        // Withdrawn or deleted advisories are no longer servable: forget their objects.
        foreach (var gone in _sets.Keys.Where(id => !facts.AdvisoriesById.ContainsKey(id)).ToList()) _sets.TryRemove(gone, out _);
        return set;
    }

    // Indicators are valid from when the programme first published the artifact, the same for everyone.
    private static DateTimeOffset? FirstWave(IReadOnlyList<Wave> waves, ArtifactId artifact) =>
        waves.Where(w => w.ArtifactIds.Contains(artifact)).Select(w => (DateTimeOffset?)w.At).Min();
}
