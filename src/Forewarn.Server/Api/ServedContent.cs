using System.Reflection;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Microsoft.AspNetCore.Http.Metadata;

namespace Forewarn.Server.Api;

/// <summary>
/// A partner's copy on its way out, after its <c>content.served</c> entry is durable. Its headers
/// were prepared before that entry (<see cref="ContentAnswer"/>); should the bytes still not reach
/// the partner (the connection drops, the write fails), a <c>content.interrupted</c> entry follows
/// the served one, so the log never claims more than happened.
/// </summary>
public sealed class ServedContent(ContentAnswer answer, byte[] bytes, LoggedEntry served, Guid partner, Guid artifact)
    : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        response.ContentLength = bytes.Length;
        response.Headers.ContentDisposition = answer.ContentDisposition;
        // A copy is never a page: no script runs, nothing is fetched, even if a browser opens it.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        string? failure = null;
        try
        {
            await response.Body.WriteAsync(bytes, http.RequestAborted);
            await response.CompleteAsync();
            if (http.RequestAborted.IsCancellationRequested) failure = "the connection closed before the whole copy was sent";
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            failure = $"the copy could not be sent: {e.GetType().Name}";
        }
        if (failure is null) return;
        var at = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var entry = LogEvents.ContentInterrupted(partner, artifact, served.Index, failure, at);
        // The request is over; the entry must still go in, whatever happened to its connection.
        await http.RequestServices.GetRequiredService<ILogAppender>().AppendAsync(entry, CancellationToken.None);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]), ["application/octet-stream"]));
}
