using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Sightings;

/// <summary>
/// POST/GET /api/v1/sightings: staff record exploitation learned of elsewhere, its sample traced at
/// once; staff and partner sightings read as one list; each recorded sighting is a log entry.
/// </summary>
public sealed class SightingApiTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_sighting_named_by_CVE_is_recorded_shown_and_logged_without_a_partner()
    {
        var staff = _f.Staff();
        var embargoed = DemoFacts.EmbargoReference(_f);

        var recorded = await Sightings.RecordAsync(staff, Sightings.Body("cve-2026-91001", indicators: ["198.51.100.23", "198.51.100.23", "bad.example"]));

        Assert.Equal("staff", (string?)recorded["kind"]);
        Assert.Equal(embargoed, (string?)recorded["advisory"]);
        Assert.Equal(ForewarnFactory.Start.AddHours(-6), (DateTimeOffset)recorded["firstObservedAt"]!);
        Assert.Equal("National CERT partner feed", (string?)recorded["source"]);
        Assert.Equal("https://cert.example.org/notes/2026-118", (string?)recorded["sourceUrl"]);
        Assert.Equal("high", (string?)recorded["confidence"]);
        Assert.Contains("Demo staff", (string?)recorded["reportedBy"], StringComparison.Ordinal);
        Assert.Equal(["198.51.100.23", "bad.example"], recorded["indicators"]!.AsArray().Select(i => (string)i!));
        Assert.Null(recorded["sample"]);
        Assert.Null(recorded["trace"]);

        var id = (string)recorded["id"]!;
        var shown = await staff.GetJson($"/api/v1/sightings/{id}");
        Assert.True(JsonNode.DeepEquals(recorded, shown), $"{recorded.ToJsonString()}\n{shown.ToJsonString()}");

        var entry = await LogEntries.SingleAsync(staff, LogKinds.SightingRecorded, "sighting", id);
        Assert.Null(entry["partner_id"]);
        Assert.Equal(embargoed, (string?)entry["entry"]!["reference"]);
        Assert.Equal("high", (string?)entry["entry"]!["confidence"]);
        Assert.Null(entry["entry"]!["sample_sha256"]);
        Assert.True(Guid.TryParse((string?)entry["entry"]!["actor_key"], out _));
    }

    [Fact]
    public async Task A_fragment_of_a_partners_copy_as_sample_is_traced_to_that_partner_and_kept_as_evidence()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted);
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var fragment = await Sightings.FragmentOfCopyAsync(_f.Partner(DemoFacts.Trusted), description);
        var before = (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count;

        var recorded = await Sightings.RecordAsync(staff, Sightings.Body(DemoFacts.Replay,
            new { text = fragment, fileName = "paste/toolpane-notes.txt", mediaType = "text/plain" }, firstObserved: ForewarnFactory.Start.AddDays(-2)));

        var bytes = Encoding.UTF8.GetBytes(fragment);
        var sample = recorded["sample"]!;
        Assert.Equal("toolpane-notes.txt", (string?)sample["fileName"]);
        Assert.Equal("text/plain", (string?)sample["mediaType"]);
        Assert.Equal(bytes.Length, (long)sample["size"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)sample["sha256"]);

        var trace = recorded["trace"]!;
        var accused = Assert.Single(trace["accused"]!.AsArray())!;
        Assert.Equal(bastion.Id, (Guid)accused["partnerId"]!);
        Assert.StartsWith("Named Bastion Endpoint Security GmbH", (string?)trace["verdict"]);
        var artifacts = trace["artifacts"]!.AsArray();
        // Every fingerprinted artifact of the advisory: description, detection guidance, mitigation and the Python PoC.
        Assert.Equal(4, artifacts.Count);
        var traced = artifacts.Single(a => (string?)a!["artifactId"] == description)!;
        Assert.True((int)traced["marksRead"]! > 0);
        Assert.True((double)Assert.Single(traced["accused"]!.AsArray())!["score"]! > (double)traced["threshold"]!);
        Assert.All(artifacts.Where(a => (string?)a!["artifactId"] != description), a => Assert.Empty(a!["accused"]!.AsArray()));
        // Five traces name whom any of them names: each is held to ε/5, so together they keep ε.
        Assert.All(artifacts.Append(trace["combined"]), a => Assert.Equal(2e-7, (double)a!["epsilon"]!, 12));
        Assert.EndsWith("(5 traces, each held to ε = 2e-7: together they name anyone innocent with chance at most 1e-6.)", (string?)trace["verdict"]);

        // Each artifact's run is a trace.run entry, and so is the run over all of them together; the
        // sighting's entry holds the sample's hash, never its text.
        Assert.Equal(before + 5, (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count);
        var entry = await LogEntries.SingleAsync(staff, LogKinds.SightingRecorded, "sighting", (string)recorded["id"]!);
        Assert.Equal((string?)sample["sha256"], (string?)entry["entry"]!["sample_sha256"]);
        Assert.Equal(bastion.Id.ToString(), (string?)entry["entry"]!["trace"]!["accused"]![0]);
        Assert.DoesNotContain(fragment[..40], entry.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(entry["partner_id"]);

        // Shown (and listed) with the evidence; the sample as it was recorded.
        var shown = await staff.GetJson($"/api/v1/sightings/{recorded["id"]}");
        Assert.Equal(bastion.Id, (Guid)shown["trace"]!["accused"]![0]!["partnerId"]!);
        var listed = (await staff.GetJson($"/api/v1/sightings?advisory={DemoFacts.Replay}")).AsArray();
        Assert.Equal(bastion.Id, (Guid)listed.Single(s => (string?)s!["id"] == (string?)recorded["id"])!["trace"]!["accused"]![0]!["partnerId"]!);
        Assert.Equal(bytes, await staff.GetByteArrayAsync($"/api/v1/sightings/{recorded["id"]}/sample"));
    }

    [Fact]
    public async Task Staff_and_partner_sightings_are_one_list_newest_first_and_each_shows_by_id()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted);
        var partnerSighting = await _f.InStoreAsync(async db =>
        {
            var replay = await db.Advisories.SingleAsync(a => a.Reference == DemoFacts.Replay);
            var key = (await db.ApiKeys.ToListAsync()).First(k => k.PartnerId == new PartnerId(bastion.Id)).Id;
            var submission = SightingSubmission.Start(new PartnerId(bastion.Id), key, ForewarnFactory.Start);
            var sighting = Sighting.Receive(new PartnerId(bastion.Id), replay.Id, key, submission.Id, "sighting--6b0e3856-95f3-4c04-a882-116832996da0",
                ForewarnFactory.Start, "indicator--0f6a2f27-8a55-4d2a-9d0f-2a1c0c6b3f10", 3, ForewarnFactory.Start.AddDays(-1), ForewarnFactory.Start,
                "{\"type\":\"sighting\"}", ForewarnFactory.Start);
            db.SightingSubmissions.Add(submission);
            db.Sightings.Add(sighting);
            await db.SaveChangesAsync();
            return sighting.Id;
        });
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        var mine = await Sightings.RecordAsync(staff, Sightings.Body(DemoFacts.Replay));

        // The demo's own staff sighting (its worked investigation) was recorded at the first start, before both.
        var list = (await staff.GetJson("/api/v1/sightings")).AsArray();
        var demo = Assert.Single(list, s => (string?)s!["source"] == DemoInvestigationStory.Source)!;
        Assert.Equal([(string)mine["id"]!, partnerSighting.ToString(), (string)demo["id"]!], list.Select(s => (string)s!["id"]!));
        var partner = list[1]!;
        Assert.Equal("partner", (string?)partner["kind"]);
        Assert.Equal(DemoFacts.Replay, (string?)partner["advisory"]);
        Assert.Equal("Bastion Endpoint Security GmbH", (string?)partner["reportedBy"]);
        Assert.Equal(bastion.Id, (Guid)partner["partnerId"]!);
        Assert.Equal(ForewarnFactory.Start.AddDays(-1), (DateTimeOffset)partner["firstObservedAt"]!);
        Assert.Equal(3, (int)partner["stix"]!["count"]!);
        Assert.Equal(1, (int)partner["stix"]!["versions"]!);

        Assert.Equal("partner", (string?)(await staff.GetJson($"/api/v1/sightings/{partnerSighting}"))["kind"]);
        Assert.Equal([(string)mine["id"]!, (string)demo["id"]!], (await staff.GetJson("/api/v1/sightings?kind=staff")).AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal([partnerSighting.ToString()], (await staff.GetJson("/api/v1/sightings?kind=partner")).AsArray().Select(s => (string)s!["id"]!));
        Assert.Single((await staff.GetJson("/api/v1/sightings?limit=1")).AsArray());
        Assert.Empty((await staff.GetJson($"/api/v1/sightings?advisory={DemoFacts.EmbargoReference(_f)}")).AsArray());
        await (await staff.GetAsync("/api/v1/sightings?kind=rumour")).Problem(HttpStatusCode.BadRequest, "invalid-kind");
        await (await staff.GetAsync("/api/v1/sightings?limit=0")).Problem(HttpStatusCode.BadRequest, "invalid-limit");
        await (await staff.GetAsync($"/api/v1/sightings/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await staff.GetAsync($"/api/v1/sightings/{mine["id"]}/sample")).Problem(HttpStatusCode.NotFound, "no-sample");
    }

    public static TheoryData<string, string, int, string> BadSightings => new()
    {
        { "unknown advisory", """{"advisory": "FW-1999-0001"}""", 404, "not-found" },
        { "CVE not in the programme", """{"advisory": "CVE-2024-11111"}""", 404, "unknown-cve" },
        { "malformed CVE", """{"advisory": "CVE-20-1"}""", 400, "invalid-cve-id" },
        { "first observed in the future", """{"firstObservedAt": "2026-11-28T12:00:01Z"}""", 400, "first-observed-in-future" },
        { "first observed unparseable", """{"firstObservedAt": "yesterday"}""", 400, "malformed-json" },
        { "first observed missing", """{"firstObservedAt": null}""", 400, "invalid-first-observed" },
        { "empty sample", """{"sample": {"text": ""}}""", 400, "empty-sample" },
        { "white-space sample", """{"sample": {"text": "  \n "}}""", 400, "empty-sample" },
        { "binary sample", """{"sample": {"contentBase64": "/wD+AAEC"}}""", 400, "sample-not-text" },
        { "bad base64", """{"sample": {"contentBase64": "not base64!"}}""", 400, "invalid-base64" },
        { "ftp URL", """{"url": "ftp://cert.example.org/note"}""", 400, "invalid-url" },
        { "relative URL", """{"url": "/notes/2026-118"}""", 400, "invalid-url" },
        { "javascript URL", """{"url": "javascript:alert(1)"}""", 400, "invalid-url" },
        { "bad confidence", """{"confidence": "certain"}""", 400, "invalid-confidence" },
        { "no source", """{"source": " "}""", 400, "invalid-field" },
        { "two-line source", """{"source": "CERT\nfeed"}""", 400, "invalid-field" },
        { "no description", """{"description": null}""", 400, "invalid-field" },
        { "empty indicator", """{"indicators": ["198.51.100.23", " "]}""", 400, "invalid-field" },
        { "bad media type", """{"sample": {"text": "x = 1", "mediaType": "not a type"}}""", 400, "invalid-media-type" },
    };

    [Theory]
    [MemberData(nameof(BadSightings))]
    public async Task Bad_input_is_a_problem_and_changes_nothing(string what, string change, int status, string code)
    {
        var staff = _f.Staff();
        var before = await StoredAsync(staff);
        var body = JsonNode.Parse(JsonSerializer.Serialize(Sightings.Body(DemoFacts.Replay, new { text = "print('x')" }), HttpJson.Web))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject()) body[name] = value?.DeepClone();
        var response = await staff.PostAsync("/api/v1/sightings", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        await response.Problem((HttpStatusCode)status, code);
        Assert.Equal(before, await StoredAsync(staff));
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task A_sample_over_the_limit_is_refused_and_one_at_the_limit_is_taken()
    {
        var staff = _f.Staff();
        var before = await StoredAsync(staff);
        var over = new string('a', StaffSighting.MaxSampleBytes + 1);
        await (await staff.PostAsJsonAsync("/api/v1/sightings", Sightings.Body(DemoFacts.Replay, new { text = over })))
            .Problem(HttpStatusCode.BadRequest, "sample-too-large");
        Assert.Equal(before, await StoredAsync(staff));

        var at = await Sightings.RecordAsync(staff, Sightings.Body(DemoFacts.Replay,
            new { contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('a', StaffSighting.MaxSampleBytes))) }));
        Assert.Equal(StaffSighting.MaxSampleBytes, (long)at["sample"]!["size"]!);
        Assert.Empty(at["trace"]!["accused"]!.AsArray());
        Assert.StartsWith("No one named", (string?)at["trace"]!["verdict"]);
    }

    [Fact]
    public async Task A_partner_key_or_a_read_only_staff_key_cannot_record_a_sighting()
    {
        var staff = _f.Staff();
        var issued = await staff.PostJson("/api/v1/keys", new { owner = "staff", name = "auditor", scopes = new[] { "staff:read" } }, HttpStatusCode.Created);
        var readOnly = _f.WithKey((string)issued["token"]!);
        var before = await StoredAsync(staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Trusted).PostAsJsonAsync("/api/v1/sightings", Sightings.Body(DemoFacts.Replay))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/v1/sightings", Sightings.Body(DemoFacts.Replay))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Trusted).GetAsync("/api/v1/sightings")).StatusCode);
        Assert.Equal(before, await StoredAsync(staff));
        // Reading is staff:read: the demo's one staff sighting.
        Assert.Equal([DemoInvestigationStory.Source], (await readOnly.GetJson("/api/v1/sightings?kind=staff")).AsArray().Select(x => (string)x!["source"]!));
    }

    /// <summary>What a refused sighting must leave as it was: staff sightings, samples, and the entries of recorded sightings and of traces.</summary>
    private async Task<(int Sightings, int Samples, int Recorded, int Traces)> StoredAsync(HttpClient staff) => (
        await _f.InStoreAsync(db => db.StaffSightings.CountAsync()),
        await _f.InStoreAsync(db => db.SightingSamples.CountAsync()),
        (await LogEntries.OfKindAsync(staff, LogKinds.SightingRecorded)).Count,
        (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count);
}
