using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>The services of the portal's own accounts: passkeys, the account page, the people pages.</summary>
public static class PortalAccountsSetup
{
    /// <summary>Setting <c>portal:passkeyServerDomain</c>: the relying party id of passkeys (docs/configuration.md).</summary>
    public const string PasskeyServerDomain = "portal:passkeyServerDomain";

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.TryAddScoped<IPasskeyHandler<PortalUser>, PasskeyHandler<PortalUser>>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            // Unset, the relying party is the host the server is reached at (a passkey is bound to it: an IP address cannot be one).
            if (configuration[PasskeyServerDomain] is { Length: > 0 } domain) o.ServerDomain = domain.Trim();
            o.UserVerificationRequirement = "required"; // a passkey is a second factor only when the authenticator checked its person
            o.ResidentKeyRequirement = "required"; // signing in starts without an e-mail address: the authenticator names the account
        });
        services.AddScoped<Passkeys>();
        services.AddScoped<OwnAccount>();
        return services;
    }
}
