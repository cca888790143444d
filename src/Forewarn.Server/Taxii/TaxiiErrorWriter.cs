using System.Text;
using Forewarn.Server.Problems;

namespace Forewarn.Server.Taxii;

/// <summary>
/// On TAXII paths, every problem the server or the framework would write (401 and 403 from
/// authentication, 404 for an unknown path, 405, unexpected errors) becomes a TAXII error
/// message instead of RFC 9457 problem details. Registered before the default writer.
/// </summary>
public sealed class TaxiiErrorWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => TaxiiMedia.IsTaxiiPath(context.HttpContext.Request.Path);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var p = context.ProblemDetails;
        var status = p.Status ?? http.Response.StatusCode;
        var code = p.Type is { } t && t.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal) ? t[ProblemTypes.Prefix.Length..] : Default(status);
        var description = p.Detail ?? Describe(status, http);
        var body = TaxiiResponses.ErrorBody(status, code, p.Title ?? ProblemTypes.TitleOf(code), description);
        http.Response.StatusCode = status;
        http.Response.ContentType = TaxiiMedia.Taxii;
        await http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, http.RequestAborted);
    }

    private static string Default(int status) => status switch
    {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        _ => "http-" + status,
    };

    private static string Describe(int status, HttpContext http) => status switch
    {
        401 => "This TAXII server needs an API key: send 'Authorization: Basic <base64 of any-name:api key>' or 'Authorization: Bearer <api key>'.",
        403 => "This API key may not read the TAXII collections.",
        404 => $"There is nothing at {http.Request.Path}.",
        405 => $"{http.Request.Method} is not allowed on {http.Request.Path}: TAXII here reads with GET, and adds sightings with POST to the sightings collection only.",
        _ => "The request failed.",
    };
}
