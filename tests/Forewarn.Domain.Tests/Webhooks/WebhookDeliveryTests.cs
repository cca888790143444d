using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Domain.Tests.Webhooks;

/// <summary>The outbox row's life: claimed, retried with the same id, delivered or dead-lettered, revived.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(5), 3, 0);

    private static WebhookDelivery New() =>
        WebhookDelivery.For(Guid.CreateVersion7(), PartnerId.New(), WebhookEvents.AdvisoryReleased, "{\"type\":\"advisory.released\"}", T0);

    [Fact]
    public void Every_attempt_keeps_the_same_id_until_the_dead_letter()
    {
        var d = New();
        var id = d.Id;
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        d.Claim("server-a", T0, TimeSpan.FromSeconds(30));
        d.Failed(503, "Service Unavailable", T0.AddSeconds(1), Policy, 0.5);
        Assert.Equal(DeliveryState.Pending, d.State);
        Assert.Equal(T0.AddSeconds(11), d.NextAttemptAt);
        Assert.False(d.IsClaimable(T0.AddSeconds(10)));
        Assert.True(d.IsClaimable(T0.AddSeconds(11)));

        d.Claim("server-b", T0.AddSeconds(11), TimeSpan.FromSeconds(30));
        d.Failed(null, "connection refused", T0.AddSeconds(12), Policy, 0.5);
        Assert.Equal(T0.AddSeconds(32), d.NextAttemptAt);
        d.Claim("server-a", T0.AddSeconds(32), TimeSpan.FromSeconds(30));
        d.Failed(500, "boom", T0.AddSeconds(33), Policy, 0.5);
        Assert.Equal(DeliveryState.Dead, d.State);
        Assert.Equal(3, d.Attempts);
        Assert.Equal(id, d.Id);
        Assert.False(d.IsClaimable(T0.AddDays(1)));

        d.Revive(T0.AddDays(1));
        Assert.True(d.IsClaimable(T0.AddDays(1)));
        Assert.Equal(id, d.Id);
    }

    [Fact]
    public void A_claim_excludes_other_senders_until_it_runs_out_then_another_may_take_it()
    {
        var d = New();
        d.Claim("server-a", T0, TimeSpan.FromSeconds(30));
        Assert.Throws<ConflictException>(() => d.Claim("server-b", T0.AddSeconds(29), TimeSpan.FromSeconds(30)));
        // server-a died without an answer: at least once, the delivery goes out again with the same id.
        d.Claim("server-b", T0.AddSeconds(30), TimeSpan.FromSeconds(30));
        Assert.Equal("server-b", d.ClaimedBy);
        d.Succeeded(204, T0.AddSeconds(31));
        Assert.Equal(DeliveryState.Delivered, d.State);
        Assert.Throws<ConflictException>(() => d.Revive(T0.AddSeconds(40)));
        Assert.False(d.IsClaimable(T0.AddDays(1)));
    }
}
