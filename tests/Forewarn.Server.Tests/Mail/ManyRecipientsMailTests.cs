using System.Diagnostics;
using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// Hundreds of recipients: a wave to partners with 600 portal users between them queues a notice for
/// each in the announcement's own transaction (in bulk), and the sender delivers them all, each once.
/// The times are printed (docs/mail.md quotes them); the assertion is that nothing is lost or doubled.
/// </summary>
public sealed class ManyRecipientsMailTests(ITestOutputHelper output) : MailTestBase
{
    [Fact]
    public async Task A_wave_to_partners_with_600_users_queues_a_notice_for_each_with_the_wave_and_every_one_arrives_once()
    {
        var staff = F.Staff();
        var partners = new[] { DemoFacts.Trusted, DemoFacts.Validate, DemoFacts.Restricted }.Select(p => new PartnerId(F.PartnerInfo(p).Id)).ToList();
        var now = F.Clock.GetUtcNow();
        await F.InStoreAsync(async db =>
        {
            for (var i = 0; i < 600; i++)
            {
                var user = PortalUser.Create($"reader{i}@many-{i % 3}.example", $"Reader {i}", Forewarn.Domain.Accounts.PortalRole.PartnerUser, partners[i % 3], null, now);
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                db.Users.Add(user);
            }
            return await db.SaveChangesAsync();
        });
        const string reference = "FW-2026-9704";
        var waveAt = ForewarnFactory.Start.AddHours(2);
        await AdvisoryWithDescriptionAsync(staff, reference, waveAt, ForewarnFactory.Start.AddDays(3));

        var watch = Stopwatch.StartNew();
        await AnnounceAtAsync(waveAt);
        var announced = watch.Elapsed;
        var advisory = await F.InStoreAsync(db => db.Advisories.AsNoTracking().Where(a => a.Reference == reference).Select(a => a.Id).SingleAsync());
        var queued = await F.InStoreAsync(db => db.MailMessages.AsNoTracking().CountAsync(m => m.AdvisoryId == advisory));
        Assert.InRange(queued, 600, 700); // the 600, and the demo's own users of those partners

        watch.Restart();
        while (await SendAsync() > 0) { }
        var sent = watch.Elapsed;
        var mine = Inbox.Messages.Where(m => (m.Message.Subject ?? "").Contains(reference, StringComparison.Ordinal)).SelectMany(m => m.Recipients).ToList();
        Assert.Equal(queued, mine.Count);
        Assert.Equal(queued, mine.Distinct().Count());
        Assert.Equal(queued, await F.InStoreAsync(db => db.MailMessages.AsNoTracking().CountAsync(m => m.AdvisoryId == advisory && m.State == DeliveryState.Delivered)));
        output.WriteLine($"{queued} notices: wave announced with them in {announced.TotalMilliseconds:0} ms; sent in {sent.TotalMilliseconds:0} ms ({queued / sent.TotalSeconds:0} messages/s) on {(F.OnPostgres ? "PostgreSQL" : "SQLite")}");
    }
}
