using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Deliveries;
using Forewarn.Server.Entitlements;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The delivery matrix of one wave, the one <c>GET /api/v1/advisories/{id}/waves/{n}/deliveries</c>
/// answers (<see cref="WaveDeliveryMatrix"/>): per partner, when it was notified, when it first
/// fetched each class of content, when it acknowledged.
/// </summary>
public sealed class DeliveriesModel(AdvisoryService advisories, ForewarnDb db, PartnerView view, RequestFacts facts, TimeProvider clock,
    IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public WaveDeliveriesDto Matrix { get; private set; } = null!;
    /// <summary>The classes of content the wave publishes: one column each.</summary>
    public IReadOnlyList<string> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int number, CancellationToken ct)
    {
        Advisory advisory;
        try
        {
            advisory = await advisories.FindAsync(id, ct);
        }
        catch (DomainException e) when (Missing(e))
        {
            return NotFound();
        }
        var wave = await db.Waves.AsNoTracking().FirstOrDefaultAsync(w => w.AdvisoryId == advisory.Id && w.Number == number, ct);
        if (wave is null) return NotFound();
        var ids = wave.ArtifactIds.ToList();
        Classes = [.. (await db.Artifacts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Class).Distinct().ToListAsync(ct))
            .Order().Select(c => c.Name())];
        Matrix = await WaveDeliveryMatrix.OfAsync(advisory, wave, db, view, facts, clock.GetUtcNow(), ct);
        return Page();
    }
}
