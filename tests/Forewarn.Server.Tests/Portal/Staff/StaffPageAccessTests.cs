using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>
/// The staff pages are allowed exactly as their API endpoints are for the role's scopes: a partner's user
/// finds none of them, an analyst (read + investigate) reads and investigates but cannot change, and no
/// form is taken without its anti-forgery token.
/// </summary>
public sealed class StaffPageAccessTests
{
    [Fact]
    public async Task A_partner_user_gets_404_on_every_staff_page()
    {
        await using var f = new ForewarnFactory();
        var corvid = await StaffVisitors.CorvidUserAsync(f);
        var partner = f.PartnerInfo(DemoFacts.Validate).Id;
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        string[] more =
        [
            $"/portal/staff/partners/{partner}", $"/portal/staff/partners/{partner}/status", $"/portal/staff/partners/{partner}/tier",
            $"/portal/staff/partners/{partner}/details", $"/portal/staff/cases/{reference}", $"/portal/staff/cases/{reference}/note",
            $"/portal/staff/cases/{reference}/decide", $"/portal/staff/cases/{reference}/report.html",
        ];
        foreach (var page in StaffVisitors.Pages.Concat(more))
            Assert.True(HttpStatusCode.NotFound == (await corvid.GetAsync(page)).Response.StatusCode, $"{page} is not 404 for a partner's user");
        Assert.DoesNotContain("/portal/staff", (await corvid.GetAsync("/portal")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_reads_and_investigates_but_cannot_post_a_change()
    {
        await using var f = new ForewarnFactory();
        var analyst = await StaffVisitors.InvitedStaffAsync(f, "staff-analyst");
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        foreach (var page in StaffVisitors.Pages.Append($"/portal/staff/cases/{reference}"))
            Assert.True(HttpStatusCode.OK == (await analyst.GetAsync(page)).Response.StatusCode, $"{page} is not shown to an analyst");

        // The form is not there for them, and a post with a real token (Ines's page's) is refused as not found.
        var status = $"/portal/staff/partners/{corvid}/status";
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(status)).Response.StatusCode);
        var (_, form) = await analyst.GetAsync($"/portal/staff/partners/{corvid}");
        Assert.DoesNotContain("/status\"", form, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match((await analyst.GetAsync("/portal/staff/partners")).Html, "value=\"(CfDJ[^\"]+)\"").Groups[1].Value;
        var (posted, _) = await analyst.PostAsync(status, ("Input.Status", "suspended"), ("Input.Reason", "No"), ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/portal/staff/cases/{reference}/note")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/portal/staff/cases/{reference}/decide")).Response.StatusCode);
        Assert.Equal("active", (string)(await f.Staff().GetJson($"/api/v1/partners/{corvid}"))["status"]!);
        Assert.Equal(HttpStatusCode.OK, (await ines.GetAsync(status)).Response.StatusCode);
    }

    [Fact]
    public async Task A_publisher_changes_partners_but_finds_no_investigation_page()
    {
        await using var f = new ForewarnFactory();
        var publisher = await StaffVisitors.InvitedStaffAsync(f, "staff-publisher");
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        foreach (var page in new[] { "/portal/staff/cases", $"/portal/staff/cases/{reference}", "/portal/staff/exposure", $"/portal/staff/cases/{reference}/report.html" })
            Assert.True(HttpStatusCode.NotFound == (await publisher.GetAsync(page)).Response.StatusCode, $"{page} is shown to a publisher");
        var (dashboard, html) = await publisher.GetAsync("/portal/staff");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("id=\"signal-count\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Open cases", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync($"/portal/staff/partners/{f.PartnerInfo(DemoFacts.Validate).Id}/status")).Response.StatusCode);
    }

    [Fact]
    public async Task A_forged_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        var (status, _) = await ines.PostAsync($"/portal/staff/partners/{corvid}/status", ("Input.Status", "suspended"), ("Input.Reason", "Forged"));
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        var (note, _) = await ines.PostAsync($"/portal/staff/cases/{reference}/note", ("Input.Text", "Forged"));
        Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
        Assert.Equal("active", (string)(await f.Staff().GetJson($"/api/v1/partners/{corvid}"))["status"]!);
        Assert.DoesNotContain("Forged", (await f.Staff().GetJson($"/api/v1/cases/{reference}")).ToJsonString(), StringComparison.Ordinal);
    }
}
