using System.Text.Json;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Problems;

/// <summary>
/// Turns every failure into an RFC 9457 problem: domain refusals into 4xx with the domain's
/// sentence, unreadable requests into 400/413, a busy store into 503 with Retry-After (the work
/// was queued as long as the pool's wait allows), anything unexpected into a 500 without details.
/// </summary>
public sealed class ErrorHandling(IProblemDetailsService problems, ILogger<ErrorHandling> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (code == StoreBusy)
        {
            // Expected under overload, and then many at once: one line each, no stack.
            log.LogWarning("Store busy on {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Type = ProblemTypes.For(code),
            Title = ProblemTypes.TitleOf(code),
            Detail = detail,
        };
        if (exception is DomainException d)
            foreach (var (name, value) in d.Particulars) problem.Extensions[name] = value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
    }

    public const string StoreBusy = "store-busy";

    /// <summary>When a client told the store is busy should come back: a pool frees connections within milliseconds once a burst passes.</summary>
    public const int RetryAfterSeconds = 2;

    internal static (int Status, string Code, string Detail) Classify(Exception e) => e switch
    {
        DomainException d => (ProblemTypes.StatusOf(d.Category), d.Code, d.Message),
        _ when StoreErrors.IsBusy(e) => (503, StoreBusy,
            $"The server is busy: this request waited its turn for the store until its wait ran out, and stopped there. Try again in {RetryAfterSeconds} seconds; if it was a change, look first whether it was made."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "body-too-large", "The request body is larger than this endpoint accepts."),
        BadHttpRequestException { InnerException: JsonException j } =>
            (400, "malformed-json", $"The request body is not the JSON this endpoint expects: {Clean(j.Message)}"),
        BadHttpRequestException b => (b.StatusCode, "bad-request", Clean(b.Message)),
        JsonException j => (400, "malformed-json", $"The request body is not the JSON this endpoint expects: {Clean(j.Message)}"),
        Microsoft.EntityFrameworkCore.DbUpdateException =>
            (409, "conflict", "The change conflicts with data written at the same moment (for example a duplicate name); nothing was changed. Try again."),
        OperationCanceledException => (499, "cancelled", "The request was cancelled."),
        _ => (500, "internal-error", "Something went wrong on the server; nothing was changed. The error has been logged."),
    };

    // Keep the parser's location hint but not type names of our internals.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var path = cut >= 0 ? message[cut..] : "";
        var head = cut >= 0 ? message[..cut] : message;
        if (head.Contains("could not be converted to", StringComparison.Ordinal))
            head = "a value has the wrong type or format.";
        return (head + path).Trim();
    }
}
