using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Hosting;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Stix;
using Forewarn.Storage;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The collection's content for one caller at one moment. For a partner: their entitled view
/// (<see cref="EntitledView"/>, the same one the inbox shows) as STIX objects — an artifact's
/// objects while the view has it open, the advisory's own objects once the advisory is in the
/// view, and the TLP marking definitions those objects refer to; each dated (date_added) when it
/// became available to that partner. The objects, ordered for paging, are kept with the view and
/// go with it. For staff: everything servable, dated by its version.
/// </summary>
public sealed class EntitledObjects(RequestFacts requestFacts, EntitledViews views, StixCatalogue catalogue, StaffCollection staff, ForewarnDb db,
    ILogAppender transparency, PartnerView partnerView)
{
    public const string Channel = "taxii";

    private const string Face = "taxii-objects";

    /// <summary>The partner's view at <paramref name="now"/> as ordered objects, built once per entitled view.</summary>
    public async Task<OrderedObjects> ForPartnerAsync(Partner partner, DateTimeOffset now, CancellationToken ct)
    {
        if (!partner.StatusAt(now).Receives()) return OrderedObjects.Empty;
        var view = await views.ForAsync(partner.Id, now, ct);
        return await view.RenderedAsync(Face, ObjectsOfAsync, ct);
    }

    private async Task<OrderedObjects> ObjectsOfAsync(EntitledView view, CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        var recipient = ArtifactMarking.RecipientKey(view.Partner);
        var found = new List<TaxiiObject>();
        foreach (var entitled in view.Advisories)
        {
            var open = entitled.Open.ToDictionary(a => a.Artifact.Id, a => a.Decision.OpensAt!.Value);
            var advisoryOpens = entitled.OpenedAt;
            var set = await catalogue.ObjectsOfAsync(entitled.Advisory, facts, db, ct);
            foreach (var group in set.Entries.GroupBy(e => e.Artifact))
            {
                if (group.Key is not { } a)
                {
                    found.AddRange(group.Select(e => TaxiiObject.Of(e.Object, null, advisoryOpens)));
                    continue;
                }
                if (!open.TryGetValue(a, out var from)) continue;
                // A fingerprinted artifact's text travels as this partner's own copy, in an object of its own.
                found.AddRange(StixCopies.For(group, recipient).Select(e => TaxiiObject.Of(e.Object, a, from) with { OwnCopy = e.CarriesCopy }));
            }
        }
        return new OrderedObjects(WithMarkings(found));
    }

    /// <summary>Everything servable, dated by version; the same at any time, so kept per facts generation.</summary>
    public async Task<OrderedObjects> ForStaffAsync(CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        if (staff.Find(facts.Generation) is { } kept) return kept;
        var found = new List<TaxiiObject>();
        foreach (var advisory in facts.Servable)
        {
            var set = await catalogue.ObjectsOfAsync(advisory, facts, db, ct);
            found.AddRange(set.Entries.Select(e => TaxiiObject.Of(e.Object, e.Artifact, DateTimeOffset.MinValue)));
        }
        var objects = new OrderedObjects(WithMarkings(found));
        staff.Keep(facts.Generation, objects);
        return objects;
    }

    /// <summary>
    /// What a page of objects carries to a partner, each artifact recorded once as a content access on
    /// the "taxii" channel in the transparency log before the answer leaves the server. An object that
    /// is the partner's own copy is made as a download is (<see cref="PartnerView.DecideContentAsync"/>:
    /// the decision, the marked copy, its record with the copy's SHA-256 and marks) and carries that
    /// copy; one whose copy cannot be made is left out, as the API refuses it. Returns the objects and
    /// the entries of what they carry (their indexes go out in a header; each entry's receipt is at
    /// /api/v1/me/log/entries/{index}/receipt).
    /// </summary>
    public async Task<ServedObjects> ServeAsync(Partner partner, Guid keyId, RequestOrigin origin, IReadOnlyList<TaxiiObject> page,
        DateTimeOffset now, CancellationToken ct)
    {
        var own = page.Where(o => o.OwnCopy).Select(o => o.Artifact!.Value).Distinct().ToList();
        var decided = await partnerView.DecideContentsAsync(partner, keyId, own, Channel, origin, now, ct);
        var copies = own.Zip(decided).ToDictionary(x => x.First, x => x.Second.Copy);
        var logged = decided.Select(d => d.Logged).OfType<LoggedEntry>().ToList();
        logged.AddRange(await RecordServedAsync(partner, keyId, origin, page.Where(o => o.Artifact is not { } a || !copies.ContainsKey(a)), now, ct));
        var objects = new List<JsonNode>(page.Count);
        foreach (var o in page)
        {
            if (!o.OwnCopy) objects.Add(o.Body.DeepClone());
            else if (copies[o.Artifact!.Value] is { } copy)
                objects.Add(StixCopies.Carrying(o.Body, o.Artifact.Value, Encoding.UTF8.GetString(copy.Bytes), copy.Sha256));
        }
        return new ServedObjects(objects, logged);
    }

    /// <summary>Records that artifacts' objects were served, once per artifact, as a content access on the "taxii" channel.</summary>
    private async Task<IReadOnlyList<LoggedEntry>> RecordServedAsync(Partner partner, Guid keyId, RequestOrigin origin, IEnumerable<TaxiiObject> served,
        DateTimeOffset now, CancellationToken ct)
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
            appends.Add(transparency.AppendAsync(origin.Logged(AccessRecord.Of(partner.Id, keyId, artifact.Id, advisory.Id, Channel, decision) with { FactsVersion = facts.Generation }), ct));
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

/// <summary>The objects an answer carries to a partner and the log entries of the artifacts they came from.</summary>
public sealed record ServedObjects(IReadOnlyList<JsonNode> Objects, IReadOnlyList<LoggedEntry> Logged);
