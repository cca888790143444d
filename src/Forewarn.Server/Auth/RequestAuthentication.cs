using Microsoft.AspNetCore.Identity;

namespace Forewarn.Server.Auth;

/// <summary>
/// Who a request comes from, by where it goes: the portal's pages know a person by the portal's
/// cookie, everything else (the API, TAXII, the log) by an API key. The API never accepts the
/// cookie, so no other site can make a signed-in browser call it; the portal never reads a key.
/// </summary>
public static class RequestAuthentication
{
    public const string SchemeName = "ByPath";

    public static string Select(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/portal") ? IdentityConstants.ApplicationScheme : ApiKeyAuthentication.SchemeName;
}
