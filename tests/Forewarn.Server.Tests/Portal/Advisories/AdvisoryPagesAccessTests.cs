using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Advisories;

/// <summary>
/// Who may do what on the staff advisory pages: staff:read sees them, only staff:write posts their
/// forms (an analyst gets 404, as for an unknown page), a partner's user finds none of them, and a
/// post without its anti-forgery token is refused. The CSAF preview carries the validator's verdict.
/// </summary>
public sealed class AdvisoryPagesAccessTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static string[] Pages(string reference) =>
    [
        "/portal/staff/advisories", "/portal/staff/advisories/new", $"/portal/staff/advisories/{reference}",
        $"/portal/staff/advisories/{reference}/edit", $"/portal/staff/advisories/{reference}/artifacts",
        $"/portal/staff/advisories/{reference}/waves", $"/portal/staff/advisories/{reference}/waves/1/deliveries",
        $"/portal/staff/advisories/{reference}/csaf",
    ];

    private static string[] Forms(string reference) =>
    [
        "/portal/staff/advisories/new", "/portal/staff/advisories/new?handler=Check",
        $"/portal/staff/advisories/{reference}/edit", $"/portal/staff/advisories/{reference}/edit?handler=Check",
        $"/portal/staff/advisories/{reference}?handler=Schedule", $"/portal/staff/advisories/{reference}?handler=Move",
        $"/portal/staff/advisories/{reference}/artifacts",
        $"/portal/staff/advisories/{reference}/waves?handler=Plan", $"/portal/staff/advisories/{reference}/waves?handler=Cancel&number=1",
    ];

    [Fact]
    public async Task Staff_admin_sees_every_page_and_the_nav_links_to_the_advisories()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var ines = await StaffPortal.InesAsync(_f);
        foreach (var page in Pages(reference))
        {
            var (r, html) = await ines.GetAsync(page);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{page}: {(int)r.StatusCode}");
            Assert.Contains("<a href=\"/portal/staff/advisories\">Advisories</a>", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync("/portal/staff/advisories/FW-1999-0001")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync("/portal/staff/advisories/FW-1999-0001/csaf")).Response.StatusCode);
    }

    [Fact]
    public async Task A_staff_analyst_reads_the_pages_but_gets_404_on_every_form_and_changes_nothing()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var analyst = await StaffPortal.AnalystAsync(_f);
        var (list, listPage) = await analyst.GetAsync("/portal/staff/advisories");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("New advisory", listPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/portal/staff/advisories/new")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/portal/staff/advisories/{reference}/edit")).Response.StatusCode);
        var (_, waves) = await analyst.GetAsync($"/portal/staff/advisories/{reference}/waves");
        Assert.DoesNotContain("Plan the wave", waves, StringComparison.Ordinal);

        // A valid token of the analyst's own session (the sign-out page's form carries one).
        var token = StaffPortal.TokenOf((await analyst.GetAsync("/portal/sign-out")).Html);
        var advisories = await _f.InStoreAsync(db => db.Advisories.CountAsync());
        var entries = await StaffPortal.ChangesLoggedAsync(_f);
        foreach (var form in Forms(reference))
        {
            var (r, _) = await analyst.PostAsync(form, ("Input.Reference", "FW-2026-0960"), ("Input.Title", "Nope"), ("Input.ReleaseAt", "2026-12-30T17:00"),
                ("Input.CvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), ("Release.ReleaseAt", "2026-12-30T17:00"), ("Release.Reason", "No"),
                ("__RequestVerificationToken", token));
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{form}: {(int)r.StatusCode}");
        }
        Assert.Equal(advisories, await _f.InStoreAsync(db => db.Advisories.CountAsync()));
        Assert.Equal(entries, await StaffPortal.ChangesLoggedAsync(_f));
    }

    [Fact]
    public async Task A_partners_user_finds_none_of_the_pages()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var corvid = await StaffPortal.PartnerUserAsync(_f);
        var (home, homePage) = await corvid.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("/portal/staff/advisories", homePage, StringComparison.Ordinal);
        foreach (var page in Pages(reference))
            Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync(page)).Response.StatusCode);
        var token = StaffPortal.TokenOf((await corvid.GetAsync("/portal/sign-out")).Html);
        foreach (var form in Forms(reference))
            Assert.Equal(HttpStatusCode.NotFound, (await corvid.PostAsync(form, ("__RequestVerificationToken", token))).Response.StatusCode);
    }

    [Fact]
    public async Task A_forged_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var ines = await StaffPortal.InesAsync(_f);
        var (r, _) = await ines.PostAsync("/portal/staff/advisories/new", ("Input.Reference", "FW-2026-0961"), ("Input.Title", "Forged"),
            ("Input.ReleaseAt", "2026-12-30T17:00"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.False(await _f.InStoreAsync(db => db.Advisories.AnyAsync(a => a.Reference == "FW-2026-0961")));
    }

    [Fact]
    public async Task The_csaf_preview_shows_the_apis_document_and_the_validators_verdict()
    {
        var staff = _f.Staff();
        var ines = await StaffPortal.InesAsync(_f);
        foreach (var reference in new[] { DemoFacts.EmbargoReference(_f), DemoFacts.Replay })
        {
            var document = await (await staff.GetAsync($"/api/v1/advisories/{reference}/csaf")).Content.ReadAsStringAsync();
            var verdict = await (await staff.PostAsync("/api/v1/csaf/validate",
                new StringContent(document, System.Text.Encoding.UTF8, "application/json"))).Json(HttpStatusCode.OK);
            var (r, html) = await ines.GetAsync($"/portal/staff/advisories/{reference}/csaf");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var shown = WebUtility.HtmlDecode(html);
            if ((bool)verdict["valid"]!)
                Assert.Contains("Passed: the JSON schema and the mandatory tests", StaffPortal.Beside(html, "csaf-verdict"), StringComparison.Ordinal);
            else
                foreach (var failure in verdict["failures"]!.AsArray()) Assert.Contains((string)failure!["message"]!, shown, StringComparison.Ordinal);
            var tracking = System.Text.Json.Nodes.JsonNode.Parse(document)!["document"]!["tracking"]!["id"]!.GetValue<string>();
            Assert.Contains($"\"id\": \"{tracking}\"", shown, StringComparison.Ordinal);
            Assert.Contains("<pre class=\"json\"", html, StringComparison.Ordinal);
        }
    }
}
