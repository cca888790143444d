using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// The portal's one script: WebAuthn needs the browser's <c>navigator.credentials</c>, which only
/// script can call. It is embedded in the server and served from this origin, and only the pages
/// that offer passkeys (<see cref="Pages"/>) may run it: their policy adds <c>script-src 'self'</c>
/// (and <c>connect-src 'self'</c> for the options it fetches), never anything inline. Every other
/// portal page keeps a policy without script.
/// </summary>
public static class PasskeyScript
{
    public const string Path = "/portal/passkeys.js";

    public const string PagePolicy = PortalSetup.PagePolicy + "; script-src 'self'; connect-src 'self'";

    /// <summary>The pages that offer passkeys: signing in with one, and adding one on the account page.</summary>
    public static readonly string[] Pages = ["/SignIn", "/Account/Index"];

    private static readonly Lazy<(byte[] Bytes, string ETag)> Script = new(() =>
    {
        using var stream = typeof(PasskeyScript).Assembly.GetManifestResourceStream("Forewarn.Portal.passkeys.js")
                           ?? throw new InvalidOperationException("The portal's passkey script is not embedded in the server.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    });

    /// <summary>Gives the passkey pages their policy (after the portal's folder-wide one, so it is the one read).</summary>
    public static void Allow(PageConventionCollection conventions)
    {
        foreach (var page in Pages)
            conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Hosting.PagePolicy(PagePolicy)));
    }

    public static void MapPasskeyScript(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http) =>
        {
            var (bytes, etag) = Script.Value;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, "text/javascript; charset=utf-8", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag));
        }).ExcludeFromDescription();
}
