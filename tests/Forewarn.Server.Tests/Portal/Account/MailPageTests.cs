using System.Net;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Account.OpenPgp;
using Forewarn.Server.Tests.Portal.Investigations;
using Forewarn.Server.Tests.Portal.Staff;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Forewarn.Storage.Accounts;
using Forewarn.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Account;

/// <summary>
/// The mail settings page (/portal/account/mail): a person gives, replaces and removes their OpenPGP key
/// and a partner's user turns advisory notices off; a refused key is said beside the field and nothing is
/// stored; every change is a log entry naming the user by id; staff see key and notices on the people page.
/// </summary>
public sealed class MailPageTests(GnuPgKeyring keys) : IClassFixture<GnuPgKeyring>
{
    private const string Page = "/portal/account/mail";

    [GnuPgFact]
    public async Task A_partner_user_gives_a_key_by_pasting_and_by_file_and_removes_it_each_change_logged()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, visitor, "partner-user");
        Assert.Contains("You have given no OpenPGP key", (await visitor.GetAsync(Page)).Html, StringComparison.Ordinal);

        var first = keys.Key("Corvid analyst", corvid.Email, "ed25519", "cv25519", "1y", "1y");
        var (saved, html) = await visitor.SubmitAsync(Page, Page + "?handler=Key", ("NewKey.Text", keys.Export(first)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains($"Your key {Fingerprints.Grouped(first)} is saved.", html, StringComparison.Ordinal);
        Assert.Equal(Fingerprints.Grouped(first), StaffVisitors.TextOf(html, "openpgp-fingerprint"));
        Assert.StartsWith(DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-", System.Globalization.CultureInfo.InvariantCulture),
            StaffVisitors.TextOf(html, "openpgp-expires"), StringComparison.Ordinal);
        var user = await UserAsync(f, corvid.Email);
        Assert.Equal(first, user.OpenPgpFingerprint);
        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", user.OpenPgpPublicKey, StringComparison.Ordinal);
        var set = Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalOpenPgpKeySet));
        Assert.Equal(user.Id.ToString(), (string)set["entry"]!["user"]!);
        Assert.Equal(PortalPrincipal.NameOf(user.Id), (string)set["entry"]!["actor"]!);
        Assert.DoesNotContain("corvid.example", set.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first, set.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // A key file (the same 'gpg --armor --export' output, uploaded) replaces it.
        var second = keys.Key("Corvid analyst, new laptop", corvid.Email, "rsa3072", "rsa3072");
        var (uploaded, uploadedHtml) = await Investigators.UploadAsync(visitor, Page, Page + "?handler=Key", [], "NewKey.File", "analyst.asc",
            "application/pgp-keys", System.Text.Encoding.ASCII.GetBytes(keys.Export(second)));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(Fingerprints.Grouped(second), StaffVisitors.TextOf(uploadedHtml, "openpgp-fingerprint"));
        Assert.Equal("it does not expire", StaffVisitors.TextOf(uploadedHtml, "openpgp-expires"));
        Assert.Equal(second, (await UserAsync(f, corvid.Email)).OpenPgpFingerprint);
        Assert.Equal(2, (await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalOpenPgpKeySet)).Count);

        var (removed, removedHtml) = await visitor.SubmitAsync(Page, Page + "?handler=RemoveKey");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("Your key is removed.", removedHtml, StringComparison.Ordinal);
        var after = await UserAsync(f, corvid.Email);
        Assert.Null(after.OpenPgpPublicKey);
        Assert.Null(after.OpenPgpFingerprint);
        Assert.Equal(user.Id.ToString(), (string)Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalOpenPgpKeyRemoved))["entry"]!["user"]!);
    }

    [GnuPgFact]
    public async Task A_refused_key_is_said_beside_the_field_and_nothing_is_stored_or_logged()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, visitor, "partner-user");
        var fingerprint = keys.Key("Corvid analyst", corvid.Email, "ed25519", "cv25519");
        var weak = keys.Key("Corvid old", corvid.Email, "rsa1024", "rsa1024");

        foreach (var (text, sentence) in new[]
        {
            (keys.ExportSecret(fingerprint), "This is a secret (private) key. It was not stored"),
            ("not a key at all", "This is not an ASCII-armored OpenPGP public key"),
            (keys.Export(weak), "The key's primary key is RSA 1024, which is not accepted."),
            (keys.Export(fingerprint, weak), "This holds 2 keys."),
        })
        {
            var (answer, html) = await visitor.SubmitAsync(Page, Page + "?handler=Key", ("NewKey.Text", text));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.StartsWith(sentence, StaffVisitors.ErrorBeside(html, "key-error"), StringComparison.Ordinal);
            Assert.Contains("You have given no OpenPGP key", html, StringComparison.Ordinal);
            // The secret key is not echoed back into the form either.
            Assert.DoesNotContain("PRIVATE KEY BLOCK", html, StringComparison.Ordinal);
        }
        var user = await UserAsync(f, corvid.Email);
        Assert.Null(user.OpenPgpPublicKey);
        Assert.Null(user.OpenPgpFingerprint);
        Assert.Empty(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalOpenPgpKeySet));

        // A forged post (no anti-forgery token) changes nothing either.
        var (forged, _) = await visitor.PostAsync(Page + "?handler=Key", ("NewKey.Text", keys.Export(fingerprint)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await UserAsync(f, corvid.Email)).OpenPgpFingerprint);
    }

    [Fact]
    public async Task A_partner_user_turns_advisory_notices_off_and_staff_see_it_on_the_people_page_and_in_the_api()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, visitor, "partner-user");
        Assert.Matches("<input(?=[^>]*type=\"checkbox\")(?=[^>]*name=\"Notices\")(?=[^>]*checked)", (await visitor.GetAsync(Page)).Html);

        // An unticked checkbox posts only the hidden "false".
        var (off, html) = await visitor.SubmitAsync(Page, Page + "?handler=AdvisoryMail", ("Notices", "false"));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("Advisory notices will no longer be mailed to you.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<input(?=[^>]*type=\"checkbox\")(?=[^>]*name=\"Notices\")(?=[^>]*checked)", html);
        var user = await UserAsync(f, corvid.Email);
        Assert.True(user.AdvisoryMailOff);
        var entry = Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalAdvisoryMailChanged));
        Assert.Equal("off", (string)entry["entry"]!["advisory_mail"]!);
        Assert.Equal(user.Id.ToString(), (string)entry["entry"]!["user"]!);
        Assert.DoesNotContain("corvid.example", entry.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // The same again changes nothing and logs nothing.
        var (_, same) = await visitor.SubmitAsync(Page, Page + "?handler=AdvisoryMail", ("Notices", "false"));
        Assert.Contains("Nothing changed.", same, StringComparison.Ordinal);
        Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalAdvisoryMailChanged));

        var staff = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, staff, "staff-admin");
        var people = (await staff.GetAsync("/portal/people")).Html;
        var row = people[people.IndexOf($"id=\"user-{user.Id}\"", StringComparison.Ordinal)..].Split("</tr>")[0];
        Assert.Contains("no OpenPGP key", row, StringComparison.Ordinal);
        Assert.Contains("notices off", row, StringComparison.Ordinal);
        var listed = (await f.Staff().GetJson("/api/v1/portal-users")).AsArray().Single(u => (string)u!["id"]! == user.Id.ToString())!;
        Assert.False((bool)listed["advisoryMail"]!);
        Assert.Null(listed["openPgpFingerprint"]);

        var (on, onHtml) = await visitor.SubmitAsync(Page, Page + "?handler=AdvisoryMail", ("Notices", "true"), ("Notices", "false"));
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Contains("Advisory notices will be mailed to you.", onHtml, StringComparison.Ordinal);
        Assert.False((await UserAsync(f, corvid.Email)).AdvisoryMailOff);
    }

    [Fact]
    public async Task Staff_have_no_notices_to_turn_off()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, visitor, "staff-admin");
        var (page, html) = await visitor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your OpenPGP key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Advisory notices", html, StringComparison.Ordinal);
        var (refused, _) = await visitor.SubmitAsync(Page, Page + "?handler=AdvisoryMail", ("Notices", "false"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Empty(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalAdvisoryMailChanged));
        // The account page links here and says where things stand.
        Assert.Contains("You have given no OpenPGP key", (await visitor.GetAsync("/portal/account")).Html, StringComparison.Ordinal);
    }

    private static Task<PortalUser> UserAsync(ForewarnFactory f, string email) =>
        f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
}
