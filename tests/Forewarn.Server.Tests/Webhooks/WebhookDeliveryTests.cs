using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: a partner registers a loopback receiver, events go out from the outbox
/// signed as Standard Webhooks says, failures are retried with the same webhook-id on the
/// controlled clock, and a delivery that keeps failing is dead-lettered and can be revived.
/// </summary>
public sealed class WebhookDeliveryTests() : WebhookTestBase(schedulerOff: false)
{
    private async Task<string> RegisterAsync(string partner, object? events = null)
    {
        var registered = await F.Partner(partner).PostJson("/api/v1/me/webhooks",
            new { url = Receiver.Url, events, maxConcurrency = 2 }, HttpStatusCode.Created);
        var secret = (string)registered["secret"]!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        return secret;
    }

    private async Task SendAsync()
    {
        var sender = F.Services.GetRequiredService<WebhookSender>();
        await sender.PassAsync(CancellationToken.None);
        await sender.DrainAsync();
    }

    private Task<WebhookDelivery> OnlyDeliveryAsync() =>
        F.InStoreAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());

    [Fact]
    public async Task A_release_reaches_the_partners_receiver_signed_and_saying_where_to_look()
    {
        var secret = await RegisterAsync(DemoFacts.Trusted, new[] { "advisory.released" });
        var release = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(F.Staff(), "FW-2026-9401", release);
        F.Clock.SetUtcNow(release);
        await Releases.PassAsync(F);
        await SendAsync();

        var got = Assert.Single(Receiver.Requests);
        Assert.Equal(WebhookVerdict.Valid, got.Verify([secret], F.Clock.GetUtcNow()));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, got.Verify([WebhookSecret.Generate().ToString()], F.Clock.GetUtcNow()));
        Assert.StartsWith("application/json", got.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(got.Text)!;
        Assert.Equal("advisory.released", (string?)body["type"]);
        Assert.Equal("FW-2026-9401", (string?)body["data"]!["advisory"]);
        Assert.Equal("/.well-known/csaf/white/2026/fw-2026-9401.json", (string?)body["data"]!["links"]!["csaf"]);
        var delivery = await OnlyDeliveryAsync();
        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Equal(delivery.Id, got.Id);
    }

    [Fact]
    public async Task Failures_are_retried_later_with_the_same_webhook_id_until_delivered()
    {
        var secret = await RegisterAsync(DemoFacts.Trusted, new[] { "partner.status_changed" });
        Receiver.Answer = n => n < 2 ? 503 : 204;
        var partnerId = F.PartnerInfo(DemoFacts.Trusted).Id;
        await F.Staff().PostJson($"/api/v1/partners/{partnerId}/status", new { status = "probation", reason = "Late acknowledgements" }, HttpStatusCode.OK);

        await SendAsync();
        var first = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryState.Pending, 1, 503), (first.State, first.Attempts, first.LastStatus));
        await SendAsync();
        Assert.Single(Receiver.Requests); // not due yet: nothing sent before its time

        F.Clock.SetUtcNow(first.NextAttemptAt);
        await SendAsync();
        var second = await OnlyDeliveryAsync();
        Assert.Equal(2, second.Attempts);
        Assert.True(second.NextAttemptAt - F.Clock.GetUtcNow() >= TimeSpan.FromSeconds(16), "the backoff doubles");
        F.Clock.SetUtcNow(second.NextAttemptAt);
        await SendAsync();

        var done = await OnlyDeliveryAsync();
        Assert.Equal(DeliveryState.Delivered, done.State);
        Assert.Equal(3, Receiver.Requests.Count);
        Assert.All(Receiver.Requests, r => Assert.Equal(done.Id, r.Id));
        Assert.All(Receiver.Requests, r => Assert.Equal(WebhookVerdict.Valid, r.Verify([secret], F.Clock.GetUtcNow())));
        var body = JsonNode.Parse(Receiver.Requests.Last().Text)!;
        Assert.Equal("probation", (string?)body["data"]!["to"]);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_lettered_and_staff_can_revive_it()
    {
        await RegisterAsync(DemoFacts.Trusted, new[] { "partner.status_changed" });
        Receiver.Answer = _ => 500;
        var partnerId = F.PartnerInfo(DemoFacts.Trusted).Id;
        await F.Staff().PostJson($"/api/v1/partners/{partnerId}/status", new { status = "probation", reason = "Audit" }, HttpStatusCode.OK);

        for (var i = 0; i < RetryPolicy.Default.MaxAttempts + 2; i++)
        {
            await SendAsync();
            F.Clock.Advance(TimeSpan.FromHours(8));
        }
        var dead = await OnlyDeliveryAsync();
        Assert.Equal(DeliveryState.Dead, dead.State);
        Assert.Equal(RetryPolicy.Default.MaxAttempts, Receiver.Requests.Count);
        var listed = await F.Staff().GetJson("/api/v1/webhooks/deliveries?state=dead");
        Assert.Equal(dead.Id, (string?)Assert.Single(listed.AsArray())!["id"]);

        Receiver.Answer = _ => 200;
        await F.Staff().PostJson($"/api/v1/webhooks/deliveries/{dead.Id}/revive", new { }, HttpStatusCode.OK);
        await SendAsync();
        Assert.Equal(DeliveryState.Delivered, (await OnlyDeliveryAsync()).State);
        Assert.Equal(dead.Id, Receiver.Requests.Last().Id);
    }

    [Fact]
    public async Task After_a_rotation_deliveries_verify_with_the_old_and_the_new_secret()
    {
        var old = await RegisterAsync(DemoFacts.Trusted, new[] { "partner.status_changed" });
        var partner = F.Partner(DemoFacts.Trusted);
        var endpoints = await partner.GetJson("/api/v1/me/webhooks");
        var id = (string)endpoints[0]!["id"]!;
        var rotated = await partner.PostJson($"/api/v1/me/webhooks/{id}/rotate", new { overlapHours = 2 }, HttpStatusCode.OK);
        var fresh = (string)rotated["secret"]!;
        await F.Staff().PostJson($"/api/v1/partners/{F.PartnerInfo(DemoFacts.Trusted).Id}/status",
            new { status = "probation", reason = "Rotation test" }, HttpStatusCode.OK);
        await SendAsync();

        var got = Assert.Single(Receiver.Requests);
        Assert.Equal(2, got.Signature!.Split(' ').Length);
        Assert.Equal(WebhookVerdict.Valid, got.Verify([old], F.Clock.GetUtcNow()));
        Assert.Equal(WebhookVerdict.Valid, got.Verify([fresh], F.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_sender_delivers_on_its_own_when_it_runs()
    {
        F.Settings["webhooks:sender"] = "on";
        var secret = await RegisterAsync(DemoFacts.Trusted, new[] { "partner.status_changed" });
        await F.Staff().PostJson($"/api/v1/partners/{F.PartnerInfo(DemoFacts.Trusted).Id}/status",
            new { status = "probation", reason = "Background sender" }, HttpStatusCode.OK);
        await Releases.EventuallyAsync(async () =>
            (await F.InStoreAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync())).State == DeliveryState.Delivered,
            "the background sender delivered");
        Assert.Equal(WebhookVerdict.Valid, Assert.Single(Receiver.Requests).Verify([secret], F.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Bad_registrations_are_refused_clearly()
    {
        var partner = F.Partner(DemoFacts.Trusted);
        await (await partner.PostAsync("/api/v1/me/webhooks", System.Net.Http.Json.JsonContent.Create(new { url = "http://hooks.bastion.example/x" })))
            .Problem(HttpStatusCode.BadRequest, "invalid-webhook-url");
        await (await partner.PostAsync("/api/v1/me/webhooks", System.Net.Http.Json.JsonContent.Create(new { url = "https://hooks.bastion.example/x", events = new[] { "advisory.deleted" } })))
            .Problem(HttpStatusCode.BadRequest, "unknown-webhook-event");
        await (await F.Staff().PostAsync("/api/v1/me/webhooks", System.Net.Http.Json.JsonContent.Create(new { url = "https://hooks.bastion.example/x" })))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await F.InStoreAsync(db => db.WebhookEndpoints.CountAsync()));
    }
}
