using System.Net;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Mail;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// The SMTP server down: the request that caused the mail still succeeds, the message stays in the
/// outbox and is tried again with backoff, and arrives once the server is back — the same message,
/// once. Two servers on one store share the outbox without sending a message twice.
/// </summary>
public sealed class MailRetryTests() : MailTestBase(listening: false)
{
    [Fact]
    public async Task With_the_smtp_server_down_nothing_fails_and_nothing_is_lost_the_message_arrives_once_it_is_back()
    {
        var staff = F.Staff();
        await staff.PostJson("/api/v1/invitations", new { email = "late@emberline.example", role = "partner-admin", partnerId = F.PartnerInfo(DemoFacts.Entry).Id },
            HttpStatusCode.Created);
        Assert.Equal(1, await SendAsync());
        var failed = await F.InStoreAsync(db => db.MailMessages.AsNoTracking().SingleAsync());
        Assert.Equal(DeliveryState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("cannot reach the SMTP server", failed.LastError, StringComparison.Ordinal);
        Assert.InRange(failed.NextAttemptAt - F.Clock.GetUtcNow(), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(13));
        Assert.NotNull(failed.Composed); // composed once: the retry sends these bytes

        await Inbox.ListenAsync();
        Assert.Equal(0, await SendAsync()); // not due yet
        Assert.Empty(Inbox.Messages);
        F.Clock.Advance(TimeSpan.FromSeconds(13));
        Assert.Equal(1, await SendAsync());
        var received = Assert.Single(Inbox.Messages);
        Assert.Equal(["late@emberline.example"], received.Recipients);
        var sent = await F.InStoreAsync(db => db.MailMessages.AsNoTracking().SingleAsync());
        Assert.Equal(DeliveryState.Delivered, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(failed.MessageId, received.Message.MessageId);
        F.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendAsync());
        Assert.Single(Inbox.Messages);
    }

    [Fact]
    public async Task Two_servers_on_one_store_send_each_of_many_messages_once()
    {
        await Inbox.ListenAsync();
        var staff = F.Staff();
        var entry = F.PartnerInfo(DemoFacts.Entry).Id;
        const int count = 40;
        for (var i = 0; i < count; i++)
            await staff.PostJson("/api/v1/invitations", new { email = $"person{i}@many.example", role = "partner-admin", partnerId = entry }, HttpStatusCode.Created);
        await using var second = new SecondServer(F);
        foreach (var (k, v) in F.Settings.Where(s => s.Key.StartsWith("mail:", StringComparison.Ordinal) || s.Key.StartsWith("csaf:", StringComparison.Ordinal)))
            second.Settings[k] = v;
        var senders = new[] { F.Services.GetRequiredService<MailSender>(), second.Services.GetRequiredService<MailSender>() };
        for (var round = 0; round < 10 && Inbox.Messages.Count < count; round++)
            await Task.WhenAll(senders.Select(s => Task.Run(() => s.PassAsync(CancellationToken.None))));
        var recipients = Inbox.Messages.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(count, recipients.Count);
        Assert.Equal(count, recipients.Distinct().Count());
        Assert.Equal(count, await F.InStoreAsync(db => db.MailMessages.CountAsync(m => m.State == DeliveryState.Delivered)));
    }
}
