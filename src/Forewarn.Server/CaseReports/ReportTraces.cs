using System.Text.Json.Nodes;
using Forewarn.Server.Cases;
using Forewarn.Server.Sightings;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// The traces a case holds, as rows: a <c>trace</c> evidence's result, a traced text file's per-artifact
/// results, and the sample traces of the case's staff sightings. Read from the kept JSON as it was stored;
/// a field that is missing shows as missing, never fails the report.
/// </summary>
public static class ReportTraces
{
    public static List<TraceRow> Of(CaseDto c, IReadOnlyList<SightingDto> sightings)
    {
        var rows = new List<TraceRow>();
        foreach (var e in c.Evidence.Where(e => e.Trace is not null))
        {
            var source = $"evidence {e.Number} ({e.Kind}{(e.FileName is { } f ? ": " + f : "")})";
            if (e.Trace is JsonObject one && one["artifacts"] is JsonArray artifacts) rows.AddRange(FromSample(source, artifacts));
            else if (e.Trace is JsonObject result) rows.Add(Row(source, result, "artifactTitle", "partnerName"));
            else if (e.Trace is JsonArray list) rows.AddRange(FromSample(source, list));
        }
        foreach (var s in sightings.Where(s => s.Trace is not null))
            rows.AddRange(s.Trace!.Artifacts.Select(a => new TraceRow($"sighting: {s.Source}", a.Title, a.MarksRead, a.Threshold,
                [.. a.Accused.Select(p => p.Name)], a.Verdict)));
        return rows;
    }

    private static IEnumerable<TraceRow> FromSample(string source, JsonArray artifacts) =>
        artifacts.OfType<JsonObject>().Select(a => Row(source, a, "title", "name"));

    private static TraceRow Row(string source, JsonObject o, string titleField, string nameField) => new(source,
        Text(o[titleField]) ?? "?",
        o["marksRead"] is JsonValue m && m.TryGetValue<int>(out var marks) ? marks : null,
        o["threshold"] is JsonValue t && t.TryGetValue<double>(out var threshold) ? threshold : null,
        o["accused"] is JsonArray accused ? [.. accused.OfType<JsonObject>().Select(p => Text(p[nameField]) ?? "?")] : [],
        Text(o["verdict"]) ?? "");

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
