using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// A partner that has not acknowledged an advisory within its tier's deadline (two days by
/// default, from its first wave notice) is listed for staff and reminded once — a webhook and a
/// log entry — and drops off the list when it acknowledges.
/// </summary>
public sealed class AcknowledgementDeadlineTests
{
    private static async Task<JsonArray> OverdueAsync(HttpClient staff) => (await staff.GetJson("/api/v1/acknowledgements/overdue")).AsArray();

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("Timed out waiting until " + what);
    }

    [Fact]
    public async Task Overdue_partners_are_listed_and_reminded_once()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var bastion = f.PartnerInfo(DemoFacts.Trusted).Id.ToString();
        var bastionId = new Domain.Common.PartnerId(f.PartnerInfo(DemoFacts.Trusted).Id);
        var hook = await f.Partner(DemoFacts.Trusted).PostAsJsonAsync("/api/v1/me/webhooks", new { url = "https://hooks.example.net/fw" });
        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        var advisoryId = new Domain.Common.AdvisoryId(Guid.Parse((string)(await DemoFacts.Advisory(staff, reference))["id"]!));
        await Eventually(async () => await f.InStoreAsync(db => db.Notices.AnyAsync(n => n.PartnerId == bastionId && n.AdvisoryId == advisoryId
            && n.Kind == Domain.Publishing.NoticeKind.Wave)), "the first wave's notices are sent");
        Assert.DoesNotContain(await OverdueAsync(staff), o => (string?)o!["advisory"] == reference);

        f.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var overdue = await OverdueAsync(staff);
        var mine = overdue.Single(o => (string?)o!["partnerId"] == bastion && (string?)o["advisory"] == reference)!;
        Assert.Equal(2, ((DateTimeOffset)mine["dueAt"]! - (DateTimeOffset)mine["toldAt"]!).TotalDays, 3);

        // Reminded once: by the job on its own, whatever time passes after.
        await Eventually(async () => (await OverdueAsync(staff)).All(o => o!["remindedAt"] is not null), "every overdue partner is reminded");
        var reminders = await f.InStoreAsync(db => db.AcknowledgementReminders.CountAsync());
        f.Clock.Advance(TimeSpan.FromHours(6));
        await Task.Delay(500);
        Assert.Equal(reminders, await f.InStoreAsync(db => db.AcknowledgementReminders.CountAsync()));
        Assert.Equal(1, await f.InStoreAsync(db => db.WebhookDeliveries.CountAsync(d => d.EventType == "advisory.acknowledgement_due"
            && d.PartnerId == bastionId)));
        await Eventually(async () => await f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == "acknowledgement.reminded")) == reminders,
            "each reminder is in the log");

        await f.Partner(DemoFacts.Trusted).PostJson($"/api/v1/me/advisories/{reference}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.DoesNotContain(await OverdueAsync(staff), o => (string?)o!["partnerId"] == bastion && (string?)o["advisory"] == reference);
    }

    [Fact]
    public async Task Two_servers_remind_each_overdue_partner_once()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        await using var second = new SecondServer(f);
        using var other = second.WithKey(f.Credentials.Staff.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/acknowledgements/overdue")).StatusCode);
        var reference = DemoFacts.EmbargoReference(f);
        var advisoryId = new Domain.Common.AdvisoryId(Guid.Parse((string)(await DemoFacts.Advisory(staff, reference))["id"]!));
        await Eventually(async () => await f.InStoreAsync(db => db.Notices.AnyAsync(n => n.AdvisoryId == advisoryId
            && n.Kind == Domain.Publishing.NoticeKind.Wave)), "the first wave's notices are sent");

        // Both servers' jobs wake on the same clock step and race for the same reminders.
        f.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await Eventually(async () => (await OverdueAsync(staff)) is { Count: > 0 } o && o.All(r => r!["remindedAt"] is not null), "every overdue partner is reminded");
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(1000);

        var overdue = (await OverdueAsync(staff)).Count;
        Assert.Equal(overdue, await f.InStoreAsync(db => db.AcknowledgementReminders.CountAsync()));
        await Eventually(async () => await f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == "acknowledgement.reminded")) == overdue,
            "each reminder is in the log once");
        var deliveries = await f.InStoreAsync(db => db.WebhookDeliveries.Where(d => d.EventType == "advisory.acknowledgement_due")
            .GroupBy(d => d.PartnerId).Select(g => g.Count()).ToListAsync());
        Assert.All(deliveries, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_tier_sets_its_deadline_and_bad_values_are_refused()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var tier = await (await staff.PutAsJsonAsync("/api/v1/tiers/Entry", new { acknowledgeWithinDays = 0.5 })).Json(HttpStatusCode.OK);
        Assert.Equal(0.5, (double)tier["acknowledgeWithinDays"]!);
        await (await staff.PutAsJsonAsync("/api/v1/tiers/Entry", new { acknowledgeWithinDays = 31 })).Problem(HttpStatusCode.BadRequest, "invalid-acknowledgement-deadline");
        Assert.Equal(0.5, (double)(await staff.GetJson("/api/v1/tiers")).AsArray().Single(t => (string?)t!["name"] == "Entry")!["acknowledgeWithinDays"]!);
    }
}
