using Microsoft.Net.Http.Headers;

namespace Forewarn.Server.Taxii;

/// <summary>
/// TAXII 2.1 media types and content negotiation (TAXII 2.1 section 1.6.8): every response is
/// <c>application/taxii+json;version=2.1</c>; a request must accept it — with the version, without
/// a version (meaning the latest, which is 2.1 here) or through a wildcard — or it gets 406.
/// </summary>
public static class TaxiiMedia
{
    public const string Taxii = "application/taxii+json;version=2.1";
    public const string Stix = "application/stix+json;version=2.1";
    public const string Version = "2.1";

    /// <summary>Whether a path belongs to the TAXII service (its errors are TAXII error messages).</summary>
    public static bool IsTaxiiPath(PathString path) => path.StartsWithSegments(TaxiiEndpoints.Root, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the request's Accept allows a TAXII 2.1 answer. No Accept header means anything is
    /// acceptable (RFC 9110 section 12.5.1); a media range with q=0 is a refusal.
    /// </summary>
    public static bool Accepted(HttpRequest request)
    {
        var headers = request.Headers.Accept;
        if (headers.Count == 0) return true;
        if (!MediaTypeHeaderValue.TryParseList(headers, out var ranges) || ranges.Count == 0) return false;
        return ranges.Any(r => (r.Quality ?? 1) > 0 && Allows(r));
    }

    private static bool Allows(MediaTypeHeaderValue range)
    {
        var type = range.MediaType.Value?.ToLowerInvariant();
        if (type is "*/*" or "application/*") return true;
        if (type != "application/taxii+json") return false;
        var version = range.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value.Value;
        return version is null || version.Trim('"') == Version;
    }
}
