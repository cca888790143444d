using Forewarn.Domain.Cases;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>A case as staff read it: its evidence and decisions, each decision with the state of the proposal it waits on.</summary>
public static class CaseViews
{
    public static async Task<CaseDto> OfAsync(ForewarnDb db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == c.AdvisoryId).Select(a => a.Reference).FirstAsync(ct);
        var evidence = await db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Number).ToListAsync(ct);
        var decisions = await db.CaseDecisions.AsNoTracking().Where(d => d.CaseId == c.Id).OrderBy(d => d.Number).ToListAsync(ct);
        var partnerIds = decisions.Select(d => d.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        var proposalIds = decisions.Where(d => d.ProposalId is not null).Select(d => d.ProposalId!.Value).ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new CaseDto(c.Id, c.Reference, advisory, c.Title, Case.Name(c.State), c.OpenedAt, c.OpenedBy, c.ClosedAt, c.ClosedBy, c.Summary, c.Sightings,
            [.. evidence.Select(e => EvidenceDto.From(c.Reference, e))],
            [.. decisions.Select(d => DecisionDto.From(d, names.GetValueOrDefault(d.PartnerId, ""),
                d.ProposalId is { } p ? proposals.GetValueOrDefault(p) : null, now))]);
    }
}
