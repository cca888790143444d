using System.Net;
using System.Net.Http.Json;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// With mail on, an invitation's link goes to the invited address by mail — through a real SMTP
/// server — and works; the inviter still gets it in the answer. An invitation to a role that can
/// write is mailed only once approved and collected by its proposer, and to the invitee alone.
/// </summary>
public sealed class InvitationMailTests() : MailTestBase
{
    private static string LinkIn(MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf(PortalUrl + "/portal/invitations/", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        return text[start..].Split(['\r', '\n'], 2)[0].Trim();
    }

    [Fact]
    public async Task An_invitation_arrives_by_mail_at_the_invited_address_with_the_link_the_inviter_was_shown_and_the_link_works()
    {
        var staff = F.Staff();
        var emberline = F.PartnerInfo(DemoFacts.Entry).Id;
        var answer = await staff.PostJson("/api/v1/invitations", new { email = "admin@emberline.example", role = "partner-admin", partnerId = emberline },
            HttpStatusCode.Created);
        Assert.Empty(Inbox.Messages); // queued with the invitation, sent by the sender — never in the request
        Assert.Equal(1, await SendAsync());

        var received = Assert.Single(Inbox.Messages);
        Assert.Equal(["admin@emberline.example"], received.Recipients);
        Assert.Equal("admin@emberline.example", received.Message.To.Mailboxes.Single().Address);
        Assert.Equal("forewarn@programme.example", received.Message.From.Mailboxes.Single().Address);
        Assert.EndsWith("@programme.example", received.Message.MessageId, StringComparison.Ordinal);
        var link = LinkIn(received.Message);
        var shown = (string)answer["link"]!;
        Assert.Equal(new Uri(shown).PathAndQuery, new Uri(link).PathAndQuery);

        // Sent once, recorded, and the link no longer kept in the outbox.
        var row = await F.InStoreAsync(db => db.MailMessages.AsNoTracking().SingleAsync());
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal(received.Message.MessageId, row.MessageId);
        Assert.Null(row.Secret);
        Assert.Null(row.Composed);
        Assert.Equal(0, await SendAsync());
        Assert.Single(Inbox.Messages);

        // The mailed link works: the invitee becomes Emberline's admin.
        var visitor = new PortalVisitor(F);
        var (accepted, _) = await visitor.SubmitAsync(new Uri(link).PathAndQuery, ("Input.Name", "Emberline Admin"),
            ("Input.Password", "a long enough password"), ("Input.Confirm", "a long enough password"));
        Assert.Equal("/portal/enrol", accepted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_resent_invitation_mails_the_new_link_to_the_same_address()
    {
        var staff = F.Staff();
        var first = await staff.PostJson("/api/v1/invitations", new { email = "admin@second.example", role = "partner-admin", partnerId = F.PartnerInfo(DemoFacts.Entry).Id },
            HttpStatusCode.Created);
        var resent = await staff.PostJson($"/api/v1/invitations/{first["id"]}/resend", new { }, HttpStatusCode.Created);
        Assert.Equal(2, await SendAsync());
        var links = Inbox.Messages.Select(m => new Uri(LinkIn(m.Message)).PathAndQuery).ToList();
        Assert.Equal(new[] { new Uri((string)first["link"]!).PathAndQuery, new Uri((string)resent["link"]!).PathAndQuery }.Order(), links.Order());
        Assert.All(Inbox.Messages, m => Assert.Equal(["admin@second.example"], m.Recipients));
    }

    [Fact]
    public async Task A_write_role_invitation_is_mailed_only_once_approved_and_collected_and_only_to_the_invitee()
    {
        FourEyes.On(F.Settings);
        var staff = F.Staff();
        var proposal = await staff.PostJson("/api/v1/invitations", new { email = "new.admin@halcyon.example", role = "staff-admin" }, HttpStatusCode.Accepted);
        var id = (string)proposal["id"]!;
        Assert.Equal(0, await SendAsync());
        await F.SecondStaff().PostJson($"/api/v1/approvals/{id}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal(0, await SendAsync());
        Assert.Empty(Inbox.Messages);

        var collected = await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/invitation", new { })).Json(HttpStatusCode.Created);
        Assert.Equal(1, await SendAsync());
        var received = Assert.Single(Inbox.Messages);
        Assert.Equal(["new.admin@halcyon.example"], received.Recipients);
        Assert.Equal(new Uri((string)collected["link"]!).PathAndQuery, new Uri(LinkIn(received.Message)).PathAndQuery);
    }
}

/// <summary>Mail off (no host: the default, and the demo's) — nothing is queued, whatever happens.</summary>
public sealed class MailOffTests
{
    [Fact]
    public async Task With_no_mail_host_an_invitation_and_a_wave_queue_no_mail()
    {
        await using var f = new ForewarnFactory();
        f.Settings["csaf:scheduler"] = "off";
        await f.Staff().PostJson("/api/v1/invitations", new { email = "admin@off.example", role = "partner-admin", partnerId = f.PartnerInfo(DemoFacts.Entry).Id },
            HttpStatusCode.Created);
        var at = ForewarnFactory.Start.AddHours(2);
        await MailTestBase.AdvisoryWithDescriptionAsync(f.Staff(), "FW-2026-9711", at, ForewarnFactory.Start.AddDays(3));
        f.Clock.SetUtcNow(at);
        // This advisory's wave, and the demo's own waves due by then.
        Assert.True(await f.Services.GetRequiredService<Forewarn.Server.Publishing.WaveAnnouncer>().AnnounceDueAsync(at, CancellationToken.None) >= 1);
        Assert.NotEmpty(await f.InStoreAsync(db => db.Notices.ToListAsync()));
        Assert.Equal(0, await f.InStoreAsync(db => db.MailMessages.CountAsync()));
        Assert.Equal(0, await f.Services.GetRequiredService<Forewarn.Server.Mail.MailSender>().PassAsync(CancellationToken.None));
    }
}
