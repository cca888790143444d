using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Tracing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// When an advisory opens to a partner, each of its active users who has not turned advisory mail
/// off gets one notice by mail — and nobody else: no partner's user ever receives mail about an
/// advisory not open to that partner. A user with an OpenPGP key gets it encrypted (PGP/MIME), with
/// the partner's own marked copy of the description: GnuPG decrypts it, the copy is the API's copy
/// (same bytes, same SHA-256, recorded on channel "mail") and a trace names that partner alone.
/// Without a key the notice carries no embargoed text.
/// </summary>
public sealed class AdvisoryNoticeMailTests() : MailTestBase
{
    public sealed record NewUser(bool MailOff, bool Disabled);

    public sealed record NewPartner(string Tier, string Country, NewUser[] Users);

    private static readonly Gen<NewPartner> Partners =
        from tier in Gen.Elements("Trusted", "Validate", "Entry")
        from country in Gen.Elements("DE", "US", "CN", "GB", "JP")
        from users in Gen.ArrayOf(from off in Gen.Elements(false, false, true) from disabled in Gen.Elements(false, false, false, true) select new NewUser(off, disabled))
            .Where(u => u.Length is >= 1 and <= 3)
        select new NewPartner(tier, country, users);

    [Fact]
    public async Task Each_opted_in_user_of_a_partner_the_advisory_opens_to_gets_one_notice_when_it_opens_and_nobody_else_gets_any()
    {
        var staff = F.Staff();
        var keys = F.Credentials.Partners.ToDictionary(p => p.Id, p => p.ApiKey);
        var number = 0;
        foreach (var p in Gen.ArrayOf(Partners, 4).Sample(1).Single())
        {
            var (id, key) = await NewPartnerAsync(staff, $"Mail Partner {number} {p.Tier} {p.Country}", p.Tier, p.Country);
            keys[id] = key;
            var u = 0;
            foreach (var user in p.Users) await NewUserAsync(id, $"user{u++}@partner{number}.example", user.MailOff, user.Disabled);
            number++;
        }
        const string reference = "FW-2026-9701";
        var waveAt = ForewarnFactory.Start.AddHours(2);
        var releaseAt = ForewarnFactory.Start.AddDays(3);
        await AdvisoryWithDescriptionAsync(staff, reference, waveAt, releaseAt);

        // At the wave, then when it opens to partners whose lead time is shorter (Entry: a day before the release), and later still.
        foreach (var at in new[] { waveAt, releaseAt.AddDays(-1).AddMinutes(1), releaseAt.AddDays(-1).AddHours(12) })
        {
            await AnnounceAtAsync(at);
            while (await SendAsync() > 0) { }
            var expected = await OptedInUsersOfPartnersOpenAsync(keys, reference);
            // (The demo's own waves due meanwhile mail about its advisories: those are not this advisory's.)
            var received = Inbox.Messages.Where(m => (m.Message.Subject ?? "").Contains(reference, StringComparison.Ordinal)).SelectMany(m => m.Recipients).ToList();
            Assert.Equal(expected.Order(), received.Order()); // each once, and nobody else
        }
        Assert.NotEmpty(Inbox.Messages);
    }

    /// <summary>The addresses of the active users, with advisory mail on, of every partner whose own key sees something of the advisory open.</summary>
    private async Task<List<string>> OptedInUsersOfPartnersOpenAsync(Dictionary<Guid, string> keys, string reference)
    {
        var open = new HashSet<Guid>();
        foreach (var (partner, key) in keys)
        {
            var answer = await F.WithKey(key).GetAsync("/api/v1/me/advisories");
            if (answer.StatusCode != HttpStatusCode.OK) continue;
            var advisories = (await answer.Json(HttpStatusCode.OK)).AsArray();
            if (advisories.Any(a => (string?)a!["reference"] == reference && a["artifacts"]!.AsArray().Any(x => (bool)x!["open"]!))) open.Add(partner);
        }
        var users = await F.InStoreAsync(db => db.Users.AsNoTracking()
            .Where(u => u.PartnerId != null && u.DisabledAt == null && !u.AdvisoryMailOff)
            .Select(u => new { u.Email, u.PartnerId }).ToListAsync());
        return [.. users.Where(u => open.Contains(u.PartnerId!.Value.Value)).Select(u => u.Email!)];
    }

    [Fact]
    public async Task A_user_with_a_key_gets_the_notice_encrypted_with_the_partners_own_copy_which_gnupg_decrypts_and_which_traces_to_that_partner_alone()
    {
        await using var gpg = new GnuPg();
        var (publicKey, fingerprint) = await gpg.NewKeyAsync("keyed@harbour.example");
        var staff = F.Staff();
        var (partner, key) = await NewPartnerAsync(staff, "Harbour Detection AG", "Trusted", "DE");
        var keyed = await NewUserAsync(partner, "keyed@harbour.example", publicKey: publicKey, fingerprint: fingerprint);
        await NewUserAsync(partner, "plain@harbour.example");
        const string reference = "FW-2026-9702";
        var waveAt = ForewarnFactory.Start.AddHours(2);
        var description = await AdvisoryWithDescriptionAsync(staff, reference, waveAt, ForewarnFactory.Start.AddDays(3));
        await AnnounceAtAsync(waveAt);
        while (await SendAsync() > 0) { }

        // (The demo's own waves due meanwhile open its advisories to Harbour too: those mails are not this advisory's.)
        var about = Inbox.Messages.Where(m => (m.Message.Subject ?? "").Contains(reference, StringComparison.Ordinal)).ToList();
        var encrypted = about.Single(m => m.Recipients.SequenceEqual(["keyed@harbour.example"])).Message;
        var plain = about.Single(m => m.Recipients.SequenceEqual(["plain@harbour.example"])).Message;

        // RFC 3156: multipart/encrypted, protocol application/pgp-encrypted, a version part, then the armoured message.
        var body = Assert.IsAssignableFrom<Multipart>(encrypted.Body);
        Assert.Equal("multipart/encrypted", body.ContentType.MimeType);
        Assert.Equal("application/pgp-encrypted", body.ContentType.Parameters["protocol"]);
        Assert.Equal(2, body.Count);
        Assert.Equal("application/pgp-encrypted", body[0].ContentType.MimeType);
        var armoured = new MemoryStream();
        await ((MimePart)body[1]).Content!.DecodeToAsync(armoured);
        Assert.StartsWith("-----BEGIN PGP MESSAGE-----", Encoding.ASCII.GetString(armoured.ToArray()), StringComparison.Ordinal);
        var inner = await MimeEntity.LoadAsync(new MemoryStream(await gpg.DecryptAsync(armoured.ToArray())));
        var text = Normal(Assert.IsType<TextPart>(inner).Text);
        Assert.Contains(reference, text, StringComparison.Ordinal);

        // The description in it is the partner's API copy, byte for byte once line ends are read the same way.
        var download = await F.WithKey(key).GetAsync($"/api/v1/me/artifacts/{description}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var apiCopy = await download.Content.ReadAsStringAsync();
        var sha = download.Headers.GetValues("X-Forewarn-Copy-Sha256").Single();
        Assert.Contains(Normal(apiCopy).TrimEnd(), text, StringComparison.Ordinal);
        Assert.NotEqual(Normal(TracingSamples.Advisory).TrimEnd(), Normal(apiCopy).TrimEnd()); // a marked copy, not the original

        // Recorded on channel "mail", with the API copy's SHA-256, naming the user by id and never by address.
        var records = (await staff.GetJson($"/api/v1/access-records?partner={partner}&artifact={description}")).AsArray();
        var mailed = Assert.Single(records, r => (string?)r!["channel"] == "mail")!;
        Assert.Equal(sha, (string?)mailed["copySha256"]);
        Assert.DoesNotContain("harbour.example", records.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // The decrypted mail traces to Harbour alone.
        var trace = await staff.PostJson("/api/v1/trace", new { artifactId = description, leaked = text }, HttpStatusCode.OK);
        Assert.Equal(partner, (Guid)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]!);

        // Without a key: reference, severity, times and the portal link — and no line of the description.
        Assert.Equal("text/plain", plain.Body!.ContentType.MimeType);
        Assert.Contains($"{PortalUrl}/portal/advisories/", plain.TextBody, StringComparison.Ordinal);
        foreach (var line in Normal(apiCopy).Split('\n').Concat(Normal(TracingSamples.Advisory).Split('\n')).Select(l => l.Trim()).Where(l => l.Length >= 30))
            Assert.DoesNotContain(line, Normal(plain.TextBody ?? ""), StringComparison.Ordinal);
        Assert.All(await F.InStoreAsync(db => db.MailMessages.AsNoTracking().Where(m => m.Encrypted).Select(m => m.UserId!.Value).ToListAsync()),
            u => Assert.Equal(keyed, u));
        Assert.All(await F.InStoreAsync(db => db.MailMessages.AsNoTracking().ToListAsync()), m => Assert.Equal(DeliveryState.Delivered, m.State));
    }

    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
