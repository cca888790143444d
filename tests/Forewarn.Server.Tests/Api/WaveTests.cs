using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>Staff plan waves; a wave still to come can be cancelled, a published one cannot.</summary>
public sealed class WaveTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Cancelling_a_wave_to_come_withholds_what_it_would_have_published()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var poc = await DemoFacts.ArtifactId(staff, reference, "poc");
        var trusted = _f.Partner(DemoFacts.Trusted);
        var before = (await trusted.GetJson($"/api/v1/me/advisories/{reference}"))["artifacts"]!.AsArray();
        Assert.Contains(before, a => (string?)a!["class"] == "poc");

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/advisories/{reference}/waves/3")).StatusCode);

        var after = (await trusted.GetJson($"/api/v1/me/advisories/{reference}"))["artifacts"]!.AsArray();
        Assert.DoesNotContain(after, a => (string?)a!["class"] == "poc");
        var waves = await staff.GetJson($"/api/v1/advisories/{reference}/waves");
        Assert.Equal([1, 2], waves.AsArray().Select(w => (int)w!["number"]!));

        // A new wave takes the next free number, after the highest one ever planned.
        var planned = await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = ForewarnFactory.Start.AddDays(3), artifactIds = new[] { poc } }, HttpStatusCode.Created);
        Assert.Equal(3, (int)planned["number"]!);
    }

    [Fact]
    public async Task A_published_wave_cannot_be_cancelled()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var problem = await (await staff.DeleteAsync($"/api/v1/advisories/{reference}/waves/1"))
            .Problem(HttpStatusCode.Conflict, "wave-already-published");
        Assert.Contains("revised wave", (string?)problem["detail"]);
        Assert.Equal(3, (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray().Count);
        await (await staff.DeleteAsync($"/api/v1/advisories/{reference}/waves/9")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_staff_member_authors_an_advisory_end_to_end_and_partners_see_it_on_time()
    {
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddDays(10);
        var created = await staff.PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-7777", title = "Heap overflow in the Halcyon image decoder", cveIds = new[] { "cve-2026-97777" },
            products = new[] { "Halcyon Viewer 3" }, cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", releaseAt = release,
        }, HttpStatusCode.Created);
        Assert.Equal("draft", (string?)created["state"]);
        Assert.Equal(8.8, (double)created["cvssScore"]!);
        Assert.Equal("High", (string?)created["cvssSeverity"]);
        Assert.Equal("CVE-2026-97777", (string?)created["cveIds"]![0]);

        var notice = await staff.PostJson("/api/v1/advisories/FW-2026-7777/artifacts",
            new { title = "Notice", @class = "notice", tlp = "amber", text = "A fix is coming." }, HttpStatusCode.Created);
        Assert.Equal("TLP:AMBER", (string?)notice["tlp"]);
        // Waves need a scheduled advisory.
        await (await staff.PostAsJsonAsync("/api/v1/advisories/FW-2026-7777/waves",
            new { at = ForewarnFactory.Start.AddHours(1), artifactIds = new[] { (string)notice["id"]! } })).Problem(HttpStatusCode.Conflict, "advisory-not-scheduled");
        var scheduled = await staff.PostJson("/api/v1/advisories/FW-2026-7777/schedule", new { }, HttpStatusCode.OK);
        Assert.Equal("scheduled", (string?)scheduled["state"]);
        var wave = await staff.PostJson("/api/v1/advisories/FW-2026-7777/waves",
            new { at = ForewarnFactory.Start.AddHours(1), artifactIds = new[] { (string)notice["id"]! } }, HttpStatusCode.Created);
        Assert.Equal("initial", (string?)wave["kind"]);

        var validate = _f.Partner(DemoFacts.Validate); // 14 days' lead for notices
        Assert.DoesNotContain((await validate.GetJson("/api/v1/me/advisories")).AsArray(), a => (string?)a!["reference"] == "FW-2026-7777");
        _f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Contains((await validate.GetJson("/api/v1/me/advisories")).AsArray(), a => (string?)a!["reference"] == "FW-2026-7777");
        Assert.Equal("notified", (string?)(await DemoFacts.Advisory(staff, "FW-2026-7777"))["state"]);
    }
}
