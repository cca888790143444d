using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>The policy pages show the API's versions and rules, and the explain form gives <c>GET /api/v1/explain</c>'s answer.</summary>
public sealed class PolicyPageTests
{
    [Fact]
    public async Task The_policy_page_shows_the_version_in_force_and_every_rule()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var current = await f.Staff().GetJson("/api/v1/policy");
        var versions = (await f.Staff().GetJson("/api/v1/policy/versions")).AsArray();
        var (page, html) = await ines.GetAsync("/portal/staff/policy");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var shown = WebUtility.HtmlDecode(html);
        Assert.Contains($"In force now: version {(int)current["number"]!}", shown, StringComparison.Ordinal);
        foreach (var rule in current["rules"]!.AsArray())
            Assert.Contains($"({(string)rule!["id"]!})", shown, StringComparison.Ordinal);
        Assert.Equal(versions.Count, System.Text.RegularExpressions.Regex.Matches(html, "<details class=\"version\"").Count);
    }

    [Theory]
    [InlineData(DemoFacts.Trusted, "poc", null)]
    [InlineData(DemoFacts.Restricted, "poc", null)]
    [InlineData(DemoFacts.Validate, "detection", "2026-11-01 00:00")]
    [InlineData(DemoFacts.Suspended, "notice", null)]
    public async Task The_explain_form_gives_the_apis_verdict_and_reasons(string partnerName, string cls, string? at)
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var staff = f.Staff();
        var partner = f.PartnerInfo(partnerName).Id;
        var artifact = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), cls);
        var atQuery = at is null ? "" : "&at=" + Uri.EscapeDataString(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal).ToString("O"));
        var api = await staff.GetJson($"/api/v1/explain?partner={partner}&artifact={artifact}{atQuery}");

        var (page, html) = await ines.GetAsync($"/portal/staff/explain?partner={partner}&artifact={artifact}&at={Uri.EscapeDataString(at ?? "")}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal((string)api["verdict"]!, StaffVisitors.TextOf(html, "verdict-code"));
        Assert.Equal((string)api["explanation"]!, StaffVisitors.TextOf(html, "explanation"));
        var shown = WebUtility.HtmlDecode(html);
        foreach (var finding in api["findings"]!.AsArray()) Assert.Contains((string)finding!["sentence"]!, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_explain_input_is_shown_beside_the_field()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var partner = f.PartnerInfo(DemoFacts.Trusted).Id;
        var (page, html) = await ines.GetAsync($"/portal/staff/explain?partner={partner}&at=yesterday");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Choose an artifact.", StaffVisitors.ErrorBeside(html, "artifact-error"));
        Assert.Contains("is not a moment", StaffVisitors.ErrorBeside(html, "at-error"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verdict-code\"", html, StringComparison.Ordinal);
    }
}
