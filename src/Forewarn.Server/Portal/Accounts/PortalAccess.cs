using Forewarn.Domain.Partners;
using Forewarn.Server.Entitlements;
using Forewarn.Storage.Accounts;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// Whether a user may be signed in at all: not disabled, and — for a partner's user — the partner
/// is neither suspended nor removed (read from the current facts, so a change counts at once).
/// Asked at sign-in and again on every request (<see cref="PortalSessions"/>).
/// </summary>
public sealed class PortalAccess(RequestFacts facts)
{
    public Task<bool> MaySignInAsync(PortalUser user, CancellationToken ct) => MayStayAsync(user.DisabledAt, user.PartnerId, ct);

    public async Task<bool> MayStayAsync(DateTimeOffset? disabledAt, Domain.Common.PartnerId? partnerId, CancellationToken ct)
    {
        if (disabledAt is not null) return false;
        if (partnerId is not { } partner) return true;
        var known = await facts.GetAsync(ct);
        return known.Partners.TryGetValue(partner, out var p) && p.Status is not (PartnerStatus.Suspended or PartnerStatus.Removed);
    }
}
