using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// The loop the parts make together: a partner fetches embargoed content, staff record a sighting
/// of exploitation, open a case, freeze the exposure before the sighting into it (with the log
/// checkpoint it was computed at), and break the embargo — which the open case records.
/// </summary>
public sealed class InvestigationFlowTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task From_a_sighting_to_a_case_with_its_exposure_and_the_embargo_break()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var description = await DemoFacts.ArtifactId(staff, reference, "detection");
        var fetched = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{description}/content");
        Assert.True(fetched.StatusCode == HttpStatusCode.OK, await fetched.Content.ReadAsStringAsync());
        _f.Clock.Advance(TimeSpan.FromMinutes(30));
        var observed = _f.Clock.GetUtcNow();
        _f.Clock.Advance(TimeSpan.FromMinutes(30));

        var sighting = await staff.PostJson("/api/v1/sightings", new
        {
            advisory = reference, firstObservedAt = observed, source = "Incident responder (fictional)", confidence = "high",
            description = "Exploitation seen on a customer's server before the release.",
        }, HttpStatusCode.Created);
        var sightingId = (string)sighting["id"]!;
        var opened = await staff.PostJson("/api/v1/cases", new { advisory = reference, title = "Exploited before release", sightings = new[] { sightingId } }, HttpStatusCode.Created);
        var caseRef = (string)opened["reference"]!;

        // The exposure before the sighting, frozen into the case with the checkpoint it was computed at.
        await Eventually(async () => (await staff.GetAsync("/log/v1/checkpoint")).StatusCode == HttpStatusCode.OK);
        var snapshot = await staff.PostJson($"/api/v1/cases/{caseRef}/evidence", new { kind = "exposure", before = observed }, HttpStatusCode.Created);
        Assert.Equal("exposure", (string?)snapshot["kind"]);
        Assert.True((long)snapshot["checkpoint"]!["size"]! > 0);
        Assert.Equal(64, ((string)snapshot["checkpoint"]!["rootHash"]!).Length);
        var fetchedOther = snapshot["exposure"]!["groups"]!["fetchedOther"]!.AsArray().Select(p => (string?)p!["partnerId"]).ToList();
        Assert.Contains(_f.PartnerInfo(DemoFacts.Trusted).Id.ToString(), fetchedOther);

        // Without a moment, the server has nothing to compute.
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{caseRef}/evidence", new { kind = "exposure" }))
            .Problem(HttpStatusCode.BadRequest, "evidence-not-accepted");

        await staff.PostJson($"/api/v1/advisories/{reference}/embargo-break", new { sighting = sightingId, reason = "Exploitation observed" }, HttpStatusCode.OK);
        var after = await staff.GetJson($"/api/v1/cases/{caseRef}");
        var note = after["evidence"]!.AsArray().Last()!;
        Assert.Equal("note", (string?)note["kind"]);
        Assert.StartsWith("Embargo broken at", (string?)note["text"]);
        Assert.Contains(sightingId, (string?)note["text"]);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
    }
}
