using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Demo;

/// <summary>
/// The demo's worked investigation of the 2025 replay, as the first start leaves it: the staff
/// sighting, the case linking it with an exposure snapshot before the sighting, the found fragment
/// of Mistral's PoC copy traced to Mistral, Mistral suspended by the case — each step a log entry —
/// and told only once, however often the store is started.
/// </summary>
public sealed class DemoInvestigationTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_first_start_records_the_case_with_its_sighting_exposure_trace_and_decision()
    {
        var staff = _f.Staff();
        var mistral = _f.PartnerInfo(DemoFacts.Leaker);
        var c = await DemoCaseAsync(staff);
        Assert.Equal(DemoFacts.Replay, (string?)c["advisory"]);
        Assert.Equal("open", (string?)c["state"]);

        // The sighting: seen elsewhere on 7 July 2025, high confidence, linked to the case.
        var sightingId = (string)Assert.Single(c["sightings"]!.AsArray())!;
        var sighting = await staff.GetJson($"/api/v1/sightings/{sightingId}");
        Assert.Equal("staff", (string?)sighting["kind"]);
        Assert.Equal(DemoInvestigationStory.FirstObserved, DateTimeOffset.Parse((string)sighting["firstObservedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("high", (string?)sighting["confidence"]);
        Assert.EndsWith(".example.org", new Uri((string)sighting["sourceUrl"]!).Host, StringComparison.Ordinal);

        var evidence = c["evidence"]!.AsArray();
        // The exposure snapshot before the sighting, frozen at a checkpoint: the PoC was open to Mistral then, and to five others.
        var exposure = evidence.Single(e => (string?)e!["kind"] == "exposure")!;
        Assert.Equal(DemoInvestigationStory.FirstObserved, DateTimeOffset.Parse((string)exposure["exposure"]!["before"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((long)exposure["checkpoint"]!["size"]! > 0);
        var pocOpen = exposure["exposure"]!["groups"]!.AsObject().SelectMany(g => g.Value!.AsArray())
            .Where(p => p!["classes"]!.AsArray().Any(x => (string?)x!["class"] == "poc" && (bool)x["open"]!))
            .Select(p => (string)p!["partner"]!).Order().ToList();
        Assert.Equal(["Bastion Endpoint Security GmbH", "Corvid Networks Inc.", "Fjordwatch CERT", "Jadewall Security Co., Ltd.",
            "Mistral Sentinel SAS", "Oakridge Threat Response"], pocOpen);

        // The found fragment, kept as a file and traced at once to Mistral alone, on the PoC's marks.
        var file = evidence.Single(e => (string?)e!["kind"] == "file")!;
        Assert.Equal(DemoInvestigationStory.FragmentFileName, (string?)file["fileName"]);
        var accused = Assert.Single(file["trace"]!["accused"]!.AsArray())!;
        Assert.Equal(mistral.Id, Guid.Parse((string)accused["partnerId"]!));
        var poc = file["trace"]!["artifacts"]!.AsArray().Single(a => (string?)a!["method"] == "python")!;
        Assert.True((double)accused["score"]! > (double)poc["threshold"]!);

        // The fragment is a genuine excerpt of the copy Mistral is served.
        var pocId = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var found = await staff.GetStringAsync($"/api/v1/cases/{c["reference"]}/evidence/{file["number"]}/content");
        var copy = await _f.InStoreAsync(async db =>
        {
            var artifact = await db.Artifacts.AsNoTracking().FirstAsync(a => a.Id == new ArtifactId(Guid.Parse(pocId)));
            var content = await db.ArtifactContents.AsNoTracking().FirstAsync(x => x.ArtifactId == artifact.Id);
            var marking = _f.Services.GetRequiredService<ArtifactMarking>();
            return Encoding.UTF8.GetString((await marking.CopyForAsync(artifact, content.Bytes, new PartnerId(mistral.Id), CancellationToken.None)).Bytes);
        });
        Assert.Contains(found.TrimEnd('\n'), copy, StringComparison.Ordinal);
        Assert.True(found.Split('\n').Length > 100);

        // The decision: Mistral suspended by the case, at once.
        var decision = Assert.Single(c["decisions"]!.AsArray())!;
        Assert.Equal(mistral.Id, Guid.Parse((string)decision["partnerId"]!));
        Assert.Equal("suspend", (string?)decision["kind"]);
        Assert.Equal("in-effect", (string?)decision["state"]);
        var partner = await staff.GetJson($"/api/v1/partners/{mistral.Id}");
        Assert.Equal("suspended", (string?)partner["status"]);
        Assert.Equal("suspended", mistral.Status); // the demo's key file says so too
        var refused = await _f.Partner(DemoFacts.Leaker).GetAsync($"/api/v1/me/artifacts/{pocId}/content");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        // Every step is in the log.
        var reference = (string)c["reference"]!;
        await LogEntries.SingleAsync(staff, LogKinds.SightingRecorded, "sighting", sightingId);
        await LogEntries.SingleAsync(staff, LogKinds.CaseOpened, "case", reference);
        Assert.Equal(evidence.Count, (await LogEntries.OfKindAsync(staff, LogKinds.CaseEvidenceAdded)).Count(e => (string?)e["entry"]!["case"] == reference));
        var decided = await LogEntries.SingleAsync(staff, LogKinds.CaseDecision, "case", reference);
        Assert.Equal(mistral.Id.ToString(), (string?)decided["entry"]!["partner"]);
    }

    [Fact]
    public async Task Another_start_of_the_same_store_does_not_tell_the_story_again()
    {
        var staff = _f.Staff();
        var before = await CountsAsync(staff);
        Assert.Equal(DemoInvestigation.Recorded, await SettingAsync());

        // A plain second start, and one that finds the story still marked due (as after a start interrupted half-way).
        await using (var second = new SecondServer(_f)) _ = await second.WithKey(_f.Credentials.Staff.ApiKey).GetJson("/health");
        Assert.Equal(before, await CountsAsync(staff));
        await _f.InStoreAsync(db => db.Settings.Where(s => s.Key == DemoInvestigation.Setting)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, DemoInvestigation.Due)));
        await using (var third = new SecondServer(_f)) _ = await third.WithKey(_f.Credentials.Staff.ApiKey).GetJson("/health");
        Assert.Equal(before, await CountsAsync(staff));
        Assert.Equal(DemoInvestigation.Recorded, await SettingAsync());
    }

    private Task<string?> SettingAsync() =>
        _f.InStoreAsync(db => db.Settings.AsNoTracking().Where(s => s.Key == DemoInvestigation.Setting).Select(s => s.Value).FirstOrDefaultAsync());

    /// <summary>How many sightings, cases, pieces of evidence and decisions there are, and the log's entries of each.</summary>
    private static async Task<string> CountsAsync(HttpClient staff)
    {
        var cases = (await staff.GetJson("/api/v1/cases")).AsArray();
        var evidence = 0;
        var decisions = 0;
        foreach (var listed in cases)
        {
            var c = await staff.GetJson($"/api/v1/cases/{listed!["reference"]}");
            evidence += c["evidence"]!.AsArray().Count;
            decisions += c["decisions"]!.AsArray().Count;
        }
        var sightings = (await staff.GetJson("/api/v1/sightings")).AsArray().Count;
        var entries = new List<int>();
        foreach (var kind in new[] { LogKinds.SightingRecorded, LogKinds.CaseOpened, LogKinds.CaseEvidenceAdded, LogKinds.CaseDecision, LogKinds.TraceRun })
            entries.Add((await LogEntries.OfKindAsync(staff, kind)).Count);
        Assert.Single(cases);
        return $"{sightings} sightings, {cases.Count} cases, {evidence} evidence, {decisions} decisions; entries {string.Join(", ", entries)}";
    }

    private static async Task<JsonNode> DemoCaseAsync(HttpClient staff)
    {
        var listed = Assert.Single((await staff.GetJson($"/api/v1/cases?advisory={DemoFacts.Replay}")).AsArray())!;
        Assert.Equal(DemoInvestigationStory.CaseTitle, (string?)listed["title"]);
        return await staff.GetJson($"/api/v1/cases/{listed["reference"]}");
    }
}
