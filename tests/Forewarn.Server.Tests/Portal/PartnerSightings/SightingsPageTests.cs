using System.Net;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Tests.Portal.Partner;
using Forewarn.Server.Tests.Portal.Staff;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using static Forewarn.Server.Tests.Portal.PartnerSightings.PartnerSightingSteps;

namespace Forewarn.Server.Tests.Portal.PartnerSightings;

/// <summary>
/// A partner's user reports a sighting on the portal's page: it reaches the staff (API and dashboard)
/// as the API's own would, its sample is traced for staff and the trace is never shown to the partner,
/// and a refused form changes nothing.
/// </summary>
public sealed class SightingsPageTests
{
    [Fact]
    public async Task A_sighting_reported_on_the_page_is_what_staff_and_the_partners_api_list_and_its_entry_names_the_user()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, _) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var (form, formHtml) = await visitor.GetAsync($"{Page}?advisory={advisory}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"<option value=\"{advisory}\" selected=\"selected\">", formHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/portal/sightings?advisory={advisory}#report\"", (await visitor.GetAsync($"/portal/advisories/{advisory}")).Html,
            StringComparison.Ordinal);

        var (sent, sentHtml) = await visitor.SubmitAsync(Page, ("Report.Advisory", advisory), ("Report.FirstSeenAt", Seen(f)),
            ("Report.SeenWhere", "Two customer VPN gateways"), ("Report.Description", "Exploit attempts against the ToolPane endpoint"));
        Assert.True(HttpStatusCode.Redirect == sent.StatusCode, sentHtml);
        Assert.Equal("/portal/sightings?done=reported", sent.Headers.Location?.OriginalString);

        var user = await CorvidAtThePortal.UserNameAsync(f);
        var staffs = Assert.Single(await StaffListAsync(f), s => (string?)s!["channel"] == "portal")!;
        Assert.Equal(("Exploit attempts against the ToolPane endpoint", "Two customer VPN gateways", "Corvid Networks Inc."),
            ((string?)staffs["description"], (string?)staffs["seenWhere"], (string?)staffs["reportedBy"]));
        Assert.Equal(advisory, (string?)staffs["advisoryId"]);
        Assert.Equal(Seen(f), ((DateTimeOffset)staffs["firstObservedAt"]!).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(user, (string?)staffs["source"], StringComparison.Ordinal);

        var mine = Assert.Single((await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/sightings")).AsArray(), s => (string?)s!["channel"] == "portal")!;
        Assert.Equal((string?)staffs["id"], (string?)mine["id"]);
        Assert.Equal(user, (string?)mine["reportedBy"]);
        Assert.Contains("Two customer VPN gateways", (await visitor.GetAsync(Page)).Html, StringComparison.Ordinal);
        // Staff see it on their dashboard's recent sightings too.
        var ines = await StaffVisitors.InesAsync(f);
        Assert.Contains("Corvid Networks Inc.", (await ines.GetAsync("/portal/staff")).Html, StringComparison.Ordinal);

        var entry = await LogEntries.SingleAsync(f.Staff(), LogKinds.SightingRecorded, "sighting", (string)staffs["id"]!);
        Assert.Equal(user, (string?)entry["entry"]!["actor"]);
        Assert.Equal("portal", (string?)entry["entry"]!["channel"]);
        Assert.Null(entry["partnerId"]);
        Assert.DoesNotContain(CorvidAtThePortal.Email(f), entry.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_is_traced_for_staff_and_the_partner_never_sees_the_trace_or_whom_it_names()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, copy) = await BastionsCopyAsync(f);

        var (sent, _) = await StaffPortal.UploadAsync(visitor, Page,
            [("Report.Advisory", advisory), ("Report.FirstSeenAt", Seen(f)), ("Report.Description", "Found pasted on a forum")],
            "Report.Sample", "found.txt", "text/plain", copy);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var staff = f.Staff();
        var id = (string)Assert.Single(await StaffListAsync(f), s => (string?)s!["channel"] == "portal")!["id"]!;
        var shown = await staff.GetJson($"/api/v1/sightings/{id}");
        Assert.Equal("found.txt", (string?)shown["sample"]!["fileName"]);
        var accused = shown["trace"]!["accused"]!.AsArray();
        Assert.Equal("Bastion Endpoint Security GmbH", (string?)Assert.Single(accused)!["name"]);
        var verdict = (string)shown["trace"]!["verdict"]!;
        Assert.Equal(copy, await (await staff.GetAsync($"/api/v1/sightings/{id}/sample")).Content.ReadAsByteArrayAsync());
        var entry = await LogEntries.SingleAsync(staff, LogKinds.SightingRecorded, "sighting", id);
        Assert.Equal(64, ((string?)entry["entry"]!["sample_sha256"])!.Length);
        Assert.DoesNotContain(Encoding.UTF8.GetString(copy)[..40], entry.ToJsonString(), StringComparison.Ordinal);

        // The partner's page and API answer: the sample's hash, never the trace, never Bastion.
        var html = (await visitor.GetAsync(Page)).Html;
        var api = (await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/sightings")).ToJsonString();
        foreach (var seen in new[] { html, api })
        {
            Assert.Contains((string)shown["sample"]!["sha256"]!, seen, StringComparison.Ordinal);
            Assert.DoesNotContain("Bastion", seen, StringComparison.Ordinal);
            Assert.DoesNotContain(verdict[..30], seen, StringComparison.Ordinal);
            Assert.DoesNotContain("accused", seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("trace", seen, StringComparison.OrdinalIgnoreCase);
        }
        // Nor among the partner's own log entries.
        Assert.DoesNotContain("Bastion", (await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/log/entries")).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_forms_show_the_problem_beside_the_field_and_store_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, _) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var before = await StoredAsync(f);
        (string, string)[] good = [("Report.Advisory", advisory), ("Report.FirstSeenAt", Seen(f)), ("Report.Description", "Seen")];

        var (big, bigHtml) = await StaffPortal.UploadAsync(visitor, Page, good, "Report.Sample", "big.txt", "text/plain",
            Encoding.UTF8.GetBytes(new string('a', 256 * 1024 + 1)));
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.StartsWith("The sample has 262145 bytes", StaffPortal.Beside(bigHtml, "sample-error"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", bigHtml, StringComparison.Ordinal);

        var (binary, binaryHtml) = await StaffPortal.UploadAsync(visitor, Page, good, "Report.Sample", "x.bin", "application/octet-stream", [0xff, 0xfe, 0x00, 0x81]);
        Assert.Equal(HttpStatusCode.OK, binary.StatusCode);
        Assert.StartsWith("The sample is not UTF-8 text", StaffPortal.Beside(binaryHtml, "sample-error"), StringComparison.Ordinal);

        var (type, typeHtml) = await StaffPortal.UploadAsync(visitor, Page, good, "Report.Sample", "x.txt", "not a type", Encoding.UTF8.GetBytes("text"));
        Assert.Equal(HttpStatusCode.OK, type.StatusCode);
        Assert.NotEqual("", StaffPortal.Beside(typeHtml, "sample-error"));

        var (future, futureHtml) = await visitor.SubmitAsync(Page, ("Report.Advisory", advisory), ("Report.FirstSeenAt", "2099-01-01 00:00"), ("Report.Description", "Seen"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("lies in the future", StaffPortal.Beside(futureHtml, "seen-error"), StringComparison.Ordinal);

        var (empty, emptyHtml) = await visitor.SubmitAsync(Page, ("Report.Advisory", ""), ("Report.FirstSeenAt", "soon"), ("Report.Description", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Choose the advisory whose flaw you saw exploited.", StaffPortal.Beside(emptyHtml, "advisory-error"));
        Assert.Equal("Give the time as 2026-12-01 14:00 (UTC).", StaffPortal.Beside(emptyHtml, "seen-error"));
        Assert.Equal("Say what you saw.", StaffPortal.Beside(emptyHtml, "description-error"));

        // An advisory Corvid's inbox does not list is refused as an unknown one would be.
        foreach (var other in new[] { await NotCorvidsAsync(f), Guid.NewGuid().ToString() })
        {
            var (hidden, hiddenHtml) = await visitor.SubmitAsync(Page, ("Report.Advisory", other), ("Report.FirstSeenAt", Seen(f)), ("Report.Description", "Seen"));
            Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
            Assert.Equal("Choose one of the advisories in your inbox.", StaffPortal.Beside(hiddenHtml, "advisory-error"));
        }

        var (forged, _) = await visitor.PostAsync(Page, good);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(before, await StoredAsync(f));
    }

    [Fact]
    public async Task Staff_find_no_partner_sightings_page()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync(Page)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync("/portal/decisions")).Response.StatusCode);
    }
}
