using Forewarn.Domain.Investigations;
using Forewarn.Server.Api;
using Forewarn.Server.Cases;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Suspicion;

/// <summary>
/// Suspicion across incidents, for a partner or for the suspects of a case: the cases read as
/// incidents (<see cref="CaseIncidents"/>), weighed by the <see cref="SuspicionModel"/> at its
/// default settings, over a programme as large as the partners in the store (or the largest
/// snapshot's population, if that is larger). Computed on each request from the evidence.
/// </summary>
public sealed class SuspicionService(ForewarnDb db, CaseService cases)
{
    private static readonly SuspicionSettings Settings = SuspicionSettings.Default;

    public async Task<SuspicionReport> ForPartnerAsync(string id, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var (incidents, programme) = await IncidentsAsync(ct);
        var s = SuspicionModel.For(partner.Id.Value, [.. incidents.Select(i => i.Incident)], programme, Settings);
        var held = incidents
            .Select(i => (i, Suspect: i.Incident.Suspects.FirstOrDefault(x => x.Partner == partner.Id.Value)))
            .Where(x => x.Suspect is not null)
            .Select(x => new SuspectIn(x.i.Case, x.i.Advisory, x.i.Before, Name(x.Suspect!.Holding), x.i.Incident.Suspects.Count, x.i.Incident.Population))
            .ToList();
        return new SuspicionReport(partner.Id.Value, partner.LegalName, s.Summary, s.Incidents, s.Appearances, s.ExpectedAppearances,
            s.Score, s.ExpectedScore, s.PValue, s.Threshold, Settings.FalseAlarmRate, programme, s.Flagged, held);
    }

    public async Task<CaseSuspicion> ForCaseAsync(string id, CancellationToken ct)
    {
        var c = await cases.FindAsync(id, ct);
        var advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == c.AdvisoryId).Select(a => a.Reference).FirstAsync(ct);
        var (incidents, programme) = await IncidentsAsync(ct);
        var here = incidents.FirstOrDefault(i => i.Case == c.Reference);
        if (here is null) return new CaseSuspicion(c.Reference, advisory, null, false, incidents.Count, programme, Settings.FalseAlarmRate, []);

        var standing = SuspicionModel.Assess([.. incidents.Select(i => i.Incident)], programme, Settings).ToDictionary(s => s.Partner);
        var ids = here.Incident.Suspects.Select(s => new Domain.Common.PartnerId(s.Partner)).ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.LegalName }).ToListAsync(ct);
        var nameOf = names.ToDictionary(n => n.Id.Value, n => n.LegalName);
        var suspects = here.Incident.Suspects
            .Select(x => (Suspect: x, S: standing[x.Partner]))
            .OrderBy(x => x.S.PValue).ThenByDescending(x => x.S.Appearances).ThenBy(x => nameOf.GetValueOrDefault(x.Suspect.Partner), StringComparer.Ordinal)
            .Select(x => new SuspectStanding(x.Suspect.Partner, nameOf.GetValueOrDefault(x.Suspect.Partner), Name(x.Suspect.Holding), x.S.Summary,
                x.S.Appearances, x.S.ExpectedAppearances, x.S.Score, x.S.PValue, x.S.Flagged))
            .ToList();
        return new CaseSuspicion(c.Reference, advisory, here.Before, true, incidents.Count, programme, Settings.FalseAlarmRate, suspects);
    }

    private async Task<(List<CaseIncidents.CaseIncident> Incidents, int Programme)> IncidentsAsync(CancellationToken ct)
    {
        var partners = await db.Partners.CountAsync(ct);
        var incidents = await CaseIncidents.ReadAsync(db, partners, ct);
        return (incidents, Math.Max(partners, incidents.Select(i => i.Incident.Population).DefaultIfEmpty(0).Max()));
    }

    private static string Name(Holding holding) => holding switch
    {
        Holding.Accused => "accused",
        Holding.FetchedPoc => "fetched-poc",
        Holding.FetchedOther => "fetched-other",
        _ => "entitled-not-fetched",
    };
}
