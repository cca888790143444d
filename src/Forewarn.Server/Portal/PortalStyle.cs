using System.Security.Cryptography;

namespace Forewarn.Server.Portal;

/// <summary>
/// The portal's one stylesheet, embedded in the server (no static-file folder to ship beside it)
/// and served from this origin, so pages need no inline style.
/// </summary>
public static class PortalStyle
{
    public const string Path = "/portal/portal.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Sheet = new(() =>
    {
        using var stream = typeof(PortalStyle).Assembly.GetManifestResourceStream("Forewarn.Portal.portal.css")
                           ?? throw new InvalidOperationException("The portal's stylesheet is not embedded in the server.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    });

    public static void MapPortalStyle(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http) =>
        {
            var (bytes, etag) = Sheet.Value;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, "text/css; charset=utf-8", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag));
        }).ExcludeFromDescription();
}
