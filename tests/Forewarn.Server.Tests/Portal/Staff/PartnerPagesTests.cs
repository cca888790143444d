using System.Net.Http.Json;
using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>
/// The partner pages show what the partners API shows and change partners through the same service:
/// the same transitions, the same log entry, four eyes on removal, a stale form refused by the partner's revision.
/// </summary>
public sealed class PartnerPagesTests
{
    [Fact]
    public async Task The_list_filters_by_status_tier_and_country_as_the_api_lists()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var suspended = (await f.Staff().GetJson("/api/v1/partners?status=suspended")).AsArray().Select(p => (string)p!["legalName"]!).ToList();
        Assert.NotEmpty(suspended);
        var (page, html) = await ines.GetAsync("/portal/staff/partners?status=suspended");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var shown = WebUtility.HtmlDecode(html);
        Assert.Equal($"{suspended.Count} partner{(suspended.Count == 1 ? "" : "s")}.", StaffVisitors.TextOf(html, "partner-count"));
        foreach (var name in suspended) Assert.Contains(name, shown, StringComparison.Ordinal);

        var all = (await f.Staff().GetJson("/api/v1/partners")).AsArray();
        var trustedInDe = all.Where(p => (string)p!["tier"]! == "Trusted" && (string)p["headquartersCountry"]! == "DE").ToList();
        var (_, filtered) = await ines.GetAsync("/portal/staff/partners?tier=Trusted&country=de");
        Assert.Contains(trustedInDe, p => WebUtility.HtmlDecode(filtered).Contains((string)p!["legalName"]!, StringComparison.Ordinal));
        Assert.DoesNotContain("Corvid", filtered, StringComparison.Ordinal); // Validate tier, US

        // A status that does not exist: said beside the field, nothing listed.
        var (bad, badHtml) = await ines.GetAsync("/portal/staff/partners?status=dormant");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("not a partner status", StaffVisitors.ErrorBeside(badHtml, "status-error"), StringComparison.Ordinal);
        Assert.Equal("0 partners.", StaffVisitors.TextOf(badHtml, "partner-count"));
    }

    [Fact]
    public async Task A_status_change_through_the_page_changes_the_partner_and_writes_the_entry_the_api_writes()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var emberline = f.PartnerInfo(DemoFacts.Entry).Id;

        var (done, _) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/status", ("Input.Status", "probation"), ("Input.Reason", "Late acknowledgements"), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/status")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/portal/staff/partners/{corvid}?done=status", done.Headers.Location!.OriginalString);
        var staff = f.Staff();
        Assert.Equal("probation", (string)(await staff.GetJson($"/api/v1/partners/{corvid}"))["status"]!);
        var (shown, html) = await ines.GetAsync(done.Headers.Location!.OriginalString);
        Assert.Equal("probation", StaffVisitors.TextOf(html, "partner-status"));
        Assert.Contains("Late acknowledgements", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        await staff.PostJson($"/api/v1/partners/{emberline}/status", new { status = "probation", reason = "Late acknowledgements" }, HttpStatusCode.OK);
        var byPage = await LogEntries.SingleAsync(staff, LogKinds.PartnerChanged, "partner", corvid.ToString());
        var byApi = (await LogEntries.OfKindAsync(staff, LogKinds.PartnerChanged)).Single(e => (string?)e["entry"]!["partner"] == emberline.ToString()
                                                                                           && (string?)e["entry"]!["change"] == "status");
        var page = byPage["entry"]!.AsObject();
        var api = byApi["entry"]!.AsObject();
        // The same fields, but for the key id: a person in the portal signs with no API key.
        Assert.Equal(api.Select(kv => kv.Key).Where(k => k != "actor_key").Order(), page.Select(kv => kv.Key).Order());
        Assert.Equal("status", (string)page["change"]!);
        Assert.Equal(api["changes"]!.ToJsonString(), page["changes"]!.ToJsonString());
        Assert.Equal((string)api["reason"]!, (string)page["reason"]!);
        // The portal names the person by id, never by e-mail.
        Assert.Contains("portal-user:", page.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@", page.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_shown_beside_the_field_and_changes_nothing()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var tidewater = f.PartnerInfo(DemoFacts.Suspended).Id;
        var staff = f.Staff();
        var before = (await staff.GetJson($"/api/v1/partners/{corvid}")).ToJsonString();
        var entries = (await LogEntries.OfKindAsync(staff, LogKinds.PartnerChanged)).Count;

        var (noReason, html) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/status", ("Input.Status", "suspended"), ("Input.Reason", ""), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/status")));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason", StaffVisitors.ErrorBeside(html, "reason-error"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);

        // The service's refusal (applicant is not reachable from active) lands beside the status field.
        var (illegal, illegalHtml) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/status", ("Input.Status", "applicant"), ("Input.Reason", "Because"), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/status")));
        Assert.Equal(HttpStatusCode.OK, illegal.StatusCode);
        Assert.Contains("cannot move from active to applicant", StaffVisitors.ErrorBeside(illegalHtml, "status-error"), StringComparison.Ordinal);

        var (badTier, tierHtml) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/tier", ("Input.Tier", "Platinum"), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/tier")));
        Assert.Equal(HttpStatusCode.OK, badTier.StatusCode);
        Assert.Contains("'Platinum' is not a tier", StaffVisitors.ErrorBeside(tierHtml, "tier-error"), StringComparison.Ordinal);

        var (badCountry, countryHtml) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/details", ("Input.LegalName", "Corvid Networks Inc."),
            ("Input.Country", "XX"), ("Input.Category", "network-security"), ("Input.NdaVersion", "v3"), ("Input.ExpiresAt", "soon"), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/details")));
        Assert.Equal(HttpStatusCode.OK, badCountry.StatusCode);
        Assert.Contains("is not a moment", StaffVisitors.ErrorBeside(countryHtml, "expires-error"), StringComparison.Ordinal);
        var (badCode, codeHtml) = await ines.SubmitAsync($"/portal/staff/partners/{corvid}/details", ("Input.LegalName", "Corvid Networks Inc."),
            ("Input.Country", "XX"), ("Input.Category", "network-security"), ("Input.NdaVersion", "v3"), ("Input.Revision", await FreshRevisionAsync(ines, $"/portal/staff/partners/{corvid}/details")));
        Assert.Equal(HttpStatusCode.OK, badCode.StatusCode);
        Assert.NotEmpty(StaffVisitors.ErrorBeside(codeHtml, "country-error"));

        Assert.Equal(before, (await staff.GetJson($"/api/v1/partners/{corvid}")).ToJsonString());
        Assert.Equal(entries, (await LogEntries.OfKindAsync(staff, LogKinds.PartnerChanged)).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync($"/portal/staff/partners/{Guid.NewGuid()}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ines.GetAsync($"/portal/staff/partners/{tidewater}")).Response.StatusCode);
    }

    [Fact]
    public async Task A_form_shown_before_someone_elses_change_is_refused_with_a_clear_message()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var path = $"/portal/staff/partners/{corvid}/tier";
        var (_, form) = await ines.GetAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var revision = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Revision\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.True(Guid.TryParse(revision, out _), "the form carries the partner's revision");

        // Meanwhile someone else moves Corvid (through the API).
        var staff = f.Staff();
        await staff.PutJson($"/api/v1/partners/{corvid}/tier", new { tier = "Entry" }, HttpStatusCode.OK);

        var (stale, html) = await ines.PostAsync(path, ("Input.Tier", "Trusted"), ("Input.Revision", revision), ("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this while you were editing it", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("Entry", (string)(await staff.GetJson($"/api/v1/partners/{corvid}"))["tier"]!);

        // Shown afresh, the same change goes through.
        var (moved, _) = await ines.SubmitAsync(path, ("Input.Tier", "Trusted"), ("Input.Revision", await FreshRevisionAsync(ines, path)));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("Trusted", (string)(await staff.GetJson($"/api/v1/partners/{corvid}"))["tier"]!);
    }

    [Fact]
    public async Task Details_and_restrictions_change_through_the_page_as_through_the_api()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var path = $"/portal/staff/partners/{corvid}/details";
        var (done, _) = await ines.SubmitAsync(path, ("Input.LegalName", "Corvid Networks Incorporated"), ("Input.Country", "US"), ("Input.Jurisdictions", "CA"),
            ("Input.Category", "network-security"), ("Input.NdaVersion", "v4"), ("Input.ExpiresAt", "2028-01-31 00:00"),
            ("Input.Restrictions", "poc"), ("Input.Restrictions", "indicators"), ("Input.Revision", await FreshRevisionAsync(ines, path)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var api = await f.Staff().GetJson($"/api/v1/partners/{corvid}");
        Assert.Equal("Corvid Networks Incorporated", (string)api["legalName"]!);
        Assert.Equal(["indicators", "poc"], api["restrictions"]!.AsArray().Select(r => (string)r!).ToArray());
        Assert.Equal("v4", (string)api["contract"]!["ndaVersion"]!);
        Assert.Equal(new DateTimeOffset(2028, 1, 31, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)api["contract"]!["expiresAt"]!);
        var (_, shown) = await ines.GetAsync($"/portal/staff/partners/{corvid}");
        Assert.Equal("indicators, poc", StaffVisitors.TextOf(shown, "partner-restrictions"));
    }

    [Fact]
    public async Task With_four_eyes_on_a_removal_awaits_approval_and_the_partner_page_says_so()
    {
        await using var f = new ForewarnFactory();
        FourEyes.On(f.Settings);
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var status = $"/portal/staff/partners/{corvid}/status";

        // Proposed in the portal (signed by Ines's portal user), the removal awaits approval and the partner's page shows it waiting.
        var (proposed, _) = await ines.SubmitAsync(status, ("Input.Status", "removed"), ("Input.Reason", "Leaked twice"), ("Input.Revision", await FreshRevisionAsync(ines, status)));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var api = await f.Staff().GetJson($"/api/v1/partners/{corvid}");
        Assert.Equal("active", (string)api["status"]!);
        var pending = Assert.Single(api["pending"]!.AsArray());
        var (_, page) = await ines.GetAsync($"/portal/staff/partners/{corvid}");
        Assert.Contains("<h2 id=\"pending\">Awaiting approval</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Leaked twice", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("active", StaffVisitors.TextOf(page, "partner-status"));

        // A second staff member approves it with their key: the partner is removed, and the proposal names the portal user.
        var proposal = (string)pending!["proposal"]!;
        var approved = await f.SecondStaff().PostAsJsonAsync($"/api/v1/approvals/{proposal}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("removed", (string)(await f.Staff().GetJson($"/api/v1/partners/{corvid}"))["status"]!);
        var record = await f.Staff().GetJson($"/api/v1/approvals/{proposal}");
        Assert.StartsWith("portal-user:", (string)record["proposedBy"]!, StringComparison.Ordinal);
    }

    private static async Task<string> FreshRevisionAsync(PortalVisitor visitor, string path)
    {
        var (_, form) = await visitor.GetAsync(path);
        return System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Revision\" value=\"([^\"]+)\"").Groups[1].Value;
    }
}
