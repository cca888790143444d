using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Staff;

namespace Forewarn.Server.Tests.Portal.Keys;

/// <summary>
/// A partner admin's keys page: a key issued there is the one the API lists, its token is shown
/// once and works, revoking it refuses it at once, and every refusal changes nothing.
/// </summary>
public sealed partial class KeysPageTests
{
    [Fact]
    public async Task A_key_issued_on_the_page_is_listed_by_the_API_works_once_shown_and_is_refused_at_once_when_revoked()
    {
        await using var f = new ForewarnFactory();
        var visitor = await BastionAdmin.SignInAsync(f);
        var bastion = f.Partner(DemoFacts.Trusted);
        var user = await BastionAdmin.UserNameAsync(f);

        var (issued, html) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue",
            ("Issue.Name", "SIEM poller"), ("Issue.Scopes", "partner:read"), ("Issue.Scopes", "partner:acknowledge"));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        Assert.StartsWith("fw_", token, StringComparison.Ordinal);
        Assert.Contains("will not be shown again", html, StringComparison.Ordinal);

        // The API lists it with the scopes asked for, issued by the user (by id), expiring in a year as staff keys do.
        var listed = (await bastion.GetJson("/api/v1/me/keys")).AsArray().Single(k => (string?)k!["name"] == "SIEM poller")!;
        Assert.Equal(["partner:read", "partner:acknowledge"], listed["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(user, (string?)listed["issuedBy"]);
        Assert.Equal(ForewarnFactory.Start.AddDays(365), (DateTimeOffset)listed["expiresAt"]!);
        Assert.Null(listed["revokedAt"]);
        Assert.DoesNotContain("secret", listed.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // The token works for a partner endpoint, within its scopes only.
        var holder = BastionAdmin.WithToken(f, token);
        await holder.GetJson("/api/v1/me/advisories");
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.GetAsync("/api/v1/me/webhooks")).StatusCode);
        // Shown once: the page does not show it again.
        Assert.DoesNotContain(token, (await visitor.GetAsync("/portal/keys")).Html, StringComparison.Ordinal);

        var issuedEntry = (await BastionAdmin.EntriesAsync(f, "key.issued")).Single(e => (string?)e!["entry"]!["key"] == (string?)listed["id"])!;
        Assert.Equal(user, (string?)issuedEntry["entry"]!["actor"]);
        Assert.DoesNotContain("@", issuedEntry.ToJsonString(), StringComparison.Ordinal);

        var (revoked, _) = await visitor.SubmitAsync("/portal/keys", $"/portal/keys?handler=Revoke&key={listed["id"]}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await holder.GetAsync("/api/v1/me/advisories")).StatusCode);
        var revokedEntry = (await BastionAdmin.EntriesAsync(f, "key.revoked")).Single(e => (string?)e!["entry"]!["key"] == (string?)listed["id"])!;
        Assert.Equal(user, (string?)revokedEntry["entry"]!["actor"]);
        Assert.Contains("Revoked: the key is refused from now on.", (await visitor.GetAsync("/portal/keys?done=revoked")).Html, StringComparison.Ordinal);
        Assert.NotNull((await bastion.GetJson("/api/v1/me/keys")).AsArray().Single(k => (string?)k!["id"] == (string?)listed["id"])!["revokedAt"]);
    }

    [Theory]
    [InlineData("partner:webhooks", "administrative scope")]
    [InlineData("staff:write", "A partner key cannot have scope staff:write")]
    [InlineData("partner:everything", "A partner key cannot have scope partner:everything")]
    public async Task A_scope_the_admin_may_not_grant_is_refused_beside_the_field_and_nothing_is_stored(string scope, string sentence)
    {
        await using var f = new ForewarnFactory();
        var visitor = await BastionAdmin.SignInAsync(f);
        var before = await BastionAdmin.KeyCountAsync(f);

        var (refused, html) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue",
            ("Issue.Name", "Too much"), ("Issue.Scopes", "partner:read"), ("Issue.Scopes", scope));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches($"id=\"scopes-error\"[^>]*>[^<]*{Regex.Escape(sentence)}", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-token\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await BastionAdmin.KeyCountAsync(f));
    }

    [Fact]
    public async Task Bad_input_is_shown_beside_its_field_and_a_forged_post_is_refused_all_changing_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await BastionAdmin.SignInAsync(f);
        var before = await BastionAdmin.KeyCountAsync(f);

        var (_, noName) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue", ("Issue.Name", ""), ("Issue.Scopes", "partner:read"));
        Assert.Matches("id=\"name-error\"[^>]*>Name the key", noName);
        var (_, noScope) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue", ("Issue.Name", "Nothing"));
        Assert.Matches("id=\"scopes-error\"[^>]*>Choose at least one scope", noScope);
        var (_, past) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue",
            ("Issue.Name", "Old"), ("Issue.Scopes", "partner:read"), ("Issue.ExpiresOn", "2026-11-01"));
        Assert.Matches("id=\"expires-error\"[^>]*>A key must expire in the future", past);
        var (_, far) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue",
            ("Issue.Name", "Forever"), ("Issue.Scopes", "partner:read"), ("Issue.ExpiresOn", "2040-01-01"));
        Assert.Matches("id=\"expires-error\"[^>]*>A key may live at most five years", far);
        var (_, garbage) = await visitor.SubmitAsync("/portal/keys", "/portal/keys?handler=Issue",
            ("Issue.Name", "Garbled"), ("Issue.Scopes", "partner:read"), ("Issue.ExpiresOn", "soon"));
        Assert.Matches("id=\"expires-error\"[^>]*>[^<]+", garbage);

        var (forged, _) = await visitor.PostAsync("/portal/keys?handler=Issue", ("Issue.Name", "Forged"), ("Issue.Scopes", "partner:read"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var someKey = (await f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/keys")).AsArray()[0]!["id"];
        var (forgedRevoke, _) = await visitor.PostAsync($"/portal/keys?handler=Revoke&key={someKey}");
        Assert.Equal(HttpStatusCode.BadRequest, forgedRevoke.StatusCode);
        Assert.Equal(before, await BastionAdmin.KeyCountAsync(f));
        Assert.Null((await f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/keys")).AsArray()[0]!["revokedAt"]);
    }

    [Fact]
    public async Task Another_partners_key_a_staff_key_and_an_unknown_one_are_not_found_and_users_without_the_admin_scope_find_no_page()
    {
        await using var f = new ForewarnFactory();
        var visitor = await BastionAdmin.SignInAsync(f);
        var staff = f.Staff();
        var corvidKey = (await staff.GetJson($"/api/v1/keys?partner={f.PartnerInfo(DemoFacts.Validate).Id}")).AsArray()[0]!["id"]!.ToString();
        var staffKey = (await staff.GetJson("/api/v1/keys")).AsArray().First(k => (string?)k!["owner"] == "staff")!["id"]!.ToString();

        foreach (var id in new[] { corvidKey, staffKey, Guid.NewGuid().ToString() })
        {
            var (r, _) = await visitor.SubmitAsync("/portal/keys", $"/portal/keys?handler=Revoke&key={id}");
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        // Corvid's key still works.
        await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/advisories");
        var listed = (await visitor.GetAsync("/portal/keys")).Html;
        Assert.DoesNotContain(corvidKey, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(staffKey, listed, StringComparison.Ordinal);

        var corvid = await StaffVisitors.CorvidUserAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/keys")).Response.StatusCode);
        Assert.DoesNotContain("/portal/keys", (await corvid.GetAsync("/portal")).Html, StringComparison.Ordinal);
        var ines = await StaffVisitors.InesAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync("/portal/keys")).Response.StatusCode);
        Assert.Contains("href=\"/portal/keys\"", (await visitor.GetAsync("/portal")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"new-token\">([^<]+)<")]
    private static partial Regex Token();
}
