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
            o.ValidateOrigin = context => ValueTask.FromResult(SameOrigin(context));
        });
        services.AddScoped<Passkeys>();
        services.AddScoped<OwnAccount>();
        services.AddScoped<MailSettings>();
        services.AddScoped<PortalPeople>();
        return services;
    }

    /// <summary>
    /// The page that ran the ceremony is this server's own, as the browser reached it — scheme,
    /// host and port — and not inside another site's frame. (Browsers allow WebAuthn over plain
    /// HTTP only on <c>localhost</c>, so the test server on http://localhost passes and no other http origin can.)
    /// </summary>
    private static bool SameOrigin(PasskeyOriginValidationContext context)
    {
        if (context.CrossOrigin || context.TopOrigin is not null) return false;
        if (!Uri.TryCreate(context.Origin, UriKind.Absolute, out var origin)) return false;
        var request = context.HttpContext.Request;
        return string.Equals(origin.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
