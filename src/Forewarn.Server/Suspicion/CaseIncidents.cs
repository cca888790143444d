using System.Text.Json;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Investigations;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Suspicion;

/// <summary>
/// The cases as incidents for the suspicion model: each case's latest exposure snapshot gives its
/// suspect set (fetched the PoC, fetched other detail, entitled but did not fetch) and its
/// population (every partner the snapshot lists, in any group); every partner a trace in the case
/// accused (a trace, or a traced file) is held as <see cref="Holding.Accused"/>. A case with
/// neither is no incident. Read from the evidence as frozen, never recomputed: the model weighs
/// what the case recorded.
/// </summary>
internal static class CaseIncidents
{
    /// <summary>One incident per case, with what people need to show it.</summary>
    public sealed record CaseIncident(string Case, string Advisory, DateTimeOffset? Before, Incident Incident);

    public static async Task<List<CaseIncident>> ReadAsync(ForewarnDb db, int programmeSize, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Join(db.Advisories.AsNoTracking(), c => c.AdvisoryId, a => a.Id, (c, a) => new { c.Id, c.Reference, Advisory = a.Reference, c.OpenedAt })
            .ToListAsync(ct);
        var evidence = (await db.CaseEvidence.AsNoTracking()
                .Where(e => e.Kind == EvidenceKind.Exposure || e.Kind == EvidenceKind.Trace || (e.Kind == EvidenceKind.File && e.Trace != null))
                .Select(e => new { e.CaseId, e.Number, e.Kind, e.Document, e.Trace })
                .ToListAsync(ct))
            .ToLookup(e => e.CaseId);

        var incidents = new List<CaseIncident>();
        foreach (var c in cases.OrderBy(c => c.OpenedAt).ThenBy(c => c.Reference, StringComparer.Ordinal))
        {
            var pieces = evidence[c.Id].ToList();
            var snapshot = pieces.Where(e => e.Kind == EvidenceKind.Exposure && e.Document is not null).MaxBy(e => e.Number);
            var held = new Dictionary<Guid, Holding>();
            var population = programmeSize;
            DateTimeOffset? before = null;
            if (snapshot is not null)
                (population, before) = ReadSnapshot(snapshot.Document!, held);
            foreach (var trace in pieces.Where(e => e.Trace is not null))
                foreach (var accused in Accused(trace.Trace!))
                    held[accused] = Holding.Accused;
            if (held.Count == 0) continue;
            incidents.Add(new CaseIncident(c.Reference, c.Advisory, before,
                new Incident(c.Reference, Math.Max(population, held.Count), [.. held.Select(h => new Suspect(h.Key, h.Value))])));
        }
        return incidents;
    }

    private static (int Population, DateTimeOffset? Before) ReadSnapshot(string json, Dictionary<Guid, Holding> held)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        DateTimeOffset? before = root.TryGetProperty("before", out var b) && b.TryGetDateTimeOffset(out var at) ? at : null;
        if (!root.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Object) return (0, before);
        var population = 0;
        foreach (var (group, holding) in new (string, Holding?)[]
                 {
                     ("fetchedPoc", Holding.FetchedPoc), ("fetchedOther", Holding.FetchedOther),
                     ("entitledNotFetched", Holding.EntitledNotFetched), ("nothing", null),
                 })
        {
            if (!groups.TryGetProperty(group, out var rows) || rows.ValueKind != JsonValueKind.Array) continue;
            foreach (var row in rows.EnumerateArray())
            {
                population++;
                if (holding is { } h && row.ValueKind == JsonValueKind.Object && row.TryGetProperty("partnerId", out var id) && id.TryGetGuid(out var partner))
                    held.TryAdd(partner, h);
            }
        }
        return (population, before);
    }

    /// <summary>The partners a trace accused: one trace result, or the list a traced file keeps.</summary>
    private static IEnumerable<Guid> Accused(string json)
    {
        using var document = JsonDocument.Parse(json);
        var traces = document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.EnumerateArray()] : new[] { document.RootElement };
        var found = new List<Guid>();
        foreach (var trace in traces)
            if (trace.ValueKind == JsonValueKind.Object && trace.TryGetProperty("accused", out var accused) && accused.ValueKind == JsonValueKind.Array)
                foreach (var a in accused.EnumerateArray())
                    if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("partnerId", out var id) && id.TryGetGuid(out var partner))
                        found.Add(partner);
        return found;
    }
}
