using System.Net;
using Forewarn.Domain.Common;
using Forewarn.Server.Mail;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Tests.Tracing;
using Forewarn.Storage.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// A server with mail on, sending to a real SMTP server on loopback (<see cref="SmtpInbox"/>). Its
/// sender does not run on its own: the tests drive its passes between clock moves, as the webhook
/// tests do; the release scheduler is off too (tests announce waves themselves).
/// </summary>
public abstract class MailTestBase(bool listening = true) : IAsyncLifetime
{
    public const string PortalUrl = "https://portal.programme.example";

    protected ForewarnFactory F { get; } = new();
    protected SmtpInbox Inbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Inbox = await SmtpInbox.StartAsync(listening);
        MailOn(F.Settings, Inbox.Port);
        F.Settings["webhooks:sender"] = "off";
        F.Settings["csaf:scheduler"] = "off";
    }

    public async Task DisposeAsync()
    {
        await F.DisposeAsync();
        await Inbox.DisposeAsync();
    }

    /// <summary>Mail on, to the inbox on <paramref name="port"/>, without TLS (loopback), its sender driven by the test.</summary>
    public static void MailOn(IDictionary<string, string> settings, int port)
    {
        settings["mail:host"] = "127.0.0.1";
        settings["mail:port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["mail:tls"] = "none";
        settings["mail:from"] = "forewarn@programme.example";
        settings["mail:portalUrl"] = PortalUrl;
        settings["mail:sender"] = "off";
    }

    /// <summary>One pass of the server's mail sender; returns how many messages it claimed.</summary>
    protected Task<int> SendAsync() => F.Services.GetRequiredService<MailSender>().PassAsync(CancellationToken.None);

    /// <summary>A new active partner with a key of its own.</summary>
    protected static async Task<(Guid Id, string Key)> NewPartnerAsync(HttpClient staff, string name, string tier, string country)
    {
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = name, headquartersCountry = country, category = "antivirus-edr", tier,
            contract = new { ndaVersion = "2024.2", signedAt = "2026-01-01T00:00:00Z", expiresAt = "2028-01-01T00:00:00Z" },
        }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Application accepted" }, HttpStatusCode.OK);
        var key = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = id, name = "mail test key" }, HttpStatusCode.Created);
        return (Guid.Parse(id), (string)key["token"]!);
    }

    /// <summary>A portal user of a partner, put in the store as the account pages would leave it.</summary>
    protected async Task<Guid> NewUserAsync(Guid partner, string email, bool mailOff = false, bool disabled = false, string? publicKey = null,
        string? fingerprint = null)
    {
        var user = PortalUser.Create(email, "Partner Person", Forewarn.Domain.Accounts.PortalRole.PartnerUser, new PartnerId(partner), null, F.Clock.GetUtcNow());
        user.AdvisoryMailOff = mailOff;
        user.OpenPgpPublicKey = publicKey;
        user.OpenPgpFingerprint = fingerprint;
        if (disabled) user.DisabledAt = F.Clock.GetUtcNow();
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await F.InStoreAsync(async db =>
        {
            db.Users.Add(user);
            return await db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>An embargoed advisory with a marked description, published by a wave at <paramref name="waveAt"/>; returns the description's id.</summary>
    public static async Task<string> AdvisoryWithDescriptionAsync(HttpClient staff, string reference, DateTimeOffset waveAt, DateTimeOffset releaseAt)
    {
        await Releases.ScheduleAsync(staff, reference, releaseAt);
        var description = (string)(await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Technical description", @class = "description", tlp = "amber", text = TracingSamples.Advisory }, HttpStatusCode.Created))["id"]!;
        await staff.PostJson($"/api/v1/advisories/{reference}/waves", new { kind = "initial", at = waveAt, artifactIds = new[] { description } }, HttpStatusCode.Created);
        return description;
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs what the scheduler would: due waves and openings.</summary>
    protected async Task AnnounceAtAsync(DateTimeOffset at)
    {
        F.Clock.SetUtcNow(at);
        await F.Services.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(at, CancellationToken.None);
    }
}
