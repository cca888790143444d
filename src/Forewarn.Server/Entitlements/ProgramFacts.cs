using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Partners;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// Everything partner requests decide from, as of one facts generation: keys, partners, the
/// policy facts, and the advisories that can be served (scheduled, not withdrawn) with their
/// artifacts, waves and acknowledgements. Read only through <see cref="FactTypes.ReadFacts{T}"/>,
/// so nothing is loaded here whose change would not move the generation. Immutable; replaced
/// whole when the generation changes.
/// </summary>
public sealed class ProgramFacts
{
    private ProgramFacts() { }

    public string Generation { get; private init; } = "";
    public IReadOnlyDictionary<string, ApiKey> KeysByPrefix { get; private init; } = new Dictionary<string, ApiKey>();
    public IReadOnlyDictionary<PartnerId, Partner> Partners { get; private init; } = new Dictionary<PartnerId, Partner>();
    public PolicyFacts Policy { get; private init; } = null!;
    public IReadOnlyList<Advisory> Servable { get; private init; } = [];
    public IReadOnlyDictionary<AdvisoryId, Advisory> AdvisoriesById { get; private init; } = new Dictionary<AdvisoryId, Advisory>();
    public IReadOnlyDictionary<ArtifactId, Artifact> ArtifactsById { get; private init; } = new Dictionary<ArtifactId, Artifact>();
    public ILookup<AdvisoryId, Artifact> ArtifactsOf { get; private init; } = Array.Empty<Artifact>().ToLookup(a => a.AdvisoryId);
    public ILookup<AdvisoryId, Wave> WavesOf { get; private init; } = Array.Empty<Wave>().ToLookup(w => w.AdvisoryId);
    /// <summary>When each partner acknowledged each servable advisory.</summary>
    public IReadOnlyDictionary<(PartnerId, AdvisoryId), DateTimeOffset> Acknowledged { get; private init; } =
        new Dictionary<(PartnerId, AdvisoryId), DateTimeOffset>();
    /// <summary>The networks a key or a partner's keys are bound to, by the key's or partner's id (none: unbound).</summary>
    public IReadOnlyDictionary<Guid, NetworkAllowList> NetworksOf { get; private init; } = new Dictionary<Guid, NetworkAllowList>();

    /// <summary>Loads the facts; the generation is read first, so the data is never older than it.</summary>
    public static async Task<ProgramFacts> LoadAsync(ForewarnDb db, CancellationToken ct)
    {
        var generation = await FactsGeneration.ReadAsync(db, ct);
        var keys = await db.ReadFacts<ApiKey>().ToListAsync(ct);
        var partners = await db.ReadFacts<Partner>().ToListAsync(ct);
        var policy = await PolicyFacts.LoadAsync(db, ct);
        var advisories = await db.ReadFacts<Advisory>().Where(a => a.ScheduledAt != null && a.WithdrawnAt == null).ToListAsync(ct);
        var ids = advisories.Select(a => a.Id).ToList();
        var artifacts = await db.ReadFacts<Artifact>().Where(a => ids.Contains(a.AdvisoryId)).ToListAsync(ct);
        var waves = await db.ReadFacts<Wave>().Where(w => ids.Contains(w.AdvisoryId)).ToListAsync(ct);
        var acks = await db.ReadFacts<Acknowledgement>().Where(a => ids.Contains(a.AdvisoryId)).ToListAsync(ct);
        var bindings = await db.ReadFacts<NetworkBinding>().ToListAsync(ct);
        return new ProgramFacts
        {
            Generation = generation,
            KeysByPrefix = keys.ToDictionary(k => k.Prefix, StringComparer.Ordinal),
            Partners = partners.ToDictionary(p => p.Id),
            Policy = policy,
            Servable = [.. advisories.OrderByDescending(a => a.ReleaseAt)],
            AdvisoriesById = advisories.ToDictionary(a => a.Id),
            ArtifactsById = artifacts.ToDictionary(a => a.Id),
            ArtifactsOf = artifacts.OrderBy(a => a.Class).ThenBy(a => a.CreatedAt).ToLookup(a => a.AdvisoryId),
            WavesOf = waves.OrderBy(w => w.Number).ToLookup(w => w.AdvisoryId),
            Acknowledged = acks.ToDictionary(a => (a.PartnerId, a.AdvisoryId), a => a.At),
            NetworksOf = bindings.ToDictionary(b => b.SubjectId, b => b.AllowList()),
        };
    }
}
