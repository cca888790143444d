using Microsoft.AspNetCore.Http.Features;

namespace Forewarn.Server.Problems;

/// <summary>
/// Problems the framework writes by itself (unknown route, wrong method) get Forewarn's stable
/// types and a sentence, like every other refusal.
/// </summary>
internal static class StatusProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        if (p.Type is not null && p.Type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal)) return;
        var (code, detail) = p.Status switch
        {
            404 => ("not-found", $"There is nothing at {context.HttpContext.Request.Path}."),
            405 => ("method-not-allowed", $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}."),
            415 => ("unsupported-media-type", "Send the request body as application/json."),
            401 => ("unauthenticated", "This endpoint needs an API key: send 'Authorization: Bearer <api key>'."),
            403 => ("forbidden", "This API key may not do that."),
            // A parameter the framework could not bind (a time, id or number in the wrong form).
            400 => ("bad-request", "A value in the request has the wrong type or format: times are ISO 8601 (2026-07-07T12:00:00Z), ids are GUIDs, counts whole numbers."),
            _ => ("http-" + p.Status, p.Detail ?? p.Title ?? "The request failed."),
        };
        p.Type = ProblemTypes.For(code);
        p.Title = ProblemTypes.TitleOf(code);
        p.Detail ??= detail;
        p.Extensions.Remove("traceId");
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId is { } trace)
            p.Extensions["traceId"] = trace.ToString();
    }
}
