using System.Net;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Advisories;

/// <summary>
/// Artifacts and waves in the staff portal: an upload goes through the API's service (its limit and
/// refusals said beside the file field, the store unchanged), the capacity report is the API's, a wave
/// planned in the page is in the API's list and can be cancelled, and the delivery matrix lists the API's partners.
/// </summary>
public sealed class ArtifactAndWavePagesTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task An_upload_over_the_limit_or_of_a_type_that_cannot_be_marked_is_refused_beside_the_field_and_the_store_is_unchanged()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/artifacts";
        var ines = await StaffPortal.InesAsync(_f);
        var entries = await StaffPortal.ChangesLoggedAsync(_f);

        var (big, bigPage) = await StaffPortal.UploadAsync(ines, page, [("Upload.Title", "Too big"), ("Upload.Class", "description"), ("Upload.Tlp", "TLP:AMBER")],
            "Upload.File", "big.txt", "text/plain", new byte[(10 * 1024 * 1024) + 1]);
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains("at most 10 MiB", StaffPortal.Beside(bigPage, "file-error"), StringComparison.Ordinal);

        var (broken, brokenPage) = await StaffPortal.UploadAsync(ines, page, [("Upload.Title", "Broken"), ("Upload.Class", "poc"), ("Upload.Tlp", "TLP:RED")],
            "Upload.File", "broken.py", "text/x-python", Encoding.UTF8.GetBytes(TracingSamples.BrokenPython));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("does not parse", StaffPortal.Beside(brokenPage, "file-error"), StringComparison.Ordinal);

        var (odd, oddPage) = await StaffPortal.UploadAsync(ines, page, [("Upload.Title", "Odd"), ("Upload.Class", "description"), ("Upload.Tlp", "TLP:AMBER")],
            "Upload.File", "odd.bin", "not a type", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.Contains("is not one", StaffPortal.Beside(oddPage, "file-error"), StringComparison.Ordinal);

        Assert.Equal(0, await _f.InStoreAsync(db => db.Artifacts.CountAsync(a => a.Title == "Too big" || a.Title == "Broken" || a.Title == "Odd")));
        Assert.Equal(entries, await StaffPortal.ChangesLoggedAsync(_f));

        // A good one is added, and the API shows it.
        var (added, addedPage) = await StaffPortal.UploadAsync(ines, page, [("Upload.Title", "Workaround notes"), ("Upload.Class", "mitigation"), ("Upload.Tlp", "TLP:GREEN")],
            "Upload.File", "workaround.txt", "text/plain", Encoding.UTF8.GetBytes("Turn the widget off and on again.\n"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Workaround notes is added", WebUtility.HtmlDecode(addedPage), StringComparison.Ordinal);
        var artifact = (await DemoFacts.Advisory(_f.Staff(), reference))["artifacts"]!.AsArray().Single(a => (string?)a!["title"] == "Workaround notes")!;
        Assert.Equal("mitigation", (string?)artifact["class"]);
        Assert.Equal("workaround.txt", (string?)artifact["fileName"]);
    }

    [Fact]
    public async Task The_artifacts_page_shows_the_apis_capacity_report_and_warnings()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var report = await _f.Staff().GetJson($"/api/v1/advisories/{reference}/fingerprints");
        var ines = await StaffPortal.InesAsync(_f);
        var (r, html) = await ines.GetAsync($"/portal/staff/advisories/{reference}/artifacts");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var shown = WebUtility.HtmlDecode(html);
        foreach (var warning in report["warnings"]!.AsArray()) Assert.Contains((string)warning!, shown, StringComparison.Ordinal);
        foreach (var f in report["fingerprints"]!.AsArray())
        {
            Assert.Contains($"{(string)f!["method"]!}: {(int)f["sites"]!} marks", shown, StringComparison.Ordinal);
            Assert.Contains($"{(int)f["recipients"]!} recipients ({(string)f["recipientsCounted"]!})", shown, StringComparison.Ordinal);
        }
        // All the fingerprinted artifacts together, with what to add.
        Assert.Contains($"{(int)report["advisory"]!["sites"]!} marks across the advisory", shown, StringComparison.Ordinal);
        foreach (var advice in report["advisory"]!["advice"]!.AsArray()) Assert.Contains((string)advice!, shown, StringComparison.Ordinal);
        foreach (var (_, why) in report["unmarked"]!.AsObject()) Assert.Contains((string)why!, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wave_planned_in_the_page_is_in_the_apis_list_and_can_be_cancelled()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var staff = _f.Staff();
        var mitigation = await DemoFacts.ArtifactId(staff, reference, "mitigation");
        var before = (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray().Count;
        var at = ForewarnFactory.Start.AddDays(2).AddHours(3);
        var page = $"/portal/staff/advisories/{reference}/waves";
        var ines = await StaffPortal.InesAsync(_f);

        // No artifact ticked: said beside the list, nothing planned.
        var (empty, emptyPage) = await ines.SubmitAsync(page, page + "?handler=Plan", ("Plan.Kind", "update"), ("Plan.Note", "Nothing"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("at least one artifact", StaffPortal.Beside(emptyPage, "artifacts-error"), StringComparison.Ordinal);
        Assert.Equal(before, (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray().Count);

        var (planned, plannedPage) = await ines.SubmitAsync(page, page + "?handler=Plan", ("Plan.Kind", "update"),
            ("Plan.At", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("Plan.ArtifactIds", mitigation), ("Plan.Note", "Mitigation for all"));
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Contains("is planned for", WebUtility.HtmlDecode(plannedPage), StringComparison.Ordinal);
        var waves = (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray();
        var wave = waves.Single(w => (string?)w!["note"] == "Mitigation for all")!;
        Assert.Equal(at, (DateTimeOffset)wave["at"]!);
        Assert.Equal(mitigation, (string)wave["artifactIds"]!.AsArray().Single()!);
        Assert.Equal("update", (string?)wave["kind"]);

        var (cancelled, _) = await ines.SubmitAsync(page, page + $"?handler=Cancel&number={(int)wave["number"]!}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(before, (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray().Count);
    }

    [Fact]
    public async Task The_delivery_matrix_lists_the_apis_partners_and_a_release_moved_in_the_page_is_the_apis()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var staff = _f.Staff();
        var first = (int)(await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray()[0]!["number"]!;
        var matrix = await staff.GetJson($"/api/v1/advisories/{reference}/waves/{first}/deliveries");
        var ines = await StaffPortal.InesAsync(_f);
        var (r, html) = await ines.GetAsync($"/portal/staff/advisories/{reference}/waves/{first}/deliveries");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var shown = WebUtility.HtmlDecode(html);
        Assert.NotEmpty(matrix["rows"]!.AsArray());
        foreach (var row in matrix["rows"]!.AsArray()) Assert.Contains((string)row!["partner"]!, shown, StringComparison.Ordinal);
        Assert.Equal(matrix["rows"]!.AsArray().Count, System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"row\"").Count);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync($"/portal/staff/advisories/{reference}/waves/99/deliveries")).Response.StatusCode);

        // Postponing the release (no second member needed) through the overview's form.
        var show = $"/portal/staff/advisories/{reference}";
        var later = ForewarnFactory.Start.AddDays(9);
        var (moved, movedPage) = await ines.SubmitAsync(show, show + "?handler=Move",
            ("Release.ReleaseAt", later.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("Release.Reason", "The vendor needs more time"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("The release of", WebUtility.HtmlDecode(movedPage), StringComparison.Ordinal);
        Assert.Equal(later, (DateTimeOffset)(await staff.GetJson($"/api/v1/advisories/{reference}"))["releaseAt"]!);
    }
}
