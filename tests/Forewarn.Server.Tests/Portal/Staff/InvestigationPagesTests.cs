using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>
/// The investigation pages show what the cases, exposure, timeline and suspicion endpoints show for the
/// same store, and add evidence and decisions through the same services.
/// </summary>
public sealed partial class InvestigationPagesTests
{
    [Fact]
    public async Task The_case_page_shows_the_apis_case_its_timeline_inline_and_its_suspects()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var staff = f.Staff();
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        var api = await staff.GetJson($"/api/v1/cases/{reference}");
        var (list, listHtml) = await ines.GetAsync("/portal/staff/cases");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"href=\"/portal/staff/cases/{reference}\"", listHtml, StringComparison.Ordinal);

        var (page, html) = await ines.GetAsync($"/portal/staff/cases/{reference}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(api["evidence"]!.AsArray().Count, Regex.Matches(EvidenceList().Match(html).Value, "<li>").Count);
        Assert.Equal(api["decisions"]!.AsArray().Count, Regex.Matches(DecisionList().Match(html).Value, "<li>").Count);
        Assert.Equal((string)api["state"]!, StaffVisitors.TextOf(html, "case-state"));

        // The timeline is the API's picture, inline: an <svg> with role img and its title; nothing the CSP blocks (no style attribute, no script).
        var svg = Regex.Match(html, "<svg[^>]*>").Value;
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"timeline-title\">", html, StringComparison.Ordinal);
        var apiSvg = await (await staff.GetAsync($"/api/v1/cases/{reference}/timeline.svg")).Content.ReadAsStringAsync();
        Assert.Equal(Regex.Matches(apiSvg, "<text").Count, Regex.Matches(html, "<text").Count);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        var suspicion = await staff.GetJson($"/api/v1/cases/{reference}/suspicion");
        var shown = WebUtility.HtmlDecode(html);
        foreach (var s in suspicion["suspects"]!.AsArray()) Assert.Contains((string)s!["summary"]!, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_the_apis_report_on_a_portal_route()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        var (page, html) = await ines.GetAsync($"/portal/staff/cases/{reference}/report.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains($"Case {reference}", html, StringComparison.Ordinal);
        var api = await (await f.Staff().GetAsync($"/api/v1/cases/{reference}/report.html")).Content.ReadAsStringAsync();
        // The same report, but for the moment it was made.
        Assert.Equal(Regex.Replace(api, "Report made</dt><dd>[^<]*", ""), Regex.Replace(html, "Report made</dt><dd>[^<]*", ""));
    }

    [Fact]
    public async Task A_note_and_a_decision_made_in_the_portal_are_the_cases_as_the_api_shows_it()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var staff = f.Staff();
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        var evidence = (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray().Count;

        var (empty, emptyHtml) = await ines.SubmitAsync($"/portal/staff/cases/{reference}/note", ("Input.Text", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write the note.", StaffVisitors.ErrorBeside(emptyHtml, "text-error"));
        Assert.Equal(evidence, (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray().Count);

        var (noted, _) = await ines.SubmitAsync($"/portal/staff/cases/{reference}/note", ("Input.Text", "Called their CISO; they deny it."));
        Assert.Equal($"/portal/staff/cases/{reference}?done=note", noted.Headers.Location!.OriginalString);
        var after = await staff.GetJson($"/api/v1/cases/{reference}");
        var note = after["evidence"]!.AsArray()[^1]!;
        Assert.Equal("Called their CISO; they deny it.", (string)note["text"]!);
        Assert.StartsWith("portal-user:", (string)note["addedBy"]!, StringComparison.Ordinal);

        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var (badKind, badHtml) = await ines.SubmitAsync($"/portal/staff/cases/{reference}/decide", ("Input.Partner", corvid.ToString()), ("Input.Kind", "move-tier"),
            ("Input.Reason", "Too early a tier"), ("Input.Tier", "Validate"));
        Assert.Equal(HttpStatusCode.OK, badKind.StatusCode);
        Assert.Contains("already", StaffVisitors.ErrorBeside(badHtml, "tier-error"), StringComparison.Ordinal);
        var (decided, _) = await ines.SubmitAsync($"/portal/staff/cases/{reference}/decide", ("Input.Partner", corvid.ToString()), ("Input.Kind", "warning"),
            ("Input.Reason", "Acknowledge in time"));
        Assert.Equal($"/portal/staff/cases/{reference}?done=decided", decided.Headers.Location!.OriginalString);
        var decision = (await staff.GetJson($"/api/v1/cases/{reference}"))["decisions"]!.AsArray()[^1]!;
        Assert.Equal("warning", (string)decision["kind"]!);
        Assert.Equal(corvid, (Guid)decision["partnerId"]!);
    }

    [Fact]
    public async Task The_exposure_table_groups_the_partners_as_the_api_does()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var before = "2025-07-07T00:00:00Z";
        var api = await f.Staff().GetJson($"/api/v1/advisories/{DemoFacts.Replay}/exposure?before={before}");
        var (page, html) = await ines.GetAsync($"/portal/staff/exposure?advisory={DemoFacts.Replay}&before={Uri.EscapeDataString(before)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var (group, id) in new[] { ("fetchedPoc", "fetched-poc"), ("fetchedOther", "fetched-other"), ("entitledNotFetched", "entitled-not-fetched"), ("nothing", "nothing") })
        {
            var count = api["groups"]![group]!.AsArray().Count;
            Assert.EndsWith($"({count})", StaffVisitors.TextOf(html, id), StringComparison.Ordinal);
        }
        var (bad, badHtml) = await ines.GetAsync($"/portal/staff/exposure?advisory={DemoFacts.Replay}&before=someday");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("is not a time", StaffVisitors.ErrorBeside(badHtml, "before-error"), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"evidence-list\">.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex EvidenceList();

    [GeneratedRegex("id=\"decision-list\">.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex DecisionList();
}
