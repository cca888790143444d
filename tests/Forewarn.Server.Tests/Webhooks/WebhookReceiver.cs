using System.Collections.Concurrent;
using System.Text;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// A partner's webhook receiver on a loopback port, written from the Standard Webhooks
/// specification: it records every request and answers with the status the test chooses.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    public sealed record Received(string? Id, string? Timestamp, string? Signature, byte[] Body, string ContentType,
        DateTime Started = default, DateTime Finished = default)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        /// <summary>What a receiver holding <paramref name="secrets"/> concludes at <paramref name="now"/>.</summary>
        public WebhookVerdict Verify(IEnumerable<string> secrets, DateTimeOffset now) =>
            WebhookSignature.Verify(secrets.Select(WebhookSecret.Parse), Id, Timestamp, Signature, Body, now);
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    private int count;

    /// <summary>The status to answer the n-th request (0-based) with; 204 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 204;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var started = DateTime.UtcNow;
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var n = Interlocked.Increment(ref receiver.count) - 1;
            var status = receiver.Answer(n);
            receiver.Requests.Enqueue(new Received(http.Request.Headers["webhook-id"], http.Request.Headers["webhook-timestamp"],
                http.Request.Headers["webhook-signature"], buffer.ToArray(), http.Request.ContentType ?? "", started, DateTime.UtcNow));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
