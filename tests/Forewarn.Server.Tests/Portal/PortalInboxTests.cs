using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal;

/// <summary>
/// The portal's inbox shows a partner's user exactly what the API shows that partner's key: the
/// same advisories, the same items with the same explanations, and nothing else; to staff it does not exist.
/// </summary>
public sealed class PortalInboxTests
{
    [Fact]
    public async Task A_partner_users_inbox_lists_what_the_api_lists_for_the_partner_and_nothing_more()
    {
        await using var f = new ForewarnFactory();
        // An advisory under embargo with no wave yet: no partner may know of it.
        await f.Staff().PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-0900", title = "Secret flaw in Widget", summary = "A flaw", cveIds = new[] { "CVE-2026-1900" },
            products = new[] { "Widget 1" }, releaseAt = ForewarnFactory.Start.AddDays(10),
        }, HttpStatusCode.Created);
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(corvid.Email, corvid.Password);
        var (page, html) = await visitor.GetAsync("/portal/inbox");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var api = (await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/advisories")).AsArray();
        Assert.NotEmpty(api);
        var shown = WebUtility.HtmlDecode(html);
        foreach (var advisory in api)
        {
            Assert.Contains((string)advisory!["reference"]!, shown, StringComparison.Ordinal);
            foreach (var artifact in advisory["artifacts"]!.AsArray())
                Assert.Contains((string)artifact!["explanation"]!, shown, StringComparison.Ordinal);
        }
        Assert.Equal(api.Count, System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"advisory\"").Count);
        // Each item's TLP as the API spells it ("TLP:AMBER"), once.
        foreach (var tlp in api.SelectMany(a => a!["artifacts"]!.AsArray()).Select(a => (string)a!["tlp"]!).Distinct())
            Assert.Contains($", {tlp})", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("TLP:TLP", shown, StringComparison.Ordinal);
        // What the staff see but the API does not show Corvid is not on Corvid's page.
        Assert.DoesNotContain(api, a => (string)a!["reference"]! == "FW-2026-0900");
        Assert.DoesNotContain("FW-2026-0900", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret flaw", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task To_a_staff_user_the_inbox_is_not_found()
    {
        await using var f = new ForewarnFactory();
        var ines = f.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(ines.Email, ines.Password);
        await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/portal/inbox")).Response.StatusCode);
    }
}
