using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Entitlements;
using Forewarn.Stix;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Taxii;

/// <summary>
/// Takes the objects a partner adds to the inbound collection. Each must be a valid STIX 2.1
/// sighting of an object of an advisory open to that partner at this moment — the same view the
/// read collection serves (<see cref="EntitledObjects"/>) — and is then stored against the partner
/// and that advisory. Anything else fails with a sentence; an object the partner cannot see fails
/// exactly like one that does not exist. The same sighting version sent again is a success that
/// stores nothing.
/// </summary>
public sealed class SightingIntake(EntitledObjects entitled, StixCatalogue catalogue, RequestFacts requestFacts, ForewarnDb db)
{
    public async Task<SightingSubmission> TakeAsync(Partner partner, Guid keyId, JsonArray objects, DateTimeOffset now, CancellationToken ct)
    {
        var submission = SightingSubmission.Start(partner.Id, keyId, now);
        var sightable = await SightableAsync(partner, now, ct);
        var ours = sightable.Keys.ToHashSet(StringComparer.Ordinal);
        var successes = new List<SubmissionOutcome>();
        var failures = new List<SubmissionOutcome>();
        var read = new List<(StixSighting Sighting, DateTimeOffset Modified, string Raw)>();
        foreach (var node in objects)
        {
            var (id, version) = Identify(node);
            try
            {
                var s = StixSighting.Read(node, ours);
                read.Add((s, TaxiiTime.Microseconds(s.Modified), node!.ToJsonString()));
                successes.Add(new SubmissionOutcome(id, version));
            }
            catch (DomainException e)
            {
                failures.Add(new SubmissionOutcome(id, version, e.Message));
            }
        }
        var known = await KnownVersionsAsync(partner.Id, read.Select(r => r.Sighting.Id), ct);
        var fresh = new List<Sighting>();
        foreach (var (s, modified, raw) in read)
        {
            if (!known.Add((s.Id, modified))) continue; // stored before, or earlier in this envelope
            fresh.Add(Sighting.Receive(partner.Id, sightable[s.SightingOfRef], keyId, submission.Id, s.Id, modified, s.SightingOfRef,
                s.Count, s.FirstSeen, s.LastSeen, raw, now));
        }
        submission.Complete(successes, failures);
        await SaveAsync(submission, fresh, ct);
        return submission;
    }

    /// <summary>A submission the partner made, or null: no one else's status is shown, or said to exist.</summary>
    public Task<SightingSubmission?> StatusAsync(PartnerId partner, Guid id, CancellationToken ct) =>
        db.SightingSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PartnerId == partner, ct);

    /// <summary>
    /// The objects a sighting may name, with the advisory each belongs to: what the read
    /// collection serves the partner now, less the programme's identity (in every advisory) and
    /// the marking definitions (in none).
    /// </summary>
    private async Task<Dictionary<string, AdvisoryId>> SightableAsync(Partner partner, DateTimeOffset now, CancellationToken ct)
    {
        var served = (await entitled.ForPartnerAsync(partner, now, ct)).All;
        var open = served.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var facts = await requestFacts.GetAsync(ct);
        var owners = new Dictionary<string, AdvisoryId>(StringComparer.Ordinal);
        // The partner's own copies of fingerprinted artifacts have ids of their own, in no shared set.
        foreach (var o in served.Where(o => o.OwnCopy)) owners.TryAdd(o.Id, facts.ArtifactsById[o.Artifact!.Value].AdvisoryId);
        foreach (var advisory in facts.Servable)
        {
            var set = await catalogue.ObjectsOfAsync(advisory, facts, db, ct);
            foreach (var entry in set.Entries)
            {
                var id = (string)entry.Object["id"]!;
                if (open.Contains(id) && (string?)entry.Object["type"] != "identity") owners.TryAdd(id, advisory.Id);
            }
        }
        return owners;
    }

    /// <summary>Stores the new sightings with the submission; a concurrent copy of the same sighting is no error.</summary>
    private async Task SaveAsync(SightingSubmission submission, List<Sighting> fresh, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.SightingSubmissions.Add(submission);
            db.Sightings.AddRange(fresh);
            db.Stage(LogEvents.SightingsReceived(submission, fresh));
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3 && StoreErrors.IsUniqueViolation(e))
            {
                // Another request stored one of these versions first: it is there, which is all this one wanted.
                db.ChangeTracker.Clear();
                var known = await KnownVersionsAsync(submission.PartnerId, fresh.Select(s => s.StixId), ct);
                var still = fresh.Where(s => !known.Contains((s.StixId, s.Modified))).ToList();
                fresh = still;
            }
        }
    }

    /// <summary>The versions of these sightings the partner sent before.</summary>
    private async Task<HashSet<(string, DateTimeOffset)>> KnownVersionsAsync(PartnerId partner, IEnumerable<string> stixIds, CancellationToken ct)
    {
        var ids = stixIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.Sightings.AsNoTracking().Where(x => x.PartnerId == partner && ids.Contains(x.StixId))
            .Select(x => new { x.StixId, x.Modified }).ToListAsync(ct);
        return [.. rows.Select(r => (r.StixId, r.Modified))];
    }

    /// <summary>The id and version an object states, for its line in the status (empty when it states none).</summary>
    private static (string Id, string Version) Identify(JsonNode? node)
    {
        if (node is not JsonObject o) return ("", "");
        return (TextOf(o, "id") ?? "", TextOf(o, "modified") ?? TextOf(o, "created") ?? "");
    }

    private static string? TextOf(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
