using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// A partner acknowledges an advisory open to it: once (a second acknowledgement answers the
/// first), logged. An advisory it cannot see is not found, as everywhere else.
/// </summary>
public sealed class AcknowledgementService(ForewarnDb db, EntitledViews views, TimeProvider clock)
{
    public async Task<(Acknowledgement Acknowledgement, string Reference)> AcknowledgeAsync(Partner partner, AdvisoryId? advisory, string asked,
        string? note, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entitled = advisory is { } id ? (await views.ForAsync(partner.Id, now, ct)).Find(id) : null;
        if (entitled is null) throw new NotFoundException("advisory", asked);
        var reference = entitled.Advisory.Reference;
        var existing = await db.Acknowledgements.FirstOrDefaultAsync(a => a.PartnerId == partner.Id && a.AdvisoryId == entitled.Advisory.Id, ct);
        if (existing is not null) return (existing, reference);
        var acknowledgement = Acknowledgement.Of(partner.Id, entitled.Advisory.Id, actor.KeyId ?? Guid.Empty, note, now);
        db.Acknowledgements.Add(acknowledgement);
        db.Stage(LogEvents.AdvisoryAcknowledged(acknowledgement, reference, actor));
        await db.SaveChangesAsync(ct);
        return (acknowledgement, reference);
    }
}
