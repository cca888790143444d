using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Cases;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// Cases over the API: opening on an advisory with its sightings, evidence that is only ever added
/// (a text file traced at once), and every step in the transparency log by its hash, never its content.
/// </summary>
public sealed class CaseApiTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_case_is_opened_on_an_advisory_with_its_sightings_and_listed()
    {
        var staff = _f.Staff();
        var sighting = await CaseSteps.SightingAsync(_f.Partner(DemoFacts.Trusted));
        var reference = await CaseSteps.OpenAsync(staff, DemoFacts.Replay, sighting);
        Assert.Matches(@"^CASE-2026-\d{4}$", reference);
        var second = await CaseSteps.OpenAsync(staff);
        Assert.NotEqual(reference, second);

        var shown = await CaseSteps.CaseAsync(staff, reference.ToLowerInvariant());
        Assert.Equal(DemoFacts.Replay, (string?)shown["advisory"]);
        Assert.Equal("open", (string?)shown["state"]);
        Assert.Equal(sighting, (string?)Assert.Single(shown["sightings"]!.AsArray()));
        // Newest first, then the demo's own case of the replay (its worked investigation), opened at the first start.
        var listed = (await staff.GetJson($"/api/v1/cases?advisory={DemoFacts.Replay}&state=open")).AsArray();
        Assert.Equal([second, reference, "CASE-2026-0001"], listed.Select(c => (string)c!["reference"]!));
        Assert.Equal(DemoInvestigationStory.CaseTitle, (string?)listed[2]!["title"]);

        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseOpened, "case", reference);
        Assert.Equal(sighting, (string?)entry["entry"]!["sightings"]![0]);
        Assert.Null(entry["entry"]!["partner"]);
    }

    [Fact]
    public async Task Evidence_is_numbered_kept_with_its_hash_and_logged_without_its_content()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var note = "Forum post seen 2025-07-07 09:12 UTC, quoting the PoC's banner.";
        var added = await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = note }, HttpStatusCode.Created);
        Assert.Equal(1, (int)added["number"]!);
        Assert.Equal(Hex(Encoding.UTF8.GetBytes(note)), (string?)added["sha256"]);

        var sighting = await CaseSteps.SightingAsync(_f.Partner(DemoFacts.Validate));
        await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "sighting", sightingId = sighting }, HttpStatusCode.Created);
        var image = new byte[] { 0x89, 0x50, 0x4e, 0x47, 1, 2, 3 };
        var file = await staff.PostJson($"/api/v1/cases/{reference}/evidence", CaseSteps.File("../screens/forum.png", "image/png", image), HttpStatusCode.Created);
        Assert.Equal("forum.png", (string?)file["fileName"]);
        Assert.Null(file["trace"]); // not text: kept, not traced

        var shown = await CaseSteps.CaseAsync(staff, reference);
        Assert.Equal(["note", "sighting", "file"], shown["evidence"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal(sighting, (string?)shown["sightings"]![0]); // a sighting added as evidence is linked
        var content = await staff.GetAsync((string)shown["evidence"]![2]!["content"]!);
        Assert.Equal(image, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);

        var entries = (await LogEntries.OfKindAsync(staff, LogKinds.CaseEvidenceAdded)).Where(e => (string?)e["entry"]!["case"] == reference).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(Hex(image), (string?)entries.Single(e => (string?)e["entry"]!["evidence"] == "file")["entry"]!["sha256"]);
        Assert.All(entries, e => Assert.DoesNotContain("Forum post", e.ToJsonString(), StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Null(e["entry"]!["partner"]));
    }

    [Fact]
    public async Task A_found_text_file_is_traced_against_the_advisorys_marked_artifacts_and_the_result_kept()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var copy = await _f.Partner(DemoFacts.Trusted).GetStringAsync($"/api/v1/me/artifacts/{description}/content");
        var traceRuns = (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count;

        var file = await staff.PostJson($"/api/v1/cases/{reference}/evidence",
            CaseSteps.File("found.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(copy)), HttpStatusCode.Created);
        // The same sample trace as a sighting's: every fingerprinted artifact, and everyone named across them.
        var traces = file["trace"]!["artifacts"]!.AsArray();
        var best = traces.MaxBy(t => (int)t!["marksRead"]!)!;
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, Guid.Parse((string)Assert.Single(file["trace"]!["accused"]!.AsArray())!["partnerId"]!));
        Assert.Equal(description, (string?)best["artifactId"]);
        Assert.True((int)best["marksRead"]! > 0);
        Assert.NotNull(best["threshold"]);
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, Guid.Parse((string)Assert.Single(best["accused"]!.AsArray())!["partnerId"]!));
        Assert.StartsWith("Named Bastion", (string?)best["verdict"], StringComparison.Ordinal);
        // All the advisory's artifacts traced together name the same partner.
        var combined = file["trace"]!["combined"]!;
        Assert.Equal(traces.Sum(t => (int)t!["sites"]!), (int)combined["sites"]!);
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, Guid.Parse((string)Assert.Single(combined["accused"]!.AsArray())!["partnerId"]!));
        Assert.Equal(traces.Count + 1, (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count - traceRuns); // each trace is logged too

        // The same as a trace: the result is kept, the leaked text is not.
        var trace = await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "trace", leaked = copy, artifactId = description }, HttpStatusCode.Created);
        Assert.StartsWith("Named Bastion", (string?)trace["trace"]!["verdict"], StringComparison.Ordinal);
        Assert.Null(trace["text"]);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Evidence_cannot_be_edited_or_deleted(string method)
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = "first" }, HttpStatusCode.Created);
        foreach (var url in new[] { $"/api/v1/cases/{reference}/evidence/1", $"/api/v1/cases/{reference}/evidence", $"/api/v1/cases/{reference}" })
        {
            var response = await staff.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { kind = "note", text = "changed" }) });
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var evidence = (await CaseSteps.CaseAsync(staff, reference))["evidence"]!.AsArray();
        Assert.Equal("first", (string?)Assert.Single(evidence)!["text"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_problem_and_the_store_unchanged()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var partner = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var before = await StoreAsync();
        var log = (await LogEntries.AllAsync(staff)).Count;

        await (await staff.PostAsJsonAsync("/api/v1/cases", new { advisory = "FW-1999-0001", title = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await staff.PostAsJsonAsync("/api/v1/cases", new { title = "x" })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await staff.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "x", sightings = new[] { "sighting--" + Guid.NewGuid() } }))
            .Problem(HttpStatusCode.NotFound, "unknown-sighting");
        await (await staff.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = " " })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await staff.GetAsync("/api/v1/cases/CASE-2026-9999")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await staff.PostAsJsonAsync("/api/v1/cases/CASE-2026-9999/evidence", new { kind = "note", text = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "sighting", sightingId = "sighting--" + Guid.NewGuid() }))
            .Problem(HttpStatusCode.NotFound, "unknown-sighting");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "rumour", text = "x" })).Problem(HttpStatusCode.BadRequest, "unknown-evidence-kind");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "exposure" })).Problem(HttpStatusCode.BadRequest, "evidence-not-accepted");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", CaseSteps.File("a.txt", "text/plain", [])))
            .Problem(HttpStatusCode.BadRequest, "empty-file");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", CaseSteps.File("a.bin", "application/octet-stream", new byte[CaseEvidence.MaxFileBytes + 1])))
            .Problem(HttpStatusCode.BadRequest, "file-too-large");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "file", fileName = "a.txt", contentBase64 = "not base64!" }))
            .Problem(HttpStatusCode.BadRequest, "invalid-base64");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "trace", leaked = "" })).Problem(HttpStatusCode.BadRequest, "empty-leak");
        await (await CaseSteps.DecideAsync(staff, reference, Guid.NewGuid(), "warning")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await CaseSteps.DecideAsync(staff, "CASE-2026-9999", partner, "warning")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "banish")).Problem(HttpStatusCode.BadRequest, "unknown-decision");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "warning", reason: "")).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "restrict")).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "restrict", classes: ["secrets"])).Problem(HttpStatusCode.BadRequest, "unknown-content-class");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "move-tier", tier: "Platinum")).Problem(HttpStatusCode.BadRequest, "unknown-tier");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "move-tier", tier: "Trusted")).Problem(HttpStatusCode.Conflict, "same-tier");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "reinstate")).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await CaseSteps.DecideAsync(staff, reference, partner, "reinstate", lifts: 7)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await CaseSteps.DecideAsync(staff, reference, _f.PartnerInfo(DemoFacts.Suspended).Id, "suspend"))
            .Problem(HttpStatusCode.Conflict, "illegal-status-change");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/close", new { summary = "" })).Problem(HttpStatusCode.BadRequest, "invalid-field");

        // Partner keys and staff keys that may investigate but not write are refused like on every staff endpoint.
        var partnerKey = _f.Partner(DemoFacts.Trusted);
        await (await partnerKey.GetAsync("/api/v1/cases")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await partnerKey.GetAsync($"/api/v1/cases/{reference}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await partnerKey.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = "x" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await partnerKey.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "x" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        var issued = await staff.PostJson("/api/v1/keys", new { owner = "staff", name = "auditor", scopes = new[] { "staff:read", "staff:investigate" } }, HttpStatusCode.Created);
        var readOnly = _f.WithKey((string)issued["token"]!);
        await (await readOnly.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "x" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await CaseSteps.DecideAsync(readOnly, reference, partner, "warning")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/cases/{reference}")).StatusCode);

        Assert.Equal(before, await StoreAsync());
        // The key issued and nothing of a case, a partner or a trace (the server's own jobs may log releases meanwhile).
        string[] watched = [LogKinds.KeyIssued, LogKinds.PartnerChanged, LogKinds.TraceRun, LogKinds.ChangeProposed, LogKinds.CaseOpened,
            LogKinds.CaseEvidenceAdded, LogKinds.CaseDecision, LogKinds.CaseClosed];
        Assert.Equal([LogKinds.KeyIssued], (await LogEntries.AllAsync(staff)).Skip(log).Select(e => (string)e["entry"]!["kind"]!).Where(watched.Contains));
    }

    [Fact]
    public async Task A_closed_case_keeps_everything_and_takes_nothing_more()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var closed = await staff.PostJson($"/api/v1/cases/{reference}/close", new { summary = "No partner's copy matched the sample." }, HttpStatusCode.OK);
        Assert.Equal("closed", (string?)closed["state"]);
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = "late" })).Problem(HttpStatusCode.Conflict, "case-closed");
        await (await CaseSteps.DecideAsync(staff, reference, _f.PartnerInfo(DemoFacts.Trusted).Id, "warning")).Problem(HttpStatusCode.Conflict, "case-closed");
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/close", new { summary = "again" })).Problem(HttpStatusCode.Conflict, "case-closed");
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseClosed, "case", reference);
        Assert.Equal(Hex(Encoding.UTF8.GetBytes("No partner's copy matched the sample.")), (string?)entry["entry"]!["summary_sha256"]);
        Assert.Equal("closed", (string?)(await staff.GetJson("/api/v1/cases?state=closed"))[0]!["state"]);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private Task<(int Cases, int Evidence, int Decisions, int Proposals, string Partners)> StoreAsync() => _f.InStoreAsync(async db =>
    {
        await Task.CompletedTask;
        return (db.Cases.Count(), db.CaseEvidence.Count(), db.CaseDecisions.Count(), db.Proposals.Count(),
            string.Join(";", db.Partners.OrderBy(p => p.LegalName).AsEnumerable().Select(p => $"{p.Status}/{p.Tier}/{string.Join(",", p.Restrictions)}")));
    });
}
