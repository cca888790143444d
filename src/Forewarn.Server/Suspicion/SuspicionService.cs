using Forewarn.Domain.Investigations;
using Forewarn.Server.Api;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Suspicion;

/// <summary>
/// Suspicion across incidents for one partner: the cases read as incidents
/// (<see cref="CaseIncidents"/>), weighed by the <see cref="SuspicionModel"/> at its default
/// settings, over a programme as large as the partners in the store (or the largest snapshot's
/// population, if that is larger). Computed on each request from the evidence.
/// </summary>
public sealed class SuspicionService(ForewarnDb db)
{
    public async Task<SuspicionReport> ForPartnerAsync(string id, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var partners = await db.Partners.CountAsync(ct);
        var incidents = await CaseIncidents.ReadAsync(db, partners, ct);
        var programme = Math.Max(partners, incidents.Select(i => i.Incident.Population).DefaultIfEmpty(0).Max());
        var settings = SuspicionSettings.Default;
        var s = SuspicionModel.For(partner.Id.Value, [.. incidents.Select(i => i.Incident)], programme, settings);
        var cases = incidents
            .Select(i => (i, Suspect: i.Incident.Suspects.FirstOrDefault(x => x.Partner == partner.Id.Value)))
            .Where(x => x.Suspect is not null)
            .Select(x => new SuspectIn(x.i.Case, x.i.Advisory, x.i.Before, Name(x.Suspect!.Holding), x.i.Incident.Suspects.Count, x.i.Incident.Population))
            .ToList();
        return new SuspicionReport(partner.Id.Value, partner.LegalName, s.Summary, s.Incidents, s.Appearances, s.ExpectedAppearances,
            s.Score, s.ExpectedScore, s.PValue, s.Threshold, settings.FalseAlarmRate, programme, s.Flagged, cases);
    }

    private static string Name(Holding holding) => holding switch
    {
        Holding.Accused => "accused",
        Holding.FetchedPoc => "fetched-poc",
        Holding.FetchedOther => "fetched-other",
        _ => "entitled-not-fetched",
    };
}
