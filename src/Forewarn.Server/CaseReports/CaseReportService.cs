using System.Text.Json;
using Forewarn.Server.Cases;
using Forewarn.Server.Exposure;
using Forewarn.Server.Sightings;
using Forewarn.Server.Timeline;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// Gathers a case's report (<see cref="CaseReport"/>): what the case holds, the exposure table(s) — the case's
/// frozen snapshots, or, when it has none, the analysis computed now at its earliest sighting — the traces,
/// the timeline, and a receipt for every log entry the report cites. The API renders it as one HTML file;
/// the portal can render the same.
/// </summary>
public sealed class CaseReportService(ForewarnDb db, CaseService cases, SightingService sightings, ExposureService exposure,
    TimelineService timelines, LogReader log, LogKey key, TimeProvider clock)
{
    public async Task<CaseReport> MakeAsync(string id, CancellationToken ct)
    {
        var c = await cases.FindAsync(id, ct);
        var now = clock.GetUtcNow();
        var dto = await CaseViews.OfAsync(db, c, now, ct);
        var advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == c.AdvisoryId).Select(a => new { a.Title, a.ReleaseAt }).FirstAsync(ct);
        var linked = (await sightings.ListAsync(c.AdvisoryId.Value.ToString(), null, 1000, ct))
            .Where(s => c.Sightings.Contains(s.Id.ToString()) || (s.Stix is { } stix && c.Sightings.Contains(stix.StixId))).ToList();

        var tables = new List<ExposureTable>();
        foreach (var e in dto.Evidence.Where(e => e.Exposure is not null))
            if (Read(e.Exposure!.ToJsonString()) is { } frozen) tables.Add(new ExposureTable($"evidence {e.Number}, frozen {Show(e.AddedAt)}", frozen));
        string? none = null;
        if (tables.Count == 0)
        {
            var observed = linked.Where(s => s.FirstObservedAt <= now).Select(s => s.FirstObservedAt!.Value).ToList();
            if (observed.Count > 0 && observed.Min() is var first)
                tables.Add(new ExposureTable($"computed for this report at the earliest sighting, {Show(first)}",
                    await exposure.AnalyseAsync(c.AdvisoryId.Value.ToString(), first.ToString("O"), ct)));
            else
                none = "The case holds no exposure snapshot and no sighting with a time of first observation to compute one at.";
        }

        var (cited, unproven) = await CitedEntries.ProveAsync(db, log, dto, linked, tables, ct);
        return new CaseReport(dto, advisory.Title, advisory.ReleaseAt, now, linked, tables, none, ReportTraces.Of(dto, linked),
            await timelines.OfCaseAsync(c.Id.ToString(), ct), (await key.GetAsync(ct)).Name, cited, unproven);
    }

    /// <summary>An exposure snapshot as kept; null when the kept document is not an exposure analysis (then it is listed as evidence only).</summary>
    private static ExposureReport? Read(string json)
    {
        try
        {
            var report = JsonSerializer.Deserialize<ExposureReport>(json, JsonSerializerOptions.Web);
            if (report?.Groups is not { FetchedPoc: not null, FetchedOther: not null, EntitledNotFetched: not null, Nothing: not null } groups) return null;
            var partners = groups.FetchedPoc.Concat(groups.FetchedOther).Concat(groups.EntitledNotFetched).Concat(groups.Nothing);
            return partners.All(p => p is { Partner: not null, Group: not null, Classes: not null, Notices: not null } && p.Classes.All(x => x is { Class: not null }))
                ? report
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Show(DateTimeOffset at) => Forewarn.Domain.Common.Moments.Show(at);
}
