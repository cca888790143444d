using System.Text.Json.Nodes;
using Forewarn.Server.Cases;
using Forewarn.Server.Exposure;
using Forewarn.Server.Sightings;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// The log entries a case report cites — the case's own (opened, evidence, decisions, appeals, closed), its
/// sightings', the advisory's embargo break, and the fetches in its exposure tables — each proven against
/// the latest signed checkpoint: entry, index, inclusion proof and the checkpoint note, as a receipt.
/// </summary>
public static class CitedEntries
{
    private static readonly string[] CaseKinds =
        [LogKinds.CaseOpened, LogKinds.CaseEvidenceAdded, LogKinds.CaseDecision, LogKinds.CaseAppeal, LogKinds.CaseAppealDecided, LogKinds.CaseClosed];
    private static readonly string[] OtherKinds = [LogKinds.SightingRecorded, LogKinds.SightingsReceived, LogKinds.EmbargoBroken];

    /// <summary>The cited entries in log order, and a sentence for each one that no signed checkpoint covers yet.</summary>
    public static async Task<(List<CitedEntry> Cited, List<string> Unproven)> ProveAsync(ForewarnDb db, LogReader reader, CaseDto c,
        IReadOnlyList<SightingDto> sightings, IReadOnlyList<ExposureTable> exposure, CancellationToken ct)
    {
        var cites = new SortedDictionary<long, string>();
        var rows = await db.LogEntries.AsNoTracking().Where(e => CaseKinds.Contains(e.Kind) || OtherKinds.Contains(e.Kind)).ToListAsync(ct);
        var staffSightings = sightings.Where(s => s.Kind == SightingService.Staff).ToDictionary(s => s.Id.ToString(), s => s.Source);
        var stixSightings = sightings.Where(s => s.Stix is not null).ToDictionary(s => s.Stix!.StixId, s => s.ReportedBy);
        foreach (var row in rows)
        {
            if (JsonNode.Parse(row.Body) is not JsonObject entry) continue;
            if (What(entry, c, staffSightings, stixSightings) is { } what) cites.TryAdd(row.Index, what);
        }
        foreach (var table in exposure)
            foreach (var p in AllOf(table.Report.Groups))
                foreach (var cls in p.Classes.Where(x => x.FirstFetch is not null))
                    cites.TryAdd(cls.FirstFetch!.LogIndex, $"first fetch of {cls.Class} by {p.Partner} ({table.Source})");

        var (size, note) = await reader.LatestAsync(ct);
        var indexes = cites.Keys.ToList();
        var bodies = await db.LogEntries.AsNoTracking().Where(e => indexes.Contains(e.Index)).ToDictionaryAsync(e => e.Index, e => e.Body, ct);
        var cited = new List<CitedEntry>();
        var unproven = new List<string>();
        foreach (var (index, what) in cites)
        {
            if (!bodies.TryGetValue(index, out var body)) unproven.Add($"Entry {index} ({what}) is not in the store.");
            else if (index >= size) unproven.Add($"Entry {index} ({what}) is not yet under a signed checkpoint; make the report again in a moment.");
            else cited.Add(new CitedEntry(what, new Forewarn.Transparency.Receipt(index, body, await reader.InclusionAsync(index, size, ct), note)));
        }
        return (cited, unproven);
    }

    private static string? What(JsonObject entry, CaseDto c, Dictionary<string, string> staffSightings, Dictionary<string, string> stixSightings)
    {
        var kind = Text(entry, "kind");
        if (kind is LogKinds.SightingRecorded)
            return Text(entry, "sighting") is { } id && staffSightings.TryGetValue(id, out var source) ? $"sighting recorded: {source}" : null;
        if (kind is LogKinds.SightingsReceived)
            return entry["sightings"] is JsonArray list && list.OfType<JsonObject>().Select(s => Text(s, "stix_id")).FirstOrDefault(s => s is not null && stixSightings.ContainsKey(s)) is { } stix
                ? $"sighting received from {stixSightings[stix]}"
                : null;
        if (kind is LogKinds.EmbargoBroken) return Text(entry, "reference") == c.Advisory ? "embargo broken" : null;
        if (Text(entry, "case") != c.Reference) return null;
        var number = entry["number"]?.ToString();
        return kind switch
        {
            LogKinds.CaseOpened => "case opened",
            LogKinds.CaseEvidenceAdded => $"evidence {number} ({Text(entry, "evidence")})",
            LogKinds.CaseDecision => $"decision {number}: {Text(entry, "decision")} on {Text(entry, "legal_name")} ({Text(entry, "state")})",
            LogKinds.CaseAppeal => $"appeal of decision {number}",
            LogKinds.CaseAppealDecided => $"appeal of decision {number} {Text(entry, "outcome")}",
            _ => "case closed",
        };
    }

    private static IEnumerable<PartnerExposure> AllOf(ExposureGroups g) => g.FetchedPoc.Concat(g.FetchedOther).Concat(g.EntitledNotFetched).Concat(g.Nothing);

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
