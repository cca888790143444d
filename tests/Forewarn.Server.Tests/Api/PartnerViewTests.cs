using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>Each partner sees exactly what the rules allow — no more, no earlier — and nothing about the rest.</summary>
public sealed class PartnerViewTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static JsonNode? Find(JsonNode list, string reference) =>
        list.AsArray().FirstOrDefault(a => (string?)a!["reference"] == reference);

    [Fact]
    public async Task Different_partners_see_different_things_of_the_advisory_under_embargo()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var trusted = Find(await _f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/advisories"), reference);
        Assert.NotNull(trusted);
        var open = trusted["artifacts"]!.AsArray().Where(a => (bool)a!["open"]!).Select(a => (string)a!["class"]!).ToHashSet();
        Assert.Equal(["detection", "notice"], open.Order());
        var pending = trusted["artifacts"]!.AsArray().Where(a => !(bool)a!["open"]!).ToList();
        Assert.All(pending, a => Assert.NotNull((string?)a!["opensAt"]));
        Assert.Contains(pending, a => (string?)a!["class"] == "poc");

        // Entry partners get one day's lead: nothing yet, so the advisory does not exist for them.
        Assert.Null(Find(await _f.Partner(DemoFacts.Entry).GetJson("/api/v1/me/advisories"), reference));
        // Mandatory-reporting jurisdictions get nothing before release.
        Assert.Null(Find(await _f.Partner(DemoFacts.China).GetJson("/api/v1/me/advisories"), reference));
        // A partner restricted from PoC never sees the PoC listed.
        var restricted = Find(await _f.Partner(DemoFacts.Restricted).GetJson("/api/v1/me/advisories"), reference)!;
        Assert.DoesNotContain(restricted["artifacts"]!.AsArray(), a => (string?)a!["class"] == "poc");
    }

    [Fact]
    public async Task Content_opens_exactly_at_its_time_and_not_a_moment_before()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var description = await DemoFacts.ArtifactId(staff, reference, "description");
        var advisory = await DemoFacts.Advisory(staff, reference);
        var wave2 = DateTimeOffset.Parse((string)advisory["waves"]![1]!["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        var partner = _f.Partner(DemoFacts.Trusted);

        _f.Clock.SetUtcNow(wave2.AddSeconds(-1));
        var early = await (await partner.GetAsync($"/api/v1/me/artifacts/{description}/content"))
            .Problem(HttpStatusCode.Forbidden, "not-yet-open");
        Assert.Equal(wave2, DateTimeOffset.Parse((string)early["opensAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        _f.Clock.SetUtcNow(wave2);
        var response = await partner.GetAsync($"/api/v1/me/artifacts/{description}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Embargoed content must not be cached.");
        Assert.Contains("update cache", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_and_forbidden_look_the_same()
    {
        var staff = _f.Staff();
        var replayPoc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var embargoNotice = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "notice");
        var china = _f.Partner(DemoFacts.China);
        var entry = _f.Partner(DemoFacts.Entry);

        var unknown = await (await china.GetAsync($"/api/v1/me/artifacts/{Guid.NewGuid()}/content")).Problem(HttpStatusCode.NotFound, "not-found");
        var withheld = await (await china.GetAsync($"/api/v1/me/artifacts/{replayPoc}/content")).Problem(HttpStatusCode.NotFound, "not-found");
        var notYetKnown = await (await entry.GetAsync($"/api/v1/me/artifacts/{embargoNotice}/content")).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal((string?)unknown["title"], (string?)withheld["title"]);
        Assert.Equal((string?)unknown["title"], (string?)notYetKnown["title"]);
        Assert.DoesNotContain("withheld", withheld.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        await (await entry.GetAsync($"/api/v1/me/advisories/{DemoFacts.EmbargoReference(_f)}")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await entry.GetAsync("/api/v1/me/advisories/FW-1999-0001")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await entry.PostAsJsonAsync($"/api/v1/me/advisories/{DemoFacts.EmbargoReference(_f)}/acknowledge", new { }))
            .Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Every_decision_is_recorded_before_content_leaves()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var replayPoc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var trusted = _f.PartnerInfo(DemoFacts.Trusted);
        var china = _f.PartnerInfo(DemoFacts.China);

        Assert.Equal(HttpStatusCode.OK, (await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _f.Partner(DemoFacts.China).GetAsync($"/api/v1/me/artifacts/{replayPoc}/content")).StatusCode);

        var served = (await staff.GetJson($"/api/v1/access-records?partner={trusted.Id}")).AsArray().Single()!;
        Assert.True((bool)served["allowed"]!);
        Assert.Equal(detection, (string?)served["artifactId"]);
        Assert.Contains("tier-lead-time", (string?)served["rules"]);
        var denied = (await staff.GetJson($"/api/v1/access-records?partner={china.Id}")).AsArray().Single()!;
        Assert.False((bool)denied["allowed"]!);
        Assert.Contains("R3", (string?)denied["rules"]);
        Assert.Contains("mandatory government reporting", (string?)denied["explanation"]);
    }

    [Fact]
    public async Task Suspension_takes_effect_on_the_very_next_request()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var partner = _f.Partner(DemoFacts.Trusted);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);

        var id = _f.PartnerInfo(DemoFacts.Trusted).Id;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);

        var refused = await (await partner.GetAsync($"/api/v1/me/artifacts/{detection}/content")).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
        Assert.Contains("suspended", (string?)refused["detail"]);
        await (await partner.GetAsync("/api/v1/me/advisories")).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
        var records = (await staff.GetJson($"/api/v1/access-records?partner={id}")).AsArray();
        Assert.Equal(2, records.Count);
        Assert.False((bool)records[0]!["allowed"]!);
        Assert.Contains("membership", (string?)records[0]!["rules"]);

        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Cleared" }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);
    }

    [Fact]
    public async Task Acknowledgement_is_recorded_once_and_shown_in_my_advisories()
    {
        var partner = _f.Partner(DemoFacts.Trusted);
        var reference = DemoFacts.EmbargoReference(_f);
        var first = await partner.PostJson($"/api/v1/me/advisories/{reference}/acknowledge", new { note = "Signatures in QA" }, HttpStatusCode.OK);
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await partner.PostJson($"/api/v1/me/advisories/{reference}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.Equal((string?)first["acknowledgedAt"], (string?)again["acknowledgedAt"]);
        var mine = Find(await partner.GetJson("/api/v1/me/advisories"), reference)!;
        Assert.NotNull((string?)mine["acknowledgedAt"]);
    }

    [Fact]
    public async Task After_release_public_classes_open_to_every_receiving_partner_but_poc_does_not()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var advisory = await DemoFacts.Advisory(staff, reference);
        var release = DateTimeOffset.Parse((string)advisory["releaseAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        _f.Clock.SetUtcNow(release);
        var china = Find(await _f.Partner(DemoFacts.China).GetJson("/api/v1/me/advisories"), reference)!;
        var classes = china["artifacts"]!.AsArray().Select(a => (string)a!["class"]!).Order().ToList();
        Assert.Equal(["description", "notice"], classes);
        var entry = Find(await _f.Partner(DemoFacts.Entry).GetJson("/api/v1/me/advisories"), reference)!;
        Assert.DoesNotContain(entry["artifacts"]!.AsArray(), a => (string?)a!["class"] == "poc");
        Assert.Equal("released", (string?)entry["state"]);
    }
}
