using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Publishing;

namespace Forewarn.Csaf.Mapping;

/// <summary>One event of a document's history, before it is numbered.</summary>
internal sealed record CsafRevisionEvent(DateTimeOffset At, string Summary);

/// <summary>
/// A revision history numbered 1..n in date order with integer versions, so that the mandatory
/// tests on tracking hold: sorted (6.1.14), version is the latest number (6.1.16), no gaps and no
/// duplicates (6.1.21, 6.1.22), no 0 or pre-release numbers in interim or final documents
/// (6.1.17–6.1.20).
/// </summary>
internal sealed class CsafRevisionHistory
{
    private readonly IReadOnlyList<CsafRevisionEvent> events;

    private CsafRevisionHistory(IEnumerable<CsafRevisionEvent> events) =>
        this.events = [.. events.OrderBy(e => e.At)];

    public int Version => events.Count;
    public DateTimeOffset InitialReleaseDate => events[0].At;
    public DateTimeOffset CurrentReleaseDate => events[^1].At;

    /// <summary>
    /// What staff and partners have seen up to <paramref name="now"/>: the advisory's revisions and
    /// its waves that have gone out. The first revision stands even when the clock is earlier,
    /// because a document needs at least one entry.
    /// </summary>
    public static CsafRevisionHistory Embargoed(Advisory advisory, IEnumerable<Wave> waves, DateTimeOffset now)
    {
        var revisions = advisory.Revisions.OrderBy(r => r.At).ThenBy(r => r.Number).ToList();
        var seen = revisions.Where(r => r.At <= now).ToList();
        if (seen.Count == 0) seen = [.. revisions.Take(1)];
        var sent = waves.Where(w => w.AdvisoryId == advisory.Id && w.At <= now).OrderBy(w => w.At).ThenBy(w => w.Number);
        return new CsafRevisionHistory(
            seen.Select(r => new CsafRevisionEvent(r.At, r.Summary))
                .Concat(sent.Select(w => new CsafRevisionEvent(w.At, WaveSummary(w)))));
    }

    /// <summary>The public history: the release, then every revision made after it up to <paramref name="at"/>.</summary>
    public static CsafRevisionHistory Public(Advisory advisory, DateTimeOffset at) =>
        new([
            new CsafRevisionEvent(advisory.ReleaseAt, "Initial public release"),
            .. ReleaseSchedule.PublicRevisions(advisory, at).Select(r => new CsafRevisionEvent(r.At, r.Summary)),
        ]);

    public JsonArray ToJson() =>
        [.. events.Select((e, i) => (JsonNode)new JsonObject
        {
            ["date"] = CsafDates.Write(e.At),
            ["number"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["summary"] = e.Summary,
        })];

    private static string WaveSummary(Wave wave)
    {
        var what = wave.Kind switch
        {
            WaveKind.Initial => $"Wave {wave.Number}: first notification sent to partners",
            WaveKind.Update => $"Wave {wave.Number}: update sent to partners",
            WaveKind.Revised => $"Wave {wave.Number}: revised material sent to partners",
            _ => $"Wave {wave.Number}: notice sent to partners",
        };
        return string.IsNullOrWhiteSpace(wave.Note) ? what : $"{what}: {wave.Note.Trim()}";
    }
}
