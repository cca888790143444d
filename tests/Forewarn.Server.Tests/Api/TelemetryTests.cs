using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Content_decisions_are_counted_by_verdict()
    {
        var seen = new ConcurrentBag<(string Verdict, string Class)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Forewarn" && instrument.Name == "forewarn.content.decisions") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? verdict = null, cls = null;
            foreach (var t in tags)
            {
                if (t.Key == "verdict") verdict = t.Value as string;
                if (t.Key == "class") cls = t.Value as string;
            }
            seen.Add((verdict ?? "", cls ?? ""));
        });
        listener.Start();

        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "poc");
        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        Assert.Contains(("not-yet", "poc"), seen);
    }
}
