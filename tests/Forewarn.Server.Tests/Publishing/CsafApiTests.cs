using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// CSAF 2.0 over the API: validate a document, import one as a draft advisory, export an advisory
/// as of now, CVSS v4.0 in and out, and the partner's notice when an advisory is released.
/// </summary>
public sealed class CsafApiTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static async Task<HttpResponseMessage> PostText(HttpClient client, string url, string body) =>
        await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    private static void AssertValid(JsonNode document, string what)
    {
        var validation = CsafValidator.Validate(document.ToJsonString());
        Assert.True(validation.IsValid, $"{what}:\n{string.Join("\n", validation.Failures)}");
    }

    [Theory]
    [InlineData("examples/csaf/bsi-2022-0001.json")]
    [InlineData("examples/csaf/cisco-sa-20180328-smi2.json")]
    [InlineData("mandatory-tests/oasis_csaf_tc-csaf_2_0-2021-6-1-01-11.json")]
    public async Task Validate_says_a_valid_document_is_valid(string file)
    {
        var result = await (await PostText(_f.Staff(), "/api/v1/csaf/validate", CsafStandardFiles.Read(file))).Json(HttpStatusCode.OK);

        Assert.True((bool)result["valid"]!, result.ToJsonString());
        Assert.Empty(result["failures"]!.AsArray());
    }

    [Theory]
    [InlineData("6-1-01-01", "6.1.1")]
    [InlineData("6-1-08-01", "6.1.8")]
    [InlineData("6-1-21-01", "6.1.21")]
    [InlineData("6-1-27-03-01", "6.1.27.3")]
    public async Task Validate_names_the_failed_mandatory_test_and_where_it_failed(string file, string test)
    {
        var text = CsafStandardFiles.Read($"mandatory-tests/oasis_csaf_tc-csaf_2_0-2021-{file}.json");
        var result = await (await PostText(_f.Staff(), "/api/v1/csaf/validate", text)).Json(HttpStatusCode.OK);

        Assert.False((bool)result["valid"]!);
        var failures = result["failures"]!.AsArray().Where(f => (string?)f!["test"] == test).ToList();
        Assert.NotEmpty(failures);
        var failure = failures[0]!;
        Assert.StartsWith("/", (string?)failure["pointer"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)failure["message"]));
        // The pointer points at something in the document.
        var node = JsonNode.Parse(text);
        foreach (var segment in ((string)failure["pointer"]!).Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
            node = node is JsonArray a ? a[int.Parse(segment, CultureInfo.InvariantCulture)] : node![segment];
        Assert.NotNull(node);
    }

    [Fact]
    public async Task Validate_refuses_a_body_that_is_not_json_or_empty_and_partners()
    {
        await (await PostText(_f.Staff(), "/api/v1/csaf/validate", "{ \"document\": ")).Problem(HttpStatusCode.BadRequest, "malformed-json");
        await (await PostText(_f.Staff(), "/api/v1/csaf/validate", "<advisory/>")).Problem(HttpStatusCode.BadRequest, "malformed-json");
        await (await PostText(_f.Staff(), "/api/v1/csaf/validate", "")).Problem(HttpStatusCode.BadRequest, "empty-body");
        var valid = CsafStandardFiles.Read("examples/csaf/bsi-2022-0001.json");
        await (await PostText(_f.Partner(DemoFacts.Trusted), "/api/v1/csaf/validate", valid)).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await PostText(_f.Partner(DemoFacts.Trusted), "/api/v1/csaf/import", valid)).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await _f.Partner(DemoFacts.Trusted).GetAsync("/api/v1/advisories/FW-2025-0708/csaf")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostText(_f.CreateClient(), "/api/v1/csaf/validate", valid)).StatusCode);
    }

    [Fact]
    public async Task Import_of_the_bsi_example_creates_a_draft_advisory_and_says_what_is_not_held()
    {
        var staff = _f.Staff();
        var response = await PostText(staff, "/api/v1/csaf/import", CsafStandardFiles.Read("examples/csaf/bsi-2022-0001.json"));
        var result = await response.Json(HttpStatusCode.Created);
        Assert.Equal("/api/v1/advisories/BSI-2022-0001", response.Headers.Location?.OriginalString);

        var advisory = result["advisory"]!;
        Assert.Equal("BSI-2022-0001", (string?)advisory["reference"]);
        Assert.Equal("draft", (string?)advisory["state"]);
        Assert.Equal(["CVE-2022-27193"], advisory["cveIds"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("CSAF Tools CVRF-CSAF-Converter 1.0.0-alpha", advisory["products"]!.AsArray().Select(p => (string?)p));
        var notHeld = result["notHeld"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.NotEmpty(notHeld);
        Assert.Contains(notHeld, s => s.Contains("source revision history", StringComparison.Ordinal));
        Assert.All(notHeld, s => Assert.EndsWith(".", s, StringComparison.Ordinal));

        // It is there to read, and exports again as valid CSAF with its own TLP.
        var stored = await DemoFacts.Advisory(staff, "BSI-2022-0001");
        Assert.Equal((string?)advisory["id"], (string?)stored["id"]);
        var exported = await staff.GetJson("/api/v1/advisories/BSI-2022-0001/csaf");
        AssertValid(exported, "export of the imported BSI example");
        Assert.Equal("draft", (string?)exported["document"]!["tracking"]!["status"]);
        Assert.Equal("WHITE", (string?)exported["document"]!["distribution"]!["tlp"]!["label"]);
    }

    [Fact]
    public async Task Import_of_the_cisco_example_takes_its_cve_products_and_score()
    {
        var result = await (await PostText(_f.Staff(), "/api/v1/csaf/import",
            CsafStandardFiles.Read("examples/csaf/cisco-sa-20180328-smi2.json"))).Json(HttpStatusCode.Created);

        var advisory = result["advisory"]!;
        Assert.Equal("CISCO-SA-20180328-SMI2", (string?)advisory["reference"]);
        Assert.Equal("draft", (string?)advisory["state"]);
        Assert.Equal(["CVE-2018-0171"], advisory["cveIds"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("Cisco IOS 12.2SE 12.2(55)SE", advisory["products"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(9.8, (double?)advisory["cvssScore"]);
        Assert.Contains(result["notHeld"]!.AsArray(), s => ((string)s!).Contains("branches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_the_same_document_twice_is_a_duplicate_unless_another_reference_is_given()
    {
        var staff = _f.Staff();
        var text = CsafStandardFiles.Read("examples/csaf/bsi-2022-0001.json");
        await (await PostText(staff, "/api/v1/csaf/import", text)).Json(HttpStatusCode.Created);

        var duplicate = await (await PostText(staff, "/api/v1/csaf/import", text)).Problem(HttpStatusCode.Conflict, "duplicate");
        Assert.Contains("BSI-2022-0001", (string?)duplicate["detail"], StringComparison.Ordinal);
        Assert.Contains("under another reference", (string?)duplicate["detail"], StringComparison.Ordinal);

        var renamed = await (await PostText(staff, "/api/v1/csaf/import?reference=FW-2022-0001", text)).Json(HttpStatusCode.Created);
        Assert.Equal("FW-2022-0001", (string?)renamed["advisory"]!["reference"]);
        Assert.Equal(["CVE-2022-27193"], renamed["advisory"]!["cveIds"]!.AsArray().Select(c => (string?)c));
        var all = (await staff.GetJson("/api/v1/advisories")).AsArray().Select(a => (string?)a!["reference"]).ToList();
        Assert.Single(all, r => r == "BSI-2022-0001");
        Assert.Single(all, r => r == "FW-2022-0001");
    }

    [Fact]
    public async Task Import_of_an_invalid_document_is_refused_with_its_failures_and_imports_nothing()
    {
        var staff = _f.Staff();
        var before = (await staff.GetJson("/api/v1/advisories")).AsArray().Count;
        var text = CsafStandardFiles.Read("mandatory-tests/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");

        var problem = await (await PostText(staff, "/api/v1/csaf/import", text)).Problem(HttpStatusCode.UnprocessableEntity, "invalid-csaf");
        var failures = problem["failures"]!.AsArray();
        Assert.NotEmpty(failures);
        Assert.Contains(failures, f => (string?)f!["test"] == "6.1.1" && ((string?)f["pointer"])?.StartsWith('/') == true);
        Assert.All(failures, f => Assert.False(string.IsNullOrWhiteSpace((string?)f!["message"])));
        Assert.Equal(before, (await staff.GetJson("/api/v1/advisories")).AsArray().Count);
    }

    [Fact]
    public async Task Export_of_the_embargoed_demo_advisory_is_valid_interim_with_its_tlp_and_embargo()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var document = await _f.Staff().GetJson($"/api/v1/advisories/{reference}/csaf");

        AssertValid(document, reference);
        var doc = document["document"]!;
        Assert.Equal(reference, (string?)doc["tracking"]!["id"]);
        Assert.Equal("interim", (string?)doc["tracking"]!["status"]);
        Assert.Equal("AMBER", (string?)doc["distribution"]!["tlp"]!["label"]);
        Assert.Contains("Embargoed until", (string?)doc["distribution"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_the_released_demo_advisory_is_the_public_final_document()
    {
        var staff = _f.Staff();
        var response = await staff.GetAsync("/api/v1/advisories/FW-2025-0708/csaf");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.Json(HttpStatusCode.OK);

        AssertValid(document, "FW-2025-0708");
        var doc = document["document"]!;
        Assert.Equal("FW-2025-0708", (string?)doc["tracking"]!["id"]);
        // After release the staff export is the document of record: the public, final TLP:WHITE one.
        Assert.Equal("final", (string?)doc["tracking"]!["status"]);
        Assert.Equal("WHITE", (string?)doc["distribution"]!["tlp"]!["label"]);
        Assert.DoesNotContain("Embargoed until", (string?)doc["distribution"]!["text"] ?? "", StringComparison.Ordinal);
        Assert.Equal(["CVE-2025-90701", "CVE-2025-90702"], document["vulnerabilities"]!.AsArray().Select(v => (string?)v!["cve"]).Order());
    }

    [Fact]
    public async Task Export_of_an_unknown_advisory_is_404()
    {
        await (await _f.Staff().GetAsync("/api/v1/advisories/FW-1999-0001/csaf")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_advisory_with_a_cvss_v4_vector_is_accepted_and_exports_valid_with_a_v4_note()
    {
        const string vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        var staff = _f.Staff();
        var created = await staff.PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-9401",
            title = "Authentication bypass in Halcyon Gateway admin API",
            summary = "A missing check lets anyone call the admin API without a session.",
            cveIds = new[] { "CVE-2026-49401" },
            products = new[] { "Halcyon Gateway 5.3" },
            cvssVector = vector,
            releaseAt = ForewarnFactory.Start.AddDays(5),
        }, HttpStatusCode.Created);
        Assert.Equal(9.3, (double?)created["cvssScore"]);
        Assert.Equal(vector, (string?)created["cvssVector"]);

        var document = await staff.GetJson("/api/v1/advisories/FW-2026-9401/csaf");
        AssertValid(document, "FW-2026-9401");
        var vulnerability = Assert.Single(document["vulnerabilities"]!.AsArray())!;
        var note = Assert.Single(vulnerability["notes"]!.AsArray(), n => (string?)n!["title"] == "CVSS v4.0")!;
        Assert.Contains(vector, (string?)note["text"], StringComparison.Ordinal);
        Assert.Contains("9.3", (string?)note["text"], StringComparison.Ordinal);
        Assert.Contains("Halcyon Gateway 5.3", (string?)note["text"], StringComparison.Ordinal);
        // CSAF 2.0 has no cvss_v4: no score object may claim it.
        Assert.DoesNotContain("CVSS:4.0", vulnerability["scores"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        Assert.Equal("Critical", (string?)document["document"]!["aggregate_severity"]!["text"]);
    }

    [Fact]
    public async Task A_partner_is_told_in_its_notices_when_an_advisory_is_released()
    {
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(staff, "FW-2026-9402", release, "CVE-2026-49402");
        var partner = _f.Partner(DemoFacts.Trusted);
        Assert.DoesNotContain((await partner.GetJson("/api/v1/me/notices")).AsArray(), n => (string?)n!["advisory"] == "FW-2026-9402");

        _f.Clock.SetUtcNow(release);
        await Releases.PassAsync(_f);

        var notices = (await partner.GetJson("/api/v1/me/notices")).AsArray();
        var released = Assert.Single(notices, n => (string?)n!["advisory"] == "FW-2026-9402")!;
        Assert.Equal("released", (string?)released["kind"]);
        Assert.Contains("FW-2026-9402", (string?)released["text"], StringComparison.Ordinal);
        Assert.Equal(release, DateTimeOffset.Parse((string)released["at"]!, CultureInfo.InvariantCulture));
        Assert.Equal((string?)notices[0]!["id"], (string?)notices.OrderByDescending(n => (DateTimeOffset)n!["at"]!).First()!["id"]);
    }
}

/// <summary>The official CSAF 2.0 files in <c>tests/standards/csaf-2.0</c>.</summary>
internal static class CsafStandardFiles
{
    public static string Root { get; } = Locate();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string Locate() => Forewarn.Tests.Standards.CsafStandards.Root;
}
