using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// Real server processes on one store (PostgreSQL in CI's second run, one SQLite file
/// otherwise) sending a fan-out of outbox rows to a loopback receiver: two healthy processes
/// share the work without sending any delivery twice; a process killed with SIGKILL in the
/// middle loses nothing — after it, every delivery still arrives, with its own webhook-id.
/// </summary>
public sealed class FanOutFaultTests() : WebhookTestBase(schedulerOff: true)
{
    private const int Deliveries = 600;

    private static readonly Dictionary<string, string> Sender = new()
    {
        ["csaf:scheduler"] = "off",
        ["webhooks:timeoutSeconds"] = "5",
        ["webhooks:pollSeconds"] = "0.2",
        ["webhooks:batchSize"] = "100",
    };

    /// <summary>Ten endpoints of the demo partners, all to the receiver, and the outbox rows of a fan-out.</summary>
    private async Task<HashSet<string>> SeedAsync()
    {
        F.CreateClient();
        return await F.InStoreAsync(async db =>
        {
            var partners = await db.Partners.AsNoTracking().Select(p => p.Id).Take(10).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var endpoints = partners.Select(p => WebhookEndpoint.Register(p, Receiver.Url, [WebhookEvents.WavePublished], 4, now).Endpoint).ToList();
            db.WebhookEndpoints.AddRange(endpoints);
            var rows = Enumerable.Range(0, Deliveries).Select(i =>
            {
                var e = endpoints[i % endpoints.Count];
                return WebhookDelivery.For(e.Id, e.PartnerId, WebhookEvents.WavePublished, $"{{\"type\":\"wave.published\",\"n\":{i}}}", now);
            }).ToList();
            db.WebhookDeliveries.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToHashSet();
        });
    }

    private Task<int> DeliveredAsync() =>
        F.InStoreAsync(db => db.WebhookDeliveries.CountAsync(d => d.State == DeliveryState.Delivered));

    [Fact]
    public async Task Two_processes_share_a_fan_out_and_send_no_delivery_twice()
    {
        Receiver.Answer = _ => 204;
        var ids = await SeedAsync();
        await using var a = ServerProcess.Start(F, Sender);
        await using var b = ServerProcess.Start(F, Sender);
        try
        {
            await Releases.EventuallyAsync(async () => await DeliveredAsync() == Deliveries, $"all {Deliveries} delivered", seconds: 120);
        }
        catch (Xunit.Sdk.FailException)
        {
            Assert.Fail($"{await DeliveredAsync()} of {Deliveries} delivered, {Receiver.Requests.Count} received.\nA:\n{a.Output}\nB:\n{b.Output}");
        }

        var received = Receiver.Requests.GroupBy(r => r.Id!).ToList();
        Assert.Equal(ids.Order(), received.Select(g => g.Key).Order());
        // Never twice at once: a delivery is sent again only after its claim ran out (a sender starved for
        // longer than the lease), and then not while the first send is still in flight.
        foreach (var sends in received.Where(g => g.Count() > 1))
        {
            var ordered = sends.OrderBy(r => r.Started).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Started >= ordered[i - 1].Finished, $"{sends.Key} was sent twice at the same time");
        }
        var twice = received.Count(g => g.Count() > 1);
        Assert.True(twice <= Deliveries / 100, $"{twice} deliveries were sent more than once; the lease should make that rare");
    }

    [Fact]
    public async Task A_process_killed_mid_fan_out_loses_nothing()
    {
        // A slow receiver keeps the fan-out busy long enough to kill the sender in the middle of it.
        Receiver.Answer = _ => { Thread.Sleep(15); return 204; };
        var ids = await SeedAsync();
        var first = ServerProcess.Start(F, Sender);
        await Releases.EventuallyAsync(() => Task.FromResult(Receiver.Requests.Count >= Deliveries / 5), $"the fan-out started\n{first.Output}", seconds: 120);
        first.KillHard();
        var beforeRestart = await DeliveredAsync();
        Assert.True(beforeRestart < Deliveries, "the kill came in the middle of the fan-out");

        await using var second = ServerProcess.Start(F, Sender);
        await Releases.EventuallyAsync(async () => await DeliveredAsync() == Deliveries, $"all delivered after the restart\n{second.Output}", seconds: 120);
        await first.DisposeAsync();

        var received = Receiver.Requests.Select(r => r.Id!).ToHashSet();
        Assert.True(ids.SetEquals(received), $"missing: {string.Join(", ", ids.Except(received).Take(5))}");
        // At least once: whatever was in flight at the kill may arrive twice, always under its own id.
        Assert.All(Receiver.Requests, r => Assert.Contains(r.Id!, ids));
    }
}
