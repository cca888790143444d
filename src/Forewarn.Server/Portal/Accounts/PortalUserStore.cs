using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// Identity's store of users in the programme's store, with one change: a user's tokens — the
/// authenticator key and the recovery codes — are kept encrypted by the programme's Data
/// Protection key ring (itself encrypted by the master key), never in plain text at rest.
/// </summary>
public sealed class PortalUserStore(ForewarnDb db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<PortalUser, ForewarnDb, Guid>(db, describer)
{
    private readonly IDataProtector protector = protection.CreateProtector("Forewarn.PortalUserTokens.v1");

    public override Task SetTokenAsync(PortalUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : protector.CreateProtector(name).Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(PortalUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored
            ? protector.CreateProtector(name).Unprotect(stored)
            : null;
}
