namespace Forewarn.Server.Problems;

/// <summary>
/// Refuses a request whose declared body is over the limit before anything reads it, with a
/// 413 problem. Kestrel's own limit (set to the largest endpoint's) catches undeclared bodies.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next)
{
    /// <summary>Ordinary JSON requests.</summary>
    public const long Default = 256 * 1024;

    /// <summary>A sighting: its sample (256 KiB, base64-encoded), indicators and description.</summary>
    public const long Sighting = 1024 * 1024;

    /// <summary>Artifact uploads (10 MiB of content, base64-encoded, plus the envelope), CSAF documents and a case's file evidence.</summary>
    public const long Upload = 16 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        // Portal forms take uploads up to the largest limit: each page checks its own fields and says
        // what is too large beside the field, rather than the whole form failing with a bare 413.
        var limit = path.StartsWith("/portal/", StringComparison.OrdinalIgnoreCase) ? Upload
            : path.EndsWith("/artifacts", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/evidence", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/api/v1/csaf/", StringComparison.OrdinalIgnoreCase) ? Upload
            : path.TrimEnd('/') is var p && (p.Equals("/api/v1/sightings", StringComparison.OrdinalIgnoreCase)
                || p.Equals("/api/v1/me/sightings", StringComparison.OrdinalIgnoreCase)) ? Sighting : Default;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(
                type: ProblemTypes.For("body-too-large"),
                title: ProblemTypes.TitleOf("body-too-large"),
                detail: $"The request body has {length} bytes; this endpoint accepts at most {limit} bytes.",
                statusCode: 413).ExecuteAsync(http);
            return;
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } f)
            f.MaxRequestBodySize = limit;
        await next(http);
    }
}
