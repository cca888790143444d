namespace Forewarn.Server.Hosting;

/// <summary>
/// The headers every answer carries, whoever wrote it (an endpoint, a refusal, the exception
/// handler): they are set as the response starts, from what it turned out to be.
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c> — a browser renders content only as the type it was sent as.</item>
/// <item><c>Referrer-Policy: no-referrer</c> — URLs here name advisories under embargo; no link may carry one to another site.</item>
/// <item>HTML pages: <c>X-Frame-Options: DENY</c> and a <c>Content-Security-Policy</c> with <c>frame-ancestors 'none'</c>,
/// after the page's own policy when it declares one (<see cref="PagePolicies.WithPagePolicy{TBuilder}"/>).</item>
/// <item>An answer that set its own policy keeps it, with <c>frame-ancestors 'none'</c> added (a partner's copy: <c>default-src 'none'; sandbox</c>).</item>
/// <item>Everything else (JSON, problems): <c>default-src 'none'; frame-ancestors 'none'</c> — if a
/// browser ever renders one, it runs and loads nothing.</item>
/// </list>
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string NoFraming = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, http);
        return next(http);
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var html = IsHtml(http.Response.ContentType);
        if (html) headers.XFrameOptions = "DENY";
        string own = headers.ContentSecurityPolicy.ToString();
        if (own.Length > 0)
        {
            // The answer chose its own policy (a partner's copy is sandboxed, whatever its type): keep it, never framed.
            if (!own.Contains("frame-ancestors", StringComparison.Ordinal)) headers.ContentSecurityPolicy = own + "; " + NoFraming;
        }
        else if (html)
        {
            headers.ContentSecurityPolicy = http.GetEndpoint()?.Metadata.GetMetadata<PagePolicy>() is { } page
                ? page.ContentSecurityPolicy + "; " + NoFraming
                : NoFraming;
        }
        else
            headers.ContentSecurityPolicy = ApiPolicy;
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                                    || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
}

/// <summary>An HTML page's own Content-Security-Policy (without <c>frame-ancestors</c>, which every page gets as <c>'none'</c>).</summary>
public sealed record PagePolicy(string ContentSecurityPolicy);

public static class PagePolicies
{
    /// <summary>
    /// A page made here from static markup: no scripts, no fetches, no forms; its one inline
    /// style block and same-origin images only. Pages that need more declare their own.
    /// </summary>
    public const string StaticPage = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Declares the Content-Security-Policy of the HTML an endpoint answers (the portal's pages, the landing page).</summary>
    public static TBuilder WithPagePolicy<TBuilder>(this TBuilder endpoint, string contentSecurityPolicy) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new PagePolicy(contentSecurityPolicy));
}
