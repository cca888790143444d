using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Hosting;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// What one partner sees. An advisory exists for a partner only once something of it is open to
/// that partner; inside it, artifacts that will open show when, and artifacts that never will
/// are not shown at all — so nothing reveals what the partner may not know.
/// </summary>
public sealed class PartnerView(ForewarnDb db)
{
    public async Task<IReadOnlyList<MyAdvisoryDto>> AdvisoriesAsync(Partner partner, DateTimeOffset now, AdvisoryId? only, CancellationToken ct)
    {
        if (!partner.StatusAt(now).Receives()) return [];
        var facts = await PolicyFacts.LoadAsync(db, ct);
        var advisoriesQuery = db.Advisories.AsNoTracking().Where(a => a.ScheduledAt != null && a.WithdrawnAt == null);
        if (only is { } id) advisoriesQuery = advisoriesQuery.Where(a => a.Id == id);
        var advisories = await advisoriesQuery.ToListAsync(ct);
        if (advisories.Count == 0) return [];
        var ids = advisories.Select(a => a.Id).ToList();
        var artifacts = (await db.Artifacts.AsNoTracking().Where(a => ids.Contains(a.AdvisoryId)).ToListAsync(ct)).ToLookup(a => a.AdvisoryId);
        var waves = (await db.Waves.AsNoTracking().Where(w => ids.Contains(w.AdvisoryId)).ToListAsync(ct)).ToLookup(w => w.AdvisoryId);
        var acks = await db.Acknowledgements.AsNoTracking().Where(a => a.PartnerId == partner.Id && ids.Contains(a.AdvisoryId))
            .ToDictionaryAsync(a => a.AdvisoryId, a => a.At, ct);

        var result = new List<MyAdvisoryDto>();
        foreach (var advisory in advisories.OrderByDescending(a => a.ReleaseAt))
        {
            var advWaves = waves[advisory.Id].ToList();
            var visible = new List<MyArtifactDto>();
            var anyOpen = false;
            foreach (var artifact in artifacts[advisory.Id].OrderBy(a => a.Class).ThenBy(a => a.CreatedAt))
            {
                var decision = EntitlementPolicy.Decide(facts.Query(partner, advisory, artifact, advWaves, now));
                if (decision.OpensAt is null) continue;
                anyOpen |= decision.Allowed;
                visible.Add(new MyArtifactDto(artifact.Id.Value, artifact.Title, artifact.Class.Name(), artifact.Tlp.Name(),
                    artifact.MediaType, artifact.FileName, artifact.Size, decision.Allowed, decision.OpensAt, decision.Explanation));
            }
            if (!anyOpen) continue;
            result.Add(new MyAdvisoryDto(advisory.Id.Value, advisory.Reference, advisory.Title, advisory.Summary,
                advisory.StateAt(now, advWaves).Name(), advisory.ReleaseAt, advisory.CveIds, advisory.CvssScore,
                acks.TryGetValue(advisory.Id, out var acked) ? acked : null, visible));
        }
        return result;
    }

    /// <summary>
    /// Decides a content request and records the decision before anything is served. Returns the
    /// artifact and its bytes only when allowed; <c>Listed</c> says whether the partner may know
    /// the artifact exists (a not-yet-open item it can see listed).
    /// </summary>
    public async Task<ContentDecision> DecideContentAsync(Partner partner, Guid keyId, ArtifactId artifactId, string channel,
        DateTimeOffset now, CancellationToken ct)
    {
        var artifact = await db.Artifacts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == artifactId, ct);
        var advisory = artifact is null ? null : await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == artifact.AdvisoryId, ct);
        if (artifact is null || advisory is null)
        {
            db.AccessRecords.Add(AccessRecord.Unknown(partner.Id, keyId, artifactId, channel, now));
            await db.SaveChangesAsync(ct);
            Telemetry.Decisions.Add(1, new("verdict", "denied"), new("channel", channel), new("class", "unknown"));
            return new ContentDecision(null, null, null, false);
        }
        var facts = await PolicyFacts.LoadAsync(db, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var decision = EntitlementPolicy.Decide(facts.Query(partner, advisory, artifact, waves, now));
        db.AccessRecords.Add(AccessRecord.Of(partner.Id, keyId, artifact.Id, advisory.Id, channel, decision));
        await db.SaveChangesAsync(ct);
        Telemetry.Decisions.Add(1, new("verdict", decision.Verdict), new("channel", channel), new("class", artifact.Class.Name()));
        if (!decision.Allowed)
        {
            var listed = decision.OpensAt is not null && await AdvisoryVisibleAsync(partner, advisory, facts, waves, now, ct);
            return new ContentDecision(decision, listed ? artifact : null, null, listed);
        }
        var content = await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct);
        Telemetry.ServedBytes.Add(content.Bytes.Length, new KeyValuePair<string, object?>("channel", channel));
        return new ContentDecision(decision, artifact, content.Bytes, true);
    }

    private async Task<bool> AdvisoryVisibleAsync(Partner partner, Advisory advisory, PolicyFacts facts, List<Wave> waves,
        DateTimeOffset now, CancellationToken ct)
    {
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        return artifacts.Any(a => EntitlementPolicy.Check(facts.Query(partner, advisory, a, waves, now)).Allowed);
    }
}

public sealed record ContentDecision(Entitlement? Decision, Artifact? Artifact, byte[]? Bytes, bool Listed);
