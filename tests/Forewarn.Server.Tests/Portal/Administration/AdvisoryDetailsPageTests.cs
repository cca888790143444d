using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>
/// The CSAF details form: what it saves is what <c>PUT …/details</c> saves, and the CSAF preview shows it;
/// a bad row is said beside that row and nothing changes; a form read before someone else's change is refused.
/// </summary>
public sealed class AdvisoryDetailsPageTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<int> DescribedAsync() => _f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == LogKinds.AdvisoryChanged));

    /// <summary>The index of the first empty row of a list on the form (the rows are numbered from 0).</summary>
    private static int FirstEmpty(string html, string list, string field)
    {
        for (var i = 0; ; i++)
        {
            var fields = AdminForms.FieldsOf(html).ToDictionary(x => x.Name, x => x.Value);
            if (!fields.TryGetValue($"Input.{list}[{i}].{field}", out var value)) throw new InvalidOperationException($"no empty {list} row");
            if (value.Length == 0) return i;
        }
    }

    [Fact]
    public async Task Details_saved_in_the_form_are_what_the_api_shows_and_the_csaf_preview_carries_them()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/details";
        var ines = await StaffPortal.InesAsync(_f);
        var (shown, form) = await ines.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var note = FirstEmpty(form, "Notes", "Text");
        var link = FirstEmpty(form, "References", "Url");
        var product = FirstEmpty(form, "Products", "Id");
        var vulnerability = FirstEmpty(form, "Vulnerabilities", "Title");

        var (saved, _) = await ines.PostAsync(page, AdminForms.FieldsOf(form,
            ("Input.Tlp", "TLP:RED"),
            ($"Input.Notes[{note}].Category", "faq"), ($"Input.Notes[{note}].Title", "Portal question"), ($"Input.Notes[{note}].Text", "Answered in the portal."),
            ($"Input.References[{link}].Url", "https://example.org/portal-reference"), ($"Input.References[{link}].Summary", "The vendor's notice"),
            ($"Input.Products[{product}].Id", "PORTAL-1"), ($"Input.Products[{product}].Name", "Gadget 9"),
            ($"Input.Vulnerabilities[{vulnerability}].Title", "Gadget overflow"),
            ($"Input.Vulnerabilities[{vulnerability}].Statuses[0].Value", "known_affected"),
            ($"Input.Vulnerabilities[{vulnerability}].Statuses[0].ProductIds", "PORTAL-1"),
            ($"Input.Vulnerabilities[{vulnerability}].Scores[0].Value", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            ($"Input.Vulnerabilities[{vulnerability}].Scores[0].ProductIds", "PORTAL-1"),
            ($"Input.Vulnerabilities[{vulnerability}].Remediations[0].Value", "workaround"),
            ($"Input.Vulnerabilities[{vulnerability}].Remediations[0].Details", "Turn the gadget off."),
            ($"Input.Vulnerabilities[{vulnerability}].Remediations[0].ProductIds", "PORTAL-1"),
            ("Input.Change", "Details from the portal")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/portal/staff/advisories/{reference}/csaf", saved.Headers.Location!.OriginalString);

        var details = (await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["details"]!;
        Assert.Equal("TLP:RED", (string?)details["tlp"]);
        Assert.Contains(details["notes"]!.AsArray(), n => (string?)n!["text"] == "Answered in the portal." && (string?)n["category"] == "faq");
        Assert.Contains(details["references"]!.AsArray(), r => (string?)r!["url"] == "https://example.org/portal-reference" && (string?)r["category"] == "external");
        Assert.Contains(details["products"]!.AsArray(), p => (string?)p!["id"] == "PORTAL-1");
        var made = details["vulnerabilities"]!.AsArray().Single(v => (string?)v!["title"] == "Gadget overflow")!;
        Assert.Equal("workaround", (string?)made["remediations"]![0]!["category"]);
        Assert.Equal("PORTAL-1", (string?)made["scores"]![0]!["productIds"]![0]);

        // The rows the form did not touch are kept as they were (the form sent them back).
        var (_, again) = await ines.GetAsync(page);
        Assert.Contains("Answered in the portal.", again, StringComparison.Ordinal);

        var (_, csaf) = await ines.GetAsync($"/portal/staff/advisories/{reference}/csaf");
        Assert.Contains("Answered in the portal.", csaf, StringComparison.Ordinal);
        Assert.Contains("Gadget 9", csaf, StringComparison.Ordinal);
        Assert.Contains("id=\"csaf-verdict\">Passed", csaf, StringComparison.Ordinal);

        var entry = (await Forewarn.Server.Tests.Transparency.LogEntries.OfKindAsync(_f.Staff(), LogKinds.AdvisoryChanged))
            .Select(e => e["entry"]!).Last(e => (string?)e["change"] == "described");
        Assert.Contains("portal-user:", entry.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_said_beside_that_row_and_nothing_changes()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/details";
        var ines = await StaffPortal.InesAsync(_f);
        var before = (await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["details"]!.ToJsonString();
        var entries = await DescribedAsync();
        var (_, form) = await ines.GetAsync(page);
        var link = FirstEmpty(form, "References", "Url");
        var vulnerability = FirstEmpty(form, "Vulnerabilities", "Title");

        var (refused, html) = await ines.PostAsync(page, AdminForms.FieldsOf(form,
            ($"Input.References[{link}].Url", "ftp://example.org/x"), ($"Input.References[{link}].Summary", "Not a web address"),
            ($"Input.Vulnerabilities[{vulnerability}].Title", "Refers to nothing"),
            ($"Input.Vulnerabilities[{vulnerability}].Statuses[0].Value", "fixed"),
            ($"Input.Vulnerabilities[{vulnerability}].Statuses[0].ProductIds", "NO-SUCH-PRODUCT"),
            ("Input.Change", "Bad rows")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is not an absolute http(s) URL", AdminForms.Beside(html, $"reference-{link}-error"), StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-PRODUCT", AdminForms.Beside(html, $"vulnerability-{vulnerability}-error"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        // The form comes back as it was sent.
        Assert.Contains("ftp://example.org/x", html, StringComparison.Ordinal);

        // Without a word on what changed: beside that field.
        var (_, noChange) = await ines.PostAsync(page, AdminForms.FieldsOf(form, ("Input.Change", "")));
        Assert.NotEqual("", AdminForms.Beside(noChange, "change-error"));

        Assert.Equal(before, (await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["details"]!.ToJsonString());
        Assert.Equal(entries, await DescribedAsync());
    }

    [Fact]
    public async Task A_form_read_before_someone_elses_change_is_refused_and_an_analyst_finds_no_form()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/details";
        var ines = await StaffPortal.InesAsync(_f);
        var (_, form) = await ines.GetAsync(page);

        var details = (await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["details"]!;
        var put = await _f.Staff().PutAsJsonAsync($"/api/v1/advisories/{reference}/details", new { details, change = "Changed by the API" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entries = await DescribedAsync();

        var (stale, html) = await ines.PostAsync(page, AdminForms.FieldsOf(form, ("Input.Tlp", "TLP:CLEAR"), ("Input.Change", "Too late")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("was changed by someone else after you opened this form", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotEqual("TLP:CLEAR", (string?)(await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["details"]!["tlp"]);
        Assert.Equal(entries, await DescribedAsync());

        var analyst = await StaffPortal.AnalystAsync(_f);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(page)).Response.StatusCode);
        var (_, overview) = await analyst.GetAsync($"/portal/staff/advisories/{reference}");
        Assert.DoesNotContain("/details\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("/withdraw\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await analyst.PostAsync(page, AdminForms.FieldsOf(form, ("__RequestVerificationToken", AdminForms.TokenOf((await analyst.GetAsync("/portal/sign-out")).Html))))).Response.StatusCode);
    }
}
