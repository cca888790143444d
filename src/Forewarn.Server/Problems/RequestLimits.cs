using Forewarn.Domain.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Forewarn.Server.Problems;

/// <summary>
/// The request-line and header limits, answered as problems. Kestrel refuses what is over its own
/// limits itself, before any middleware, with an empty body that cannot be changed; so its limits
/// are set to twice these, and these are enforced here, where the answer is a problem like every
/// other refusal: 414 <c>uri-too-long</c>, 431 <c>headers-too-large</c>. Only what is past
/// Kestrel's doubled limits (or not HTTP at all: bad bytes in the request line) gets Kestrel's bare answer.
/// A query holding a control character is refused here too (400 <c>invalid-query</c>), before any store sees it.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>The longest request target (path and query) answered: 8 KiB, Kestrel's own default.</summary>
    public const int MaxTarget = 8 * 1024;

    /// <summary>The most header bytes (names and values) answered: 32 KiB, Kestrel's own default.</summary>
    public const int MaxHeaders = 32 * 1024;

    /// <summary>Kestrel's limits: past these it answers by itself.</summary>
    public static void Configure(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 2 * MaxTarget;
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeaders;
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxTarget)
        {
            await Refuse(http, StatusCodes.Status414UriTooLong, "uri-too-long",
                $"The request's path and query have {target.Length} characters; at most {MaxTarget} are answered.");
            return;
        }
        var size = 0L;
        foreach (var (name, values) in http.Request.Headers)
            foreach (var value in values)
                size += name.Length + (value?.Length ?? 0) + 4; // ": " and CRLF, as on the wire
        if (size > MaxHeaders)
        {
            await Refuse(http, StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers-too-large",
                $"The request's headers have about {size} bytes; at most {MaxHeaders} are answered.");
            return;
        }
        foreach (var (name, values) in http.Request.Query)
        {
            // A NUL cannot even be stored by PostgreSQL; no other control character means anything in a query either.
            if (name.Any(char.IsControl) || values.Any(v => v?.Any(char.IsControl) == true))
                throw new DomainException("invalid-query",
                    $"The query parameter '{Printable(name)}' holds a control character (such as NUL or a line break); send printable text.");
        }
        await next(http);
    }

    private static string Printable(string name) => new([.. name.Take(60).Select(c => char.IsControl(c) ? '?' : c)]);

    private static Task Refuse(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        return Results.Problem(type: ProblemTypes.For(code), title: ProblemTypes.TitleOf(code), detail: detail, statusCode: status).ExecuteAsync(http);
    }
}
