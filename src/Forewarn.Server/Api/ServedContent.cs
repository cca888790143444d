using System.Reflection;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Microsoft.AspNetCore.Http.Metadata;

namespace Forewarn.Server.Api;

/// <summary>
/// A partner's copy on its way out, after its <c>content.served</c> entry is durable. Its headers
/// were prepared before that entry (<see cref="ContentAnswer"/>); should writing the bytes fail (the
/// write throws, or the connection is known to be gone when it ends), a <c>content.interrupted</c>
/// entry follows the served one. Kestrel discards writes after a client's reset without saying so,
/// so a hang-up it has not yet noticed is not caught (docs/security.md).
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
            // A flush that finds its reader gone (the connection closed under it) says so, where a stream write would not.
            var written = await response.BodyWriter.WriteAsync(bytes, http.RequestAborted);
            if (!written.IsCompleted) await response.CompleteAsync();
            if (written.IsCompleted || written.IsCanceled || http.RequestAborted.IsCancellationRequested)
                failure = "the connection closed before the whole copy was sent";
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
