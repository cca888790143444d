using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Staff;

namespace Forewarn.Server.Tests.Portal.Investigations;

/// <summary>
/// Who may use which investigation form is who may call its endpoint: an analyst (read and investigate, no write)
/// and a publisher (read and write, no investigate) get 404 on the case forms, as a partner's user does on every
/// page here; an analyst reads sightings but cannot record one or break an embargo. Forbidden looks like unknown.
/// </summary>
public sealed class InvestigationAccessTests
{
    private static async Task<(string Case, string Sighting)> SubjectsAsync(ForewarnFactory f) =>
        (await StaffVisitors.CaseReferenceAsync(f), (string)(await f.Staff().GetJson("/api/v1/sightings?kind=staff"))[0]!["id"]!);

    private static string[] CaseForms(string c) =>
        ["/portal/staff/cases/open", $"/portal/staff/cases/{c}/evidence", $"/portal/staff/cases/{c}/close", $"/portal/staff/cases/{c}/decisions/1/appeal"];

    private static string[] SightingForms(string s) => ["/portal/staff/sightings/new", $"/portal/staff/sightings/{s}/embargo-break"];

    private static async Task AssertNotFoundAsync(PortalVisitor visitor, IEnumerable<string> paths, string who)
    {
        foreach (var path in paths)
        {
            Assert.True((await visitor.GetAsync(path)).Response.StatusCode == HttpStatusCode.NotFound, $"{who} GET {path}");
            // Posted with a valid token (from a page the visitor may open): still 404, and nothing done.
            var (_, home) = await visitor.GetAsync("/portal/account");
            var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var (posted, _) = await visitor.PostAsync(path, ("Title", "x"), ("Advisory", DemoFacts.Replay), ("Summary", "x"), ("Reason", "x"),
                ("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
            Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"{who} POST {path}: {posted.StatusCode}");
        }
    }

    [Fact]
    public async Task An_analyst_reads_cases_and_sightings_but_finds_no_form_that_changes_them()
    {
        await using var f = new ForewarnFactory();
        var (c, s) = await SubjectsAsync(f);
        var cases = (await f.Staff().GetJson("/api/v1/cases")).AsArray().Count;
        var analyst = await StaffVisitors.InvitedStaffAsync(f, "staff-analyst");
        foreach (var page in new[] { "/portal/staff/cases", $"/portal/staff/cases/{c}", "/portal/staff/sightings", $"/portal/staff/sightings/{s}" })
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(page)).Response.StatusCode);
        var (_, list) = await analyst.GetAsync("/portal/staff/cases");
        Assert.DoesNotContain("/portal/staff/cases/open", list, StringComparison.Ordinal);
        var (_, sighting) = await analyst.GetAsync($"/portal/staff/sightings/{s}");
        Assert.DoesNotContain("/embargo-break", sighting, StringComparison.Ordinal);
        await AssertNotFoundAsync(analyst, [.. CaseForms(c), .. SightingForms(s)], "analyst");
        Assert.Equal(cases, (await f.Staff().GetJson("/api/v1/cases")).AsArray().Count);
        Assert.Equal("open", (string)(await f.Staff().GetJson($"/api/v1/cases/{c}"))["state"]!);
    }

    [Fact]
    public async Task A_publisher_records_sightings_but_finds_no_case_form_and_a_partner_user_finds_nothing()
    {
        await using var f = new ForewarnFactory();
        var (c, s) = await SubjectsAsync(f);
        var publisher = await StaffVisitors.InvitedStaffAsync(f, "staff-publisher");
        Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync("/portal/staff/sightings/new")).Response.StatusCode);
        await AssertNotFoundAsync(publisher, CaseForms(c), "publisher");

        var corvid = await StaffVisitors.CorvidUserAsync(f);
        foreach (var page in new[] { "/portal/staff/sightings", $"/portal/staff/sightings/{s}", $"/portal/staff/sightings/{s}?handler=Sample" })
            Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync(page)).Response.StatusCode);
        await AssertNotFoundAsync(corvid, [.. CaseForms(c), .. SightingForms(s)], "partner user");
    }
}
