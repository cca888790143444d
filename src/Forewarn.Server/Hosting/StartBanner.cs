using Forewarn.Server.Demo;
using Forewarn.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Forewarn.Server.Hosting;

/// <summary>Tells the person who started the server where to go and how to log in.</summary>
internal static class StartBanner
{
    public static void Print(IServer server, StoreSettings settings, Func<string, bool> keyUsable)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return;
        var url = addresses.First().Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
        var credentialsPath = StoreStartup.DemoCredentialsPath(settings);
        var demo = DemoCredentials.ReadAsync(credentialsPath, CancellationToken.None).GetAwaiter().GetResult();
        var lines = new List<string>
        {
            "",
            $"  Forewarn is running at {url}",
            $"  Store: {settings.Describe()}",
            $"  Open {url}/ in a browser for the overview, {url}/portal to sign in to the portal, {url}/api/reference for the API reference.",
            $"  Public CSAF advisories (released at their embargo's end): {url}/.well-known/csaf/provider-metadata.json",
            $"  Transparency log of every access and change: {url}/log/v1/checkpoint (public key: {url}/.well-known/forewarn/log-key)",
        };
        if (demo is not null && !keyUsable(demo.Staff.ApiKey))
        {
            lines.Add($"  The demo keys in {credentialsPath} are no longer valid; issue keys with 'forewarn keys issue'.");
        }
        else if (demo is not null)
        {
            var partner = demo.Partners.FirstOrDefault(p => p.Tier == "Trusted" && p.Status == "active" && keyUsable(p.ApiKey))
                          ?? demo.Partners.FirstOrDefault(p => keyUsable(p.ApiKey));
            if (demo.Portal is { Count: > 0 } people)
            {
                lines.Add($"  Sign in to the portal at {url}/portal with a demo user (all in {credentialsPath}):");
                foreach (var person in people)
                    lines.Add($"    {person.Email} / {person.Password} ({person.Role}, {person.Organisation})" +
                              (person.TotpSecret is { } totp ? $"; authenticator key {totp}" : ""));
                lines.Add("  Add an authenticator key to an app (any TOTP app), then enter the code it shows after the password.");
            }
            lines.Add($"  Log in with an API key (Authorization: Bearer <key>). Demo keys: {credentialsPath}");
            lines.Add($"  Staff key:   {demo.Staff.ApiKey}{(demo.Staff.Member is { } m ? $" ({m})" : "")}");
            if (demo.SecondStaff is { } second && keyUsable(second.ApiKey))
                lines.Add($"  Second staff key, to approve what needs four eyes: {second.ApiKey}{(second.Member is { } n ? $" ({n})" : "")}");
            if (partner is not null)
            {
                lines.Add($"  Partner key ({partner.Name}): {partner.ApiKey}");
                lines.Add("  Try:");
                lines.Add($"    curl -H \"Authorization: Bearer {partner.ApiKey}\" {url}/api/v1/me/advisories");
                lines.Add("  Trace a leak (each partner's copy of the FW-2025-0708 PoC and description is fingerprinted)");
                lines.Add("  with the forewarn command line (install it as the README's tour shows):");
                lines.Add($"    export FOREWARN_SERVER={url}");
                lines.Add($"    FOREWARN_API_KEY={partner.ApiKey} forewarn me fetch FW-2025-0708:poc --out leaked.py");
                lines.Add($"    FOREWARN_API_KEY={demo.Staff.ApiKey} forewarn trace leaked.py");
            }
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
