using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Forewarn.Domain.Cvss;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Advisories;

/// <summary>
/// The staff advisory form: the CVSS score beside the field is the domain's, a bad vector is said
/// beside it and nothing is saved, a draft made in the form is the record and log entry the API
/// makes, and an edit made on a copy someone has changed since is refused with a sentence.
/// </summary>
public sealed class AdvisoryFormTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private const string New = "/portal/staff/advisories/new";

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N")]
    public async Task Check_score_shows_the_domains_score_and_severity_beside_the_field(string vector)
    {
        var ines = await StaffPortal.InesAsync(_f);
        var (r, html) = await ines.SubmitAsync(New, New + "?handler=Check", ("Input.CvssVector", vector));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var expected = CvssVectors.Score(vector);
        Assert.Equal($"Base score {expected.BaseScore.ToString("0.0", CultureInfo.InvariantCulture)} ({expected.Severity}), CVSS {expected.Version}.",
            StaffPortal.Beside(html, "cvss-result"));
        Assert.Equal("", StaffPortal.Beside(html, "cvss-error"));
    }

    [Fact]
    public async Task An_invalid_vector_is_explained_beside_the_field_and_nothing_is_saved()
    {
        var ines = await StaffPortal.InesAsync(_f);
        const string bad = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H";
        var (_, checkedPage) = await ines.SubmitAsync(New, New + "?handler=Check", ("Input.CvssVector", bad));
        Assert.Contains("A are missing", StaffPortal.Beside(checkedPage, "cvss-error"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", checkedPage, StringComparison.Ordinal);

        var entries = await StaffPortal.ChangesLoggedAsync(_f);
        var (saved, savedPage) = await ines.SubmitAsync(New, ("Input.Reference", "FW-2026-0951"), ("Input.Title", "Flaw"),
            ("Input.Summary", "A flaw"), ("Input.CvssVector", bad), ("Input.ReleaseAt", "2026-12-30T17:00"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("A are missing", StaffPortal.Beside(savedPage, "cvss-error"), StringComparison.Ordinal);
        Assert.False(await _f.InStoreAsync(db => db.Advisories.AnyAsync(a => a.Reference == "FW-2026-0951")));
        Assert.Equal(entries, await StaffPortal.ChangesLoggedAsync(_f));
    }

    [Fact]
    public async Task A_draft_made_in_the_form_is_the_record_and_log_entry_the_api_makes()
    {
        var releaseAt = ForewarnFactory.Start.AddDays(20);
        const string vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        var staff = _f.Staff();
        await staff.PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-0950", title = "Overflow in Widget", summary = "A heap overflow.\nSecond line.",
            cveIds = new[] { "CVE-2026-1950", "CVE-2026-1951" }, products = new[] { "Widget 1", "Widget 2" }, cvssVector = vector, releaseAt,
        }, HttpStatusCode.Created);

        var ines = await StaffPortal.InesAsync(_f);
        var (made, _) = await ines.SubmitAsync(New, ("Input.Reference", "FW-2026-0951"), ("Input.Title", "Overflow in Widget"),
            ("Input.Summary", "A heap overflow.\nSecond line."), ("Input.CveIds", "CVE-2026-1950\r\nCVE-2026-1951\r\n"),
            ("Input.Products", "Widget 1\nWidget 2"), ("Input.CvssVector", vector),
            ("Input.ReleaseAt", releaseAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal("/portal/staff/advisories/FW-2026-0951", made.Headers.Location!.OriginalString);

        var api = await staff.GetJson("/api/v1/advisories/FW-2026-0950");
        var portal = await staff.GetJson("/api/v1/advisories/FW-2026-0951");
        foreach (var field in new[] { "title", "summary", "state", "releaseAt", "scheduledAt", "cveIds", "products", "cvssVector", "cvssScore", "cvssSeverity", "details" })
            Assert.Equal(api[field]?.ToJsonString(), portal[field]?.ToJsonString());

        var logged = (await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryChanged)).Select(e => e["entry"]!).ToList();
        var byApi = logged.Single(e => (string?)e["reference"] == "FW-2026-0950");
        var byPortal = logged.Single(e => (string?)e["reference"] == "FW-2026-0951");
        Assert.Equal((string?)byApi["change"], (string?)byPortal["change"]);
        Assert.Equal(byApi["changes"]!.ToJsonString(), byPortal["changes"]!.ToJsonString().Replace("0951", "0950", StringComparison.Ordinal)
            .Replace((string)portal["id"]!, (string)api["id"]!, StringComparison.Ordinal));
        // The portal names the person by user id, never by e-mail.
        Assert.Contains("portal-user:", byPortal.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("halcyon.example", byPortal.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_edit_of_a_copy_changed_since_is_refused_with_a_sentence_and_changes_nothing()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var ines = await StaffPortal.InesAsync(_f);
        var edit = $"/portal/staff/advisories/{reference}/edit";
        var (_, form) = await ines.GetAsync(edit);
        var revision = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Revision\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(revision);

        // Someone else revises the advisory through the API meanwhile.
        var changed = await _f.Staff().PatchAsJsonAsync($"/api/v1/advisories/{reference}", new { title = "Changed by the API", change = "Retitled" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var (stale, stalePage) = await ines.PostAsync(edit, [.. StaffPortal.FieldsOf(form, ("Input.Title", "Changed in the portal"), ("Input.Change", "Retitled too"))]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("was changed by someone else after you opened this form", System.Net.WebUtility.HtmlDecode(stalePage), StringComparison.Ordinal);
        Assert.Equal("Changed by the API", (string?)(await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["title"]);

        // A form opened now saves.
        var (_, fresh) = await ines.GetAsync(edit);
        var (saved, _) = await ines.PostAsync(edit, [.. StaffPortal.FieldsOf(fresh, ("Input.Title", "Changed in the portal"), ("Input.Change", "Retitled"))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await _f.Staff().GetJson($"/api/v1/advisories/{reference}");
        Assert.Equal("Changed in the portal", (string?)after["title"]);
        Assert.StartsWith("portal-user:", (string)after["revisions"]!.AsArray()[^1]!["actor"]!, StringComparison.Ordinal);
    }
}
