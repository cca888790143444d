using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Hosting;
using Forewarn.Server.Transparency;
using Forewarn.Stix;
using Forewarn.Storage;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The collection's content for one caller at one moment. For a partner: an artifact's objects
/// only while the entitlement policy allows that artifact now, the advisory's own objects once
/// anything of it is open, and the TLP marking definitions those objects refer to; each dated
/// (date_added) when it became available to that partner. For staff: everything servable, dated
/// by its version.
/// </summary>
public sealed class EntitledObjects(RequestFacts requestFacts, StixCatalogue catalogue, TaxiiViewCache cache, ForewarnDb db,
    ILogAppender transparency)
{
    public const string Channel = "taxii";

    /// <summary>The partner's view at <paramref name="now"/>, built once and reused until the facts or its horizon move.</summary>
    public async Task<OrderedObjects> ForPartnerAsync(Partner partner, DateTimeOffset now, CancellationToken ct)
    {
        if (!partner.StatusAt(now).Receives()) return OrderedObjects.Empty;
        var facts = await requestFacts.GetAsync(ct);
        if (cache.Find(partner.Id, facts.Generation, now) is { } kept) return kept;
        var policy = facts.Policy.InForce(now);
        var validUntil = facts.Policy.NextVersionAfter(now);
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && (validUntil is null || v < validUntil)) validUntil = v;
        }

        var found = new List<TaxiiObject>();
        foreach (var advisory in facts.Servable)
        {
            var waves = facts.WavesOf[advisory.Id].ToList();
            Consider(DecisionHorizon.AdvisoryHorizon(advisory, waves, now));
            var open = new Dictionary<ArtifactId, DateTimeOffset>();
            foreach (var artifact in facts.ArtifactsOf[advisory.Id])
            {
                var query = facts.Policy.Query(partner, advisory, artifact, waves, now, policy);
                Consider(DecisionHorizon.StableUntil(query));
                var (allowed, opensAt) = EntitlementPolicy.Check(query);
                if (allowed && opensAt is { } at) open[artifact.Id] = at;
            }
            if (open.Count == 0) continue;
            var advisoryOpens = open.Values.Min();
            var set = await catalogue.ObjectsOfAsync(advisory, facts, db, ct);
            foreach (var entry in set.Entries)
            {
                if (entry.Artifact is { } a)
                {
                    if (open.TryGetValue(a, out var from)) found.Add(TaxiiObject.Of(entry.Object, a, from));
                }
                else found.Add(TaxiiObject.Of(entry.Object, null, advisoryOpens));
            }
        }
        var view = new OrderedObjects(WithMarkings(found));
        cache.Keep(partner.Id, facts.Generation, now, validUntil, view);
        return view;
    }

    /// <summary>Everything servable, dated by version; the same at any time, so kept per facts generation.</summary>
    public async Task<OrderedObjects> ForStaffAsync(CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        if (cache.FindStaff(facts.Generation) is { } kept) return kept;
        var found = new List<TaxiiObject>();
        foreach (var advisory in facts.Servable)
        {
            var set = await catalogue.ObjectsOfAsync(advisory, facts, db, ct);
            found.AddRange(set.Entries.Select(e => TaxiiObject.Of(e.Object, e.Artifact, DateTimeOffset.MinValue)));
        }
        var view = new OrderedObjects(WithMarkings(found));
        cache.KeepStaff(facts.Generation, view);
        return view;
    }

    /// <summary>
    /// Records that artifacts' objects were served, once per artifact, as a content access on the
    /// "taxii" channel, in the transparency log — before the answer leaves the server. Returns the
    /// entries (their indexes go out in a header; each entry's receipt is at /api/v1/me/log/entries/{index}/receipt).
    /// </summary>
    public async Task<IReadOnlyList<LoggedEntry>> RecordServedAsync(Partner partner, Guid keyId, IEnumerable<TaxiiObject> served, DateTimeOffset now, CancellationToken ct)
    {
        var artifacts = served.Select(o => o.Artifact).OfType<ArtifactId>().Distinct().ToList();
        if (artifacts.Count == 0) return [];
        var facts = await requestFacts.GetAsync(ct);
        var appends = new List<Task<LoggedEntry>>(artifacts.Count);
        foreach (var id in artifacts)
        {
            var artifact = facts.ArtifactsById[id];
            var advisory = facts.AdvisoriesById[artifact.AdvisoryId];
            var decision = EntitlementPolicy.Decide(facts.Policy.Query(partner, advisory, artifact, facts.WavesOf[advisory.Id].ToList(), now));
            // Handed to the log together, so they share one commit.
            appends.Add(transparency.AppendAsync(AccessRecord.Of(partner.Id, keyId, artifact.Id, advisory.Id, Channel, decision).ToLogEvent(), ct));
            Telemetry.Decisions.Add(1, new("verdict", decision.Verdict), new("channel", Channel), new("class", artifact.Class.Name()));
        }
        return await Task.WhenAll(appends);
    }

    /// <summary>
    /// One entry per object version (the programme's identity appears in every advisory), dated
    /// by its earliest availability, plus the TLP marking definitions referred to, each dated by
    /// the earliest object that refers to it — so a marking never appears before its first use.
    /// </summary>
    private static IReadOnlyList<TaxiiObject> WithMarkings(List<TaxiiObject> found)
    {
        var unique = found.GroupBy(o => (o.Id, o.Version)).Select(g => g.MinBy(o => o.DateAdded)!).ToList();
        var markings = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var o in unique)
        {
            foreach (var r in o.Body["object_marking_refs"]?.AsArray() ?? [])
            {
                var id = (string?)r;
                if (id is null || TlpMarkings.LabelOf(id) is null) continue;
                markings[id] = markings.TryGetValue(id, out var d) && d <= o.DateAdded ? d : o.DateAdded;
            }
        }
        foreach (var (id, from) in markings)
            unique.Add(TaxiiObject.Of(TlpMarkings.Definition(TlpMarkings.LabelOf(id)!.Value), null, from));
        return unique;
    }
}
