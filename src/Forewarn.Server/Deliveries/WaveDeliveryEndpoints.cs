using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Deliveries;

/// <summary>
/// For one wave and every partner it concerns: when its content was made available to the
/// partner, when the partner was told (notice, and webhook when delivered), when it first
/// fetched any of it on any channel, and when it acknowledged the advisory. Who has not
/// acknowledged comes first, longest since notice first.
/// </summary>
public static class WaveDeliveryEndpoints
{
    public static void MapWaveDeliveries(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisories/{id}/waves/{number:int}/deliveries", Show).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Delivery matrix of a wave: made available, notified, first fetched, acknowledged — per partner");
        // The wave's id, as an advisory's waves list it, names the same wave.
        api.MapGet("/waves/{id:guid}/deliveries", ShowById).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Delivery matrix of a wave named by its id");
    }

    private static async Task<Ok<WaveDeliveriesDto>> Show(string id, int number, ForewarnDb db, PartnerView view, RequestFacts requestFacts,
        TimeProvider clock, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var wave = await db.Waves.AsNoTracking().FirstOrDefaultAsync(w => w.AdvisoryId == advisory.Id && w.Number == number, ct)
                   ?? throw new NotFoundException("wave", $"{advisory.Reference}/{number}");
        return TypedResults.Ok(await WaveDeliveryMatrix.OfAsync(advisory, wave, db, view, requestFacts, clock.GetUtcNow(), ct));
    }

    private static async Task<Ok<WaveDeliveriesDto>> ShowById(Guid id, ForewarnDb db, PartnerView view, RequestFacts requestFacts,
        TimeProvider clock, CancellationToken ct)
    {
        var waveId = new WaveId(id);
        var wave = await db.Waves.AsNoTracking().FirstOrDefaultAsync(w => w.Id == waveId, ct)
                   ?? throw new NotFoundException("wave", id.ToString());
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == wave.AdvisoryId, ct);
        return TypedResults.Ok(await WaveDeliveryMatrix.OfAsync(advisory, wave, db, view, requestFacts, clock.GetUtcNow(), ct));
    }
}
