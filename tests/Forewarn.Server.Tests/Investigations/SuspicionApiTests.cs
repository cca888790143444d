using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Domain.Cases;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Tests.Cases;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// <c>GET /api/v1/partners/{id}/suspicion</c> over cases whose exposure snapshots (frozen through
/// the cases' own seam) put one partner alone among the PoC fetchers of 200 partners, again and again
/// — beside the demo's own case of the 2025 replay, whose found copy accused another partner.
/// </summary>
public sealed class SuspicionApiTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>A snapshot where <paramref name="fetcher"/> alone fetched the PoC and 199 others held nothing.</summary>
    private async Task<string> CaseWithSnapshotAsync(HttpClient staff, Guid fetcher, Guid? entitled = null)
    {
        var reference = await CaseSteps.OpenAsync(staff);
        var nothing = new JsonArray([.. Enumerable.Range(0, 199).Select(_ => (JsonNode)new JsonObject { ["partnerId"] = Guid.NewGuid() })]);
        var json = new JsonObject
        {
            ["before"] = "2025-07-07T00:00:00+00:00",
            ["groups"] = new JsonObject
            {
                ["fetchedPoc"] = new JsonArray(new JsonObject { ["partnerId"] = fetcher }),
                ["fetchedOther"] = new JsonArray(),
                ["entitledNotFetched"] = entitled is { } e ? new JsonArray(new JsonObject { ["partnerId"] = e }) : new JsonArray(),
                ["nothing"] = nothing,
            },
        }.ToJsonString();
        await using var scope = _f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseService>()
            .AddExposureSnapshotAsync(reference, json, new LogCheckpointRef(1, new string('a', 64)), new Actor("staff:exposure analysis", null), CancellationToken.None);
        return reference;
    }

    [Fact]
    public async Task A_partner_alone_in_small_sets_again_stands_out_once_is_not_enough()
    {
        var staff = _f.Staff();
        // Neither is in the suspect set of the demo's own case of the replay (DemoInvestigation), 7 of 13 partners, one of them accused.
        var suspect = _f.PartnerInfo(DemoFacts.Entry).Id;
        var other = _f.PartnerInfo("Greyharbor").Id;

        await CaseWithSnapshotAsync(staff, suspect);
        var once = await staff.GetJson($"/api/v1/partners/{suspect}/suspicion");
        Assert.Equal(("in 1 of 2 suspect sets, 0.543 expected by chance", false), ((string?)once["summary"], (bool)once["flagged"]!));

        // The demo's accusation (weight 16) could by chance have fallen on anyone, the suspect too: three PoC fetches (12) do not pass it yet.
        await CaseWithSnapshotAsync(staff, suspect);
        await CaseWithSnapshotAsync(staff, suspect);
        var thrice = await staff.GetJson($"/api/v1/partners/{suspect}/suspicion");
        Assert.Equal(("in 3 of 4 suspect sets, 0.553 expected by chance", false), ((string?)thrice["summary"], (bool)thrice["flagged"]!));
        Assert.True((double)thrice["pValue"]! > 1.0 / 13);

        for (var i = 0; i < 4; i++) await CaseWithSnapshotAsync(staff, suspect);
        var often = await staff.GetJson($"/api/v1/partners/{suspect}/suspicion");
        Assert.Equal("in 7 of 8 suspect sets, 0.573 expected by chance", (string?)often["summary"]);
        Assert.True((bool)often["flagged"]!);
        Assert.True((double)often["pValue"]! < (double)often["threshold"]!);
        Assert.Equal(200, (int)often["partners"]!);
        var cases = often["cases"]!.AsArray();
        Assert.Equal(7, cases.Count);
        Assert.All(cases, c => Assert.Equal(("fetched-poc", 1, 200, DemoFacts.Replay), ((string?)c!["holding"], (int)c["setSize"]!, (int)c["population"]!, (string?)c["advisory"])));

        var bystander = await staff.GetJson($"/api/v1/partners/{other}/suspicion");
        Assert.Equal(("in 0 of 8 suspect sets, 0.573 expected by chance", false, 1.0), ((string?)bystander["summary"], (bool)bystander["flagged"]!, (double)bystander["pValue"]!));
        Assert.Empty(bystander["cases"]!.AsArray());
    }

    [Fact]
    public async Task A_case_shows_each_suspect_with_its_standing_across_all_cases()
    {
        var staff = _f.Staff();
        // The suspect is not in the demo's case's suspect set; the entitled partner is (DemoInvestigation).
        var suspect = _f.PartnerInfo(DemoFacts.Entry).Id;
        var entitled = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var empty = await CaseSteps.OpenAsync(staff);
        for (var i = 0; i < 6; i++) await CaseWithSnapshotAsync(staff, suspect);
        var last = await CaseWithSnapshotAsync(staff, suspect, entitled);

        var view = await staff.GetJson($"/api/v1/cases/{last}/suspicion");
        Assert.Equal((last, true, 8, 0.01), ((string?)view["case"], (bool)view["incident"]!, (int)view["incidents"]!, (double)view["falseAlarmRate"]!));
        var suspects = view["suspects"]!.AsArray();
        Assert.Equal([suspect, entitled], suspects.Select(x => (Guid)x!["partnerId"]!));
        Assert.Equal(("fetched-poc", true, "in 7 of 8 suspect sets, 0.578 expected by chance"),
            ((string?)suspects[0]!["holding"], (bool)suspects[0]!["flagged"]!, (string?)suspects[0]!["summary"]));
        Assert.Equal(("entitled-not-fetched", false, "in 2 of 8 suspect sets, 0.578 expected by chance"),
            ((string?)suspects[1]!["holding"], (bool)suspects[1]!["flagged"]!, (string?)suspects[1]!["summary"]));
        Assert.False(string.IsNullOrEmpty((string?)suspects[1]!["partner"]));

        var none = await staff.GetJson($"/api/v1/cases/{empty}/suspicion");
        Assert.Equal((false, 0), ((bool)none["incident"]!, none["suspects"]!.AsArray().Count));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/cases/CASE-1999-0001/suspicion")).StatusCode);
    }

    [Fact]
    public async Task A_partner_a_found_copy_is_traced_to_is_held_as_accused_in_its_case()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var copy = await _f.Partner(DemoFacts.Trusted).GetStringAsync($"/api/v1/me/artifacts/{description}/content");
        var reference = await CaseSteps.OpenAsync(staff);
        await staff.PostJson($"/api/v1/cases/{reference}/evidence",
            CaseSteps.File("found.txt", "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(copy)), HttpStatusCode.Created);

        // No snapshot: the accusation alone makes the case an incident, among the partners in the store.
        var view = await staff.GetJson($"/api/v1/cases/{reference}/suspicion");
        var accused = Assert.Single(view["suspects"]!.AsArray())!;
        Assert.Equal((bastion, "accused", false), ((Guid)accused["partnerId"]!, (string?)accused["holding"], (bool)accused["flagged"]!));
        // Across cases: this accusation (16) and the demo's own case of the replay, where Bastion could open the PoC but fetched nothing (1).
        var standing = await staff.GetJson($"/api/v1/partners/{bastion}/suspicion");
        Assert.Equal((2, 17), ((int)standing["appearances"]!, (int)standing["score"]!));
        var here = Assert.Single(standing["cases"]!.AsArray(), c => (string?)c!["case"] == reference)!;
        Assert.Equal(("accused", (int)standing["partners"]!), ((string?)here["holding"], (int)here["population"]!));
    }

    [Fact]
    public async Task Unknown_partners_and_partner_keys_are_refused()
    {
        var missing = await _f.Staff().GetAsync($"/api/v1/partners/{Guid.NewGuid()}/suspicion");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var partner = await _f.Partner(DemoFacts.Validate).GetAsync($"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Validate).Id}/suspicion");
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }
}
