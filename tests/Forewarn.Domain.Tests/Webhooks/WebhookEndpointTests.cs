using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Domain.Tests.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://hooks.bastion.example/forewarn")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("http://localhost:9000/")]
    public void Https_and_loopback_urls_are_accepted(string url)
    {
        var (endpoint, secret) = WebhookEndpoint.Register(PartnerId.New(), url, null, null, T0);
        Assert.Equal(WebhookEvents.All, endpoint.Events);
        Assert.Equal(4, endpoint.MaxConcurrency);
        Assert.Equal([secret], endpoint.LiveSecrets(T0));
    }

    [Theory]
    [InlineData("http://hooks.bastion.example/forewarn", "invalid-webhook-url")]
    [InlineData("ftp://hooks.bastion.example/", "invalid-webhook-url")]
    [InlineData("https://user:pw@hooks.bastion.example/", "invalid-webhook-url")]
    [InlineData("not a url", "invalid-webhook-url")]
    public void Other_urls_are_refused(string url, string code)
    {
        var e = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(PartnerId.New(), url, null, null, T0));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void Unknown_events_and_silly_concurrency_are_refused()
    {
        Assert.Equal("unknown-webhook-event",
            Assert.Throws<DomainException>(() => WebhookEndpoint.Register(PartnerId.New(), "https://a.example/", ["wave.deleted"], null, T0)).Code);
        Assert.Throws<DomainException>(() => WebhookEndpoint.Register(PartnerId.New(), "https://a.example/", null, 0, T0));
        // A null inside the list (JSON "events":[null]) is a refusal with a sentence, not a crash.
        Assert.Equal("invalid-field",
            Assert.Throws<DomainException>(() => WebhookEndpoint.Register(PartnerId.New(), "https://a.example/", [null], null, T0)).Code);
        var (e, _) = WebhookEndpoint.Register(PartnerId.New(), "https://a.example/", ["Advisory.Released"], 1, T0);
        Assert.True(e.Wants(WebhookEvents.AdvisoryReleased));
        Assert.False(e.Wants(WebhookEvents.WavePublished));
    }

    [Fact]
    public void Rotation_keeps_the_old_secret_live_for_the_overlap_only()
    {
        var (endpoint, first) = WebhookEndpoint.Register(PartnerId.New(), "https://a.example/", null, null, T0);
        var second = endpoint.Rotate(T0.AddDays(1), TimeSpan.FromHours(24));
        Assert.Equal([second, first], endpoint.LiveSecrets(T0.AddDays(1)));
        Assert.Equal([second, first], endpoint.LiveSecrets(T0.AddDays(2).AddTicks(-1)));
        Assert.Equal([second], endpoint.LiveSecrets(T0.AddDays(2)));
        var third = endpoint.Rotate(T0.AddDays(3), TimeSpan.Zero);
        Assert.Equal([third], endpoint.LiveSecrets(T0.AddDays(3)));
        Assert.Throws<DomainException>(() => endpoint.Rotate(T0.AddDays(4), TimeSpan.FromDays(8)));
    }
}
