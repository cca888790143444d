using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Portal.Investigations;

/// <summary>
/// The staff sightings pages: the list is the API's (both kinds, by advisory); a sighting recorded in the portal,
/// with its sample traced, is the API's; and the embargo is broken on one only after an explicit confirmation,
/// through <c>EmbargoBreakService</c> and its four eyes.
/// </summary>
public sealed partial class SightingPagesTests
{
    [Fact]
    public async Task The_list_shows_both_kinds_as_the_api_does_and_filters_by_advisory()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        await Cases.CaseSteps.SightingAsync(f.Partner(DemoFacts.Trusted));
        await Sightings.Sightings.RecordAsync(staff, Sightings.Sightings.Body(DemoFacts.EmbargoReference(f)));
        foreach (var query in new[] { "", $"?advisory={DemoFacts.Replay}", $"?advisory={DemoFacts.EmbargoReference(f)}", $"?advisory={DemoFacts.Replay}&kind=partner" })
        {
            var api = (await staff.GetJson("/api/v1/sightings" + query + (query.Length == 0 ? "?" : "&") + "limit=1000")).AsArray();
            var (page, html) = await ines.GetAsync("/portal/staff/sightings" + query);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var shown = Row().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(api.Select(s => (string)s!["id"]!), shown);
        }
        var (_, bad) = await ines.GetAsync("/portal/staff/sightings?advisory=FW-1999-0001");
        Assert.NotEqual("", Investigators.ErrorBeside(bad, "advisory-error"));
    }

    [Fact]
    public async Task A_sighting_recorded_in_the_portal_with_a_sample_is_the_apis_and_shows_its_trace_and_sample()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var count = (await staff.GetJson("/api/v1/sightings?kind=staff")).AsArray().Count;
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var fragment = await Sightings.Sightings.FragmentOfCopyAsync(f.Partner(DemoFacts.Trusted), description);
        (string, string)[] fields =
        [
            ("Input.Advisory", DemoFacts.Replay), ("Input.FirstObservedAt", "2025-07-06 08:00"), ("Input.Source", "A CERT's note"),
            ("Input.Url", "https://cert.example.org/n/1"), ("Input.Confidence", "high"), ("Input.Description", "Requests to the cache endpoint."),
            ("Input.Indicators", "198.51.100.23\n203.0.113.9"),
        ];

        // Each problem beside its field, and nothing recorded.
        var (bad, badHtml) = await ines.SubmitAsync("/portal/staff/sightings/new", ("Input.Advisory", "FW-1999-0001"), ("Input.FirstObservedAt", "soon"),
            ("Input.Source", "x"), ("Input.Confidence", "high"), ("Input.Description", "d"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("is not a time", Investigators.ErrorBeside(badHtml, "observed-error"), StringComparison.Ordinal);
        var (noSource, noSourceHtml) = await ines.SubmitAsync("/portal/staff/sightings/new", [.. fields.Where(x => x.Item1 != "Input.Source")]);
        Assert.Equal(HttpStatusCode.OK, noSource.StatusCode);
        Assert.NotEqual("", Investigators.ErrorBeside(noSourceHtml, "source-error"));
        var (badUrl, badUrlHtml) = await ines.SubmitAsync("/portal/staff/sightings/new", [.. fields.Where(x => x.Item1 != "Input.Url"), ("Input.Url", "ftp://x")]);
        Assert.Equal(HttpStatusCode.OK, badUrl.StatusCode);
        Assert.Contains("not an http", Investigators.ErrorBeside(badUrlHtml, "url-error"), StringComparison.Ordinal);
        var (big, bigHtml) = await Investigators.UploadAsync(ines, "/portal/staff/sightings/new", "/portal/staff/sightings/new", fields,
            "Input.SampleFile", "big.txt", "text/plain", Encoding.UTF8.GetBytes(new string('a', 256 * 1024 + 1)));
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains("256 KiB", Investigators.ErrorBeside(bigHtml, "sample-file-error"), StringComparison.Ordinal);
        var (binary, binaryHtml) = await Investigators.UploadAsync(ines, "/portal/staff/sightings/new", "/portal/staff/sightings/new", fields,
            "Input.SampleFile", "a.bin", "application/octet-stream", [0xff, 0xfe, 0x00, 0xc3]);
        Assert.Equal(HttpStatusCode.OK, binary.StatusCode);
        Assert.Contains("not UTF-8", Investigators.ErrorBeside(binaryHtml, "sample-file-error"), StringComparison.Ordinal);
        Assert.Equal(count, (await staff.GetJson("/api/v1/sightings?kind=staff")).AsArray().Count);

        var (recorded, _) = await Investigators.UploadAsync(ines, "/portal/staff/sightings/new", "/portal/staff/sightings/new", fields,
            "Input.SampleFile", "paste.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(fragment));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var location = recorded.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=recorded", location, StringComparison.Ordinal);
        var id = location.Split('/', '?')[4];
        var api = await staff.GetJson($"/api/v1/sightings/{id}");
        Assert.Equal(("staff", DemoFacts.Replay, "A CERT's note", "high"), ((string)api["kind"]!, (string)api["advisory"]!, (string)api["source"]!, (string)api["confidence"]!));
        Assert.Equal(["198.51.100.23", "203.0.113.9"], api["indicators"]!.AsArray().Select(i => (string)i!));
        Assert.Equal(new DateTimeOffset(2025, 7, 6, 8, 0, 0, TimeSpan.Zero), (DateTimeOffset)api["firstObservedAt"]!);
        Assert.Equal("paste.txt", (string)api["sample"]!["fileName"]!);
        var actor = await Investigators.InesActorAsync(f);
        Assert.Equal(actor, (string)api["reportedBy"]!);
        Assert.Contains(await LogEntries.OfKindAsync(staff, LogKinds.SightingRecorded), e => e.ToJsonString().Contains(id, StringComparison.Ordinal)
            && (string?)e["entry"]!["actor"] == actor);

        // Its page: the trace's verdict and the sample as recorded.
        var (page, html) = await ines.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal((string)api["trace"]!["verdict"]!, Investigators.ErrorBeside(html, "trace-verdict"));
        var (sample, sampleBody) = await ines.GetAsync($"/portal/staff/sightings/{id}?handler=Sample");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.Equal(fragment, sampleBody);
        Assert.Equal("attachment", sample.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync($"/portal/staff/sightings/{Guid.NewGuid()}")).Response.StatusCode);
    }

    [Fact]
    public async Task The_embargo_is_broken_only_once_confirmed_and_then_the_advisory_is_released()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var sighting = (string)(await Sightings.Sightings.RecordAsync(staff, Sightings.Sightings.Body(reference)))["id"]!;
        var (_, show) = await ines.GetAsync($"/portal/staff/sightings/{sighting}");
        Assert.Contains($"href=\"/portal/staff/sightings/{sighting}/embargo-break\"", show, StringComparison.Ordinal);
        var page = $"/portal/staff/sightings/{sighting}/embargo-break";

        var (unconfirmed, html) = await ines.SubmitAsync(page, ("Reason", "Exploitation seen in the wild"), ("Reference", "FW-WRONG"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.StartsWith("Tick the box", Investigators.ErrorBeside(html, "confirm-error"), StringComparison.Ordinal);
        Assert.StartsWith("Type the advisory's reference", Investigators.ErrorBeside(html, "reference-error"), StringComparison.Ordinal);
        var (noReason, noReasonHtml) = await ines.SubmitAsync(page, ("Confirm", "true"), ("Reference", reference));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.StartsWith("Give the reason", Investigators.ErrorBeside(noReasonHtml, "reason-error"), StringComparison.Ordinal);
        Assert.NotEqual("released", (string)(await DemoFacts.Advisory(staff, reference))["state"]!);

        var (broken, _) = await ines.SubmitAsync(page, ("Reason", "Exploitation seen in the wild"), ("Confirm", "true"), ("Reference", reference.ToLowerInvariant()));
        Assert.Equal($"/portal/staff/sightings/{sighting}?done=broken", broken.Headers.Location!.OriginalString);
        Assert.Equal("released", (string)(await DemoFacts.Advisory(staff, reference))["state"]!);
        var entry = await LogEntries.SingleAsync(staff, LogKinds.EmbargoBroken, "sighting", sighting);
        Assert.Equal(await Investigators.InesActorAsync(f), (string)entry["entry"]!["actor"]!);

        // Released: no embargo left to break, and no form.
        var (_, after) = await ines.GetAsync(page);
        Assert.DoesNotContain("<form method=\"post\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/embargo-break\"", (await ines.GetAsync($"/portal/staff/sightings/{sighting}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_four_eyes_breaking_the_embargo_in_the_portal_is_a_proposal_of_the_portal_user()
    {
        await using var f = new ForewarnFactory();
        FourEyes.On(f.Settings);
        var ines = await Investigators.InesAsync(f);
        var staff = f.SecondStaff();
        var reference = DemoFacts.EmbargoReference(f);
        var sighting = (string)(await Sightings.Sightings.RecordAsync(staff, Sightings.Sightings.Body(reference)))["id"]!;

        var (proposed, _) = await ines.SubmitAsync($"/portal/staff/sightings/{sighting}/embargo-break",
            ("Reason", "Exploitation seen in the wild"), ("Confirm", "true"), ("Reference", reference));
        Assert.Equal($"/portal/staff/sightings/{sighting}?done=proposed", proposed.Headers.Location!.OriginalString);
        Assert.NotEqual("released", (string)(await DemoFacts.Advisory(staff, reference))["state"]!);
        var actor = await Investigators.InesActorAsync(f);
        Assert.Contains((await staff.GetJson("/api/v1/approvals")).AsArray(),
            p => (string?)p!["action"] == "release-earlier" && (string?)p["proposedBy"] == actor);
        var (_, page) = await ines.GetAsync($"/portal/staff/sightings/{sighting}?done=proposed");
        Assert.Contains("awaiting approval", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td><a href=\"/portal/staff/sightings/([0-9a-f-]{36})\">")]
    private static partial Regex Row();
}
