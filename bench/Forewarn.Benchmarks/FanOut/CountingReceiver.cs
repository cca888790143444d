using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forewarn.Benchmarks.FanOut;

/// <summary>A loopback webhook receiver that counts distinct deliveries and when the first and last arrived.</summary>
public sealed class CountingReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HashSet<string> ids = [];
    private long first;
    private long last;

    private CountingReceiver(WebApplication app) => this.app = app;

    public int Distinct { get { lock (ids) return ids.Count; } }
    public long Requests;
    public DateTimeOffset? FirstAt => first == 0 ? null : new DateTimeOffset(first, TimeSpan.Zero);
    public DateTimeOffset? LastAt => last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero);

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public void Reset()
    {
        lock (ids) ids.Clear();
        Interlocked.Exchange(ref Requests, 0);
        Interlocked.Exchange(ref first, 0);
        Interlocked.Exchange(ref last, 0);
    }

    public static async Task<CountingReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CountingReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            var now = DateTime.UtcNow.Ticks;
            Interlocked.CompareExchange(ref receiver.first, now, 0);
            Interlocked.Exchange(ref receiver.last, now);
            Interlocked.Increment(ref receiver.Requests);
            lock (receiver.ids) receiver.ids.Add(http.Request.Headers["webhook-id"].ToString());
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
