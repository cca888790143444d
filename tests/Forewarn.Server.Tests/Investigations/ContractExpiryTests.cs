using System.Net;
using System.Net.Http.Json;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// When a partner's contract (NDA) expires the partner is suspended at that moment by a durable
/// job — also when no server ran then (at start-up), and exactly once with two servers — and it
/// is warned before (webhook and log entry), once per expiry date.
/// </summary>
public sealed class ContractExpiryTests
{
    private static async Task<(string Id, DateTimeOffset Expires)> ExpireSoonAsync(ForewarnFactory f, string partner, TimeSpan after)
    {
        var staff = f.Staff();
        var id = f.PartnerInfo(partner).Id.ToString();
        var expires = f.Clock.GetUtcNow() + after;
        // The partner listens for its own news (deliveries to an address nobody serves stay queued: counted, not sent).
        var hook = await f.Partner(partner).PostAsJsonAsync("/api/v1/me/webhooks", new { url = "https://hooks.example.net/fw" });
        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        var response = await staff.PatchAsJsonAsync($"/api/v1/partners/{id}", new
        {
            contract = new { ndaVersion = "2026.9", signedAt = "2026-01-01T00:00:00Z", expiresAt = expires },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (id, expires);
    }

    private static async Task<string> StatusAsync(HttpClient staff, string id) =>
        (string)(await staff.GetJson($"/api/v1/partners/{id}"))["status"]!;

    /// <summary>Waits (real time) for the job, which runs on its own, to reach <paramref name="status"/>.</summary>
    private static async Task<string> EventuallyAsync(HttpClient staff, string id, string status)
    {
        var current = "";
        for (var i = 0; i < 100 && current != status; i++)
        {
            current = await StatusAsync(staff, id);
            if (current != status) await Task.Delay(100);
        }
        return current;
    }

    private static Task<int> EntriesAsync(ForewarnFactory f, string kind, string id) =>
        f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == kind && e.PartnerId == Guid.Parse(id)));

    private static Task<int> WebhooksAsync(ForewarnFactory f, string eventType, string id) =>
        f.InStoreAsync(db => db.WebhookDeliveries.CountAsync(d => d.EventType == eventType && d.PartnerId == new Domain.Common.PartnerId(Guid.Parse(id))));

    [Fact]
    public async Task The_partner_is_warned_once_and_suspended_when_its_contract_expires()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var (id, expires) = await ExpireSoonAsync(f, DemoFacts.Validate, TimeSpan.FromDays(10));

        // Within the warning window (30 days by default): warned at once, and only once.
        for (var i = 0; i < 50 && await EntriesAsync(f, "partner.contract_expiring", id) == 0; i++) await Task.Delay(100);
        f.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(500);
        Assert.Equal(1, await EntriesAsync(f, "partner.contract_expiring", id));
        Assert.Equal(1, await WebhooksAsync(f, WebhookEvents.ContractExpiring, id));
        Assert.Equal("active", await StatusAsync(staff, id));

        // The moment it expires, the partner is suspended, with the reason and by the programme.
        var changedBefore = await EntriesAsync(f, "partner.changed", id);
        f.Clock.SetUtcNow(expires);
        Assert.Equal("suspended", await EventuallyAsync(staff, id, "suspended"));
        var partner = await staff.GetJson($"/api/v1/partners/{id}");
        var last = partner["history"]!.AsArray()[^1]!;
        Assert.StartsWith("NDA 2026.9 expired on", (string)last["reason"]!);
        Assert.Equal(expires, DateTimeOffset.Parse((string)last["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        // The entry was staged with the change and is sequenced into the log just after it.
        for (var i = 0; i < 50 && await EntriesAsync(f, "partner.changed", id) <= changedBefore; i++) await Task.Delay(100);
        var entry = await LogEntries.SingleAsync(staff, "partner.changed", "reason", (string)last["reason"]!);
        Assert.Equal("scheduler", (string?)entry["entry"]!["actor"]);
        Assert.Equal(1, await WebhooksAsync(f, WebhookEvents.PartnerStatusChanged, id));
    }

    [Fact]
    public async Task A_contract_that_expired_while_no_server_ran_suspends_the_partner_at_start_up()
    {
        var f = new ForewarnFactory();
        var (id, expires) = await ExpireSoonAsync(f, DemoFacts.Validate, TimeSpan.FromDays(90));
        await f.StopKeepingStoreAsync();

        // The server was down over the expiry; the next one to start suspends the partner.
        f.Clock.SetUtcNow(expires + TimeSpan.FromDays(3));
        await using var next = new SecondServer(f);
        using var staff = next.WithKey(f.Credentials.Staff.ApiKey);
        Assert.Equal("suspended", await EventuallyAsync(staff, id, "suspended"));
        ForewarnFactory.DeleteDirectory(f.DataDirectory);
    }

    [Fact]
    public async Task Two_servers_suspend_the_partner_exactly_once()
    {
        await using var f = new ForewarnFactory();
        await using var second = new SecondServer(f);
        using var other = second.WithKey(f.Credentials.Staff.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/partners")).StatusCode);
        var (id, expires) = await ExpireSoonAsync(f, DemoFacts.Validate, TimeSpan.FromHours(1));
        for (var i = 0; i < 50 && await EntriesAsync(f, "partner.contract_expiring", id) == 0; i++) await Task.Delay(100);
        second.Services.GetRequiredService<Forewarn.Server.Review.ContractSignal>().Poke();
        await Task.Delay(500);

        f.Clock.SetUtcNow(expires + TimeSpan.FromSeconds(1));
        var staff = f.Staff();
        Assert.Equal("suspended", await EventuallyAsync(staff, id, "suspended"));
        await Task.Delay(1000);
        var history = (await staff.GetJson($"/api/v1/partners/{id}"))["history"]!.AsArray();
        Assert.Single(history, h => ((string)h!["reason"]!).StartsWith("NDA 2026.9 expired", StringComparison.Ordinal));
        Assert.Equal(1, await WebhooksAsync(f, WebhookEvents.PartnerStatusChanged, id));
        Assert.Equal(1, await WebhooksAsync(f, WebhookEvents.ContractExpiring, id));
        Assert.Equal(1, await EntriesAsync(f, "partner.contract_expiring", id));
    }
}
