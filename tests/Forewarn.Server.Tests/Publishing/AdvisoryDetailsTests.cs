using System.Net;
using System.Net.Http.Json;
using Forewarn.Csaf.Validation;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>Staff set an advisory's CSAF-shaped details through the API; bad details are refused whole.</summary>
public sealed class AdvisoryDetailsTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object Details(string productId = "FWPID-1", object? notes = null) => new
    {
        tlp = "AMBER+STRICT",
        notes = notes ?? new[] { new { category = "details", title = "Conditions", text = "Needs a local account." } },
        references = new[] { new { url = "https://halcyon.example/sec/FW-2026-9301", summary = "Vendor page", category = "external" } },
        vulnerabilities = new[]
        {
            new
            {
                cve = "CVE-2026-41001",
                title = "Parser overflow",
                cweId = "CWE-787",
                cweName = "Out-of-bounds Write",
                notes = Array.Empty<object>(),
                productStatuses = new[] { new { status = "known_affected", productIds = new[] { productId } } },
                scores = new[] { new { vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", productIds = new[] { productId } } },
                remediations = new[] { new { category = "vendor_fix", details = "Install 5.2.1.", url = "https://halcyon.example/dl", productIds = new[] { productId } } },
            },
        },
    };

    [Fact]
    public async Task Details_set_through_the_api_show_and_export_as_valid_csaf()
    {
        var staff = _f.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-9301", ForewarnFactory.Start.AddDays(2));
        var put = await staff.PutAsJsonAsync("/api/v1/advisories/FW-2026-9301/details", new { details = Details(), change = "Vulnerability details" });
        var advisory = await put.Json(HttpStatusCode.OK);
        Assert.Equal("TLP:AMBER+STRICT", (string?)advisory["details"]!["tlp"]);
        Assert.Equal("CWE-787", (string?)advisory["details"]!["vulnerabilities"]![0]!["cweId"]);
        Assert.Equal("Vulnerability details", (string?)advisory["revisions"]!.AsArray().Last()!["summary"]);

        var response = await staff.GetAsync("/api/v1/advisories/FW-2026-9301/csaf");
        var text = await response.Content.ReadAsStringAsync();
        var validation = CsafValidator.Validate(text);
        Assert.True(validation.IsValid, string.Join("\n", validation.Failures));
        Assert.Contains("\"AMBER\"", text, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER+STRICT", text, StringComparison.Ordinal);
        Assert.True(text.Contains("CVSS v4.0", StringComparison.Ordinal), advisory.ToJsonString() + "\n" + text);
        Assert.Contains("interim", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_naming_an_unknown_product_are_refused_and_nothing_changes()
    {
        var staff = _f.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-9302", ForewarnFactory.Start.AddDays(2));
        var before = await staff.GetJson("/api/v1/advisories/FW-2026-9302");
        var put = await staff.PutAsJsonAsync("/api/v1/advisories/FW-2026-9302/details", new { details = Details("FWPID-77"), change = "typo" });
        var problem = await put.Problem(HttpStatusCode.BadRequest, "invalid-vulnerability");
        Assert.Contains("FWPID-77", (string?)problem["detail"], StringComparison.Ordinal);
        var after = await staff.GetJson("/api/v1/advisories/FW-2026-9302");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Missing_lists_and_null_entries_are_a_clear_refusal_never_a_server_error()
    {
        var staff = _f.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-9303", ForewarnFactory.Start.AddDays(2));
        var nullEntry = await staff.PutAsync("/api/v1/advisories/FW-2026-9303/details", JsonContent.Create(new
        {
            details = new { vulnerabilities = new object?[] { null, new { cve = "CVE-2026-41002" } } },
            change = "null entry",
        }));
        var problem = await nullEntry.Problem(HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("vulnerabilities", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        var sparse = await staff.PutAsync("/api/v1/advisories/FW-2026-9303/details", JsonContent.Create(new
        {
            details = new { vulnerabilities = new object?[] { new { cve = "CVE-2026-41002" } } },
            change = "sparse",
        }));
        Assert.Equal(HttpStatusCode.OK, sparse.StatusCode);
        var badNote = await staff.PutAsJsonAsync("/api/v1/advisories/FW-2026-9303/details",
            new { details = Details(notes: new[] { new { category = "gossip", title = "x", text = "y" } }), change = "bad note" });
        await badNote.Problem(HttpStatusCode.BadRequest, "invalid-note");
        var noBody = await staff.PutAsJsonAsync("/api/v1/advisories/FW-2026-9303/details", new { change = "nothing" });
        await noBody.Problem(HttpStatusCode.BadRequest, "invalid-field");
    }
}
