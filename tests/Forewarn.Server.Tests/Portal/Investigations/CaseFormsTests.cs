using System.Net;
using System.Text;
using Forewarn.Server.Tests.Cases;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Staff;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Portal.Investigations;

/// <summary>
/// Opening a case and adding evidence of every kind in the portal: each form calls the service the API calls,
/// so the API then shows the change; a refused form shows its problem beside the field and changes nothing;
/// the log names the portal user by id.
/// </summary>
public sealed class CaseFormsTests
{
    [Fact]
    public async Task A_case_opened_in_the_portal_is_the_apis_case_and_its_entry_names_the_portal_user()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var cases = (await staff.GetJson("/api/v1/cases")).AsArray().Count;
        var sighting = (string)(await Sightings.Sightings.RecordAsync(staff, Sightings.Sightings.Body(DemoFacts.Replay)))["id"]!;

        var (_, advisoryPage) = await ines.GetAsync($"/portal/staff/advisories/{DemoFacts.Replay}");
        Assert.Contains($"href=\"/portal/staff/cases/open?advisory={DemoFacts.Replay}\"", advisoryPage, StringComparison.Ordinal);
        var (_, form) = await ines.GetAsync($"/portal/staff/cases/open?advisory={DemoFacts.Replay}");
        Assert.Contains($"value=\"{sighting}\"", form, StringComparison.Ordinal);

        var (untitled, untitledHtml) = await ines.SubmitAsync("/portal/staff/cases/open", ("Advisory", DemoFacts.Replay), ("Title", ""));
        Assert.Equal(HttpStatusCode.OK, untitled.StatusCode);
        Assert.Equal("Give the case a title.", Investigators.ErrorBeside(untitledHtml, "title-error"));
        Assert.Contains("role=\"alert\"", untitledHtml, StringComparison.Ordinal);
        var (unknown, unknownHtml) = await ines.SubmitAsync("/portal/staff/cases/open", ("Advisory", DemoFacts.Replay), ("Title", "Leak"),
            ("Sightings", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.StartsWith("No sighting", Investigators.ErrorBeside(unknownHtml, "sightings-error"), StringComparison.Ordinal);
        Assert.Equal(cases, (await staff.GetJson("/api/v1/cases")).AsArray().Count);

        var (opened, _) = await ines.SubmitAsync("/portal/staff/cases/open", ("Advisory", DemoFacts.Replay), ("Title", "Exploit seen at a hoster"),
            ("Sightings", sighting));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var reference = opened.Headers.Location!.OriginalString.Split('/', '?')[4];
        var shown = await staff.GetJson($"/api/v1/cases/{reference}");
        Assert.Equal("Exploit seen at a hoster", (string)shown["title"]!);
        Assert.Equal(sighting, (string)shown["sightings"]!.AsArray().Single()!);
        var actor = await Investigators.InesActorAsync(f);
        Assert.Equal(actor, (string)shown["openedBy"]!);
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseOpened, "case", reference);
        Assert.Equal(actor, (string)entry["entry"]!["actor"]!);
        Assert.DoesNotContain("@", entry.ToJsonString(), StringComparison.Ordinal);
        var (page, html) = await ines.GetAsync(opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The case is opened.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sighting_file_trace_and_exposure_evidence_added_in_the_portal_are_the_apis_evidence()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var evidencePage = $"/portal/staff/cases/{reference}/evidence";
        var sighting = (string)(await Sightings.Sightings.RecordAsync(staff, Sightings.Sightings.Body(DemoFacts.Replay)))["id"]!;
        async Task<int> CountAsync() => (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray().Count;

        // A sighting of the case's advisory, chosen from its list.
        var (_, form) = await ines.GetAsync(evidencePage);
        Assert.Contains($"value=\"{sighting}\"", form, StringComparison.Ordinal);
        var (none, noneHtml) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Sighting", ("SightingId", ""));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("Choose the sighting.", Investigators.ErrorBeside(noneHtml, "sighting-error"));
        Assert.Equal(0, await CountAsync());
        var (added, _) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Sighting", ("SightingId", sighting));
        Assert.Equal($"/portal/staff/cases/{reference}?done=sighting#evidence", added.Headers.Location!.OriginalString);
        var evidence = (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray();
        Assert.Equal(sighting, (string)evidence[^1]!["sightingId"]!);

        // A file: the found copy, traced as the API traces it; too large or empty is refused beside the field.
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var copy = await f.Partner(DemoFacts.Trusted).GetStringAsync($"/api/v1/me/artifacts/{description}/content");
        var (big, bigHtml) = await Investigators.UploadAsync(ines, evidencePage, evidencePage + "?handler=File", [], "Upload", "big.txt", "text/plain",
            new byte[4 * 1024 * 1024 + 10]);
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains("at most", Investigators.ErrorBeside(bigHtml, "upload-error"), StringComparison.Ordinal);
        var (noFile, noFileHtml) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=File");
        Assert.Equal("Choose the file to keep.", Investigators.ErrorBeside(noFileHtml, "upload-error"));
        Assert.Equal(HttpStatusCode.OK, noFile.StatusCode);
        Assert.Equal(1, await CountAsync());
        var (kept, _) = await Investigators.UploadAsync(ines, evidencePage, evidencePage + "?handler=File", [], "Upload", "found.txt",
            "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(copy));
        Assert.Equal($"/portal/staff/cases/{reference}?done=file#evidence", kept.Headers.Location!.OriginalString);
        var file = (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray()[^1]!;
        Assert.Equal(("file", "found.txt"), ((string)file["kind"]!, (string)file["fileName"]!));
        Assert.StartsWith("Named Bastion", (string)file["trace"]!["verdict"]!, StringComparison.Ordinal);
        var (_, casePage) = await ines.GetAsync($"/portal/staff/cases/{reference}");
        Assert.Contains("traced: Named Bastion", WebUtility.HtmlDecode(casePage), StringComparison.Ordinal);

        // A trace run now: an unknown artifact beside the artifact; then the result kept, the text not.
        var (badArtifact, badArtifactHtml) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Trace", ("Leaked", copy), ("Artifact", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, badArtifact.StatusCode);
        Assert.NotEqual("", Investigators.ErrorBeside(badArtifactHtml, "artifact-error"));
        Assert.Equal(2, await CountAsync());
        var (traced, _) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Trace", ("Leaked", copy), ("Artifact", description));
        Assert.Equal($"/portal/staff/cases/{reference}?done=trace#evidence", traced.Headers.Location!.OriginalString);
        var trace = (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray()[^1]!;
        Assert.Equal("trace", (string)trace["kind"]!);
        Assert.StartsWith("Named Bastion", (string)trace["trace"]!["verdict"]!, StringComparison.Ordinal);

        // An exposure snapshot before T: a time that is not one beside the field; then frozen with its checkpoint.
        var (badTime, badTimeHtml) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Exposure", ("Before", "someday"));
        Assert.Equal(HttpStatusCode.OK, badTime.StatusCode);
        Assert.Contains("is not a time", Investigators.ErrorBeside(badTimeHtml, "before-error"), StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync());
        var (frozen, _) = await ines.SubmitAsync(evidencePage, evidencePage + "?handler=Exposure", ("Before", "2025-07-07T00:00:00Z"));
        Assert.Equal($"/portal/staff/cases/{reference}?done=exposure#evidence", frozen.Headers.Location!.OriginalString);
        var all = (await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray();
        Assert.Equal("exposure", (string)all[^1]!["kind"]!);
        Assert.NotNull(all[^1]!["checkpoint"]);

        // Every piece names Ines's portal user, in the case and in its log entry.
        var actor = await Investigators.InesActorAsync(f);
        Assert.All(all, e => Assert.Equal(actor, (string)e!["addedBy"]!));
        var entries = await LogEntries.OfKindAsync(staff, LogKinds.CaseEvidenceAdded);
        Assert.Equal(4, entries.Count(e => (string?)e["entry"]!["case"] == reference && (string?)e["entry"]!["actor"] == actor));
    }

    [Fact]
    public async Task A_forged_post_to_an_investigation_form_is_refused()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var reference = await StaffVisitors.CaseReferenceAsync(f);
        var sighting = (string)(await f.Staff().GetJson("/api/v1/sightings"))[0]!["id"]!;
        foreach (var path in new[]
                 {
                     "/portal/staff/cases/open", $"/portal/staff/cases/{reference}/evidence?handler=Sighting", $"/portal/staff/cases/{reference}/close",
                     $"/portal/staff/cases/{reference}/decisions/1/appeal", "/portal/staff/sightings/new", $"/portal/staff/sightings/{sighting}/embargo-break",
                 })
        {
            var (forged, _) = await ines.PostAsync(path, ("Title", "x"), ("Summary", "x"), ("Reason", "x"));
            Assert.True(forged.StatusCode == HttpStatusCode.BadRequest, $"{path}: {forged.StatusCode}");
        }
    }
}
