using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>What a newcomer meets: the landing page, the OpenAPI document, the API reference.</summary>
public sealed class ServiceTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    // One server for the class: its tests only read (the second start included).
    private readonly ForewarnFactory _f = server;

    [Fact]
    public async Task The_landing_page_says_what_this_is_and_its_state()
    {
        var response = await _f.CreateClient().GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Halcyon Software Early Warning Program", html);
        Assert.Contains("<b id=\"partners\">13</b>", html);
        Assert.Contains("<b id=\"embargoed\">1</b>advisory under embargo", html);
        Assert.Contains("<b id=\"partners\">13</b>partners", html);
        // Public page: nothing that names or dates an embargoed advisory.
        Assert.DoesNotContain(DemoFacts.EmbargoReference(_f), html);
        Assert.DoesNotContain("Sync Agent", html);
        Assert.DoesNotContain("2026-12-02", html);
        Assert.Contains("/api/reference", html);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_with_bearer_auth()
    {
        var doc = await _f.CreateClient().GetJson("/openapi/v1.json");
        Assert.StartsWith("3.", (string?)doc["openapi"]);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/partners", paths);
        Assert.Contains("/api/v1/me/advisories", paths);
        Assert.Contains("/api/v1/explain", paths);
        Assert.Equal("bearer", (string?)doc["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]);
    }

    [Fact]
    public async Task The_api_reference_is_served_from_the_package_without_the_network()
    {
        var response = await _f.CreateClient().GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"([^\"]+\\.js)\"");
        Assert.True(script.Success, html);
        var js = await _f.CreateClient().GetAsync(new Uri(new Uri("http://localhost/api/reference/"), script.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public async Task A_second_start_reuses_the_data()
    {
        var staff = _f.Staff();
        await staff.PostJson("/api/v1/jurisdictions", new { code = "SG", name = "Singapore" }, HttpStatusCode.Created);
        var credentials = _f.Credentials;
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(Path.Combine(_f.DataDirectory, "demo-credentials.json"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }

        await using var second = new SecondServer(_f);
        var jurisdictions = await second.WithKey(credentials.Staff.ApiKey).GetJson("/api/v1/jurisdictions");
        Assert.Contains(jurisdictions.AsArray(), j => (string?)j!["code"] == "SG");
        var partners = (JsonArray)await second.WithKey(credentials.Staff.ApiKey).GetJson("/api/v1/partners");
        Assert.Equal(13, partners.Count);
    }
}
