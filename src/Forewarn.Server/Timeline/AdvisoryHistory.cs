using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Timeline;

/// <summary>
/// What the store no longer holds but the log does: waves cancelled (their rows are removed), release times
/// that were moved (the advisory keeps only the current one) and embargo breaks. Read from the advisory's
/// <c>wave.changed</c>, <c>advisory.changed</c> and <c>embargo.broken</c> entries.
/// </summary>
public static class AdvisoryHistory
{
    private static readonly string[] Kinds = [LogKinds.WaveChanged, LogKinds.AdvisoryChanged, LogKinds.EmbargoBroken];

    public static async Task<List<TimelineMark>> ReadAsync(ForewarnDb db, Advisory advisory, CancellationToken ct)
    {
        var id = advisory.Id.Value.ToString();
        var marks = new List<TimelineMark>();
        var bodies = db.LogEntries.AsNoTracking().Where(e => Kinds.Contains(e.Kind)).OrderBy(e => e.Index).Select(e => e.Body).AsAsyncEnumerable();
        await foreach (var body in bodies.WithCancellation(ct))
        {
            if (JsonNode.Parse(body) is not JsonObject entry || Text(entry, "advisory") != id || Time(entry, "at") is not { } at) continue;
            switch (Text(entry, "kind"))
            {
                case LogKinds.WaveChanged when Text(entry, "change") == "cancelled" && Time(entry, "wave_at") is { } waveAt:
                    marks.Add(new TimelineMark(waveAt, MarkKind.WaveCancelled, "Wave " + entry["number"] + " " + Text(entry, "wave_kind") + " (cancelled)"));
                    break;
                case LogKinds.AdvisoryChanged when Text(entry, "change") == "release-moved" && Moved(entry) is { } moved:
                    marks.Add(new TimelineMark(at, MarkKind.ReleaseMoved, "Release moved from " + Shown(moved["from"]) + " to " + Shown(moved["to"])));
                    break;
                case LogKinds.EmbargoBroken:
                    var before = Shown(entry["release_before"]);
                    marks.Add(new TimelineMark(at, MarkKind.EmbargoBroken, $"Embargo broken (release was {before})"));
                    break;
            }
        }
        return marks;
    }

    private static JsonObject? Moved(JsonObject entry) => entry["changes"] is JsonObject changes ? changes["release_at"] as JsonObject : null;

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateTimeOffset? Time(JsonObject o, string name) =>
        Text(o, name) is { } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime()
            : null;

    private static string Shown(JsonNode? time) =>
        time is JsonValue v && v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? Moments.Show(t)
            : "?";
}
