using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>Explanations name the deciding rules; a policy change applies to the very next decision.</summary>
public sealed class PolicyTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Explain_names_the_jurisdiction_rule_and_when_it_began()
    {
        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var china = _f.PartnerInfo(DemoFacts.China).Id;

        var now = await staff.GetJson($"/api/v1/explain?partner={china}&artifact={poc}");
        Assert.False((bool)now["allowed"]!);
        Assert.Equal("denied", (string?)now["verdict"]);
        Assert.Equal(["R3"], now["decidingRules"]!.AsArray().Select(x => (string)x!).ToList());
        Assert.Equal("denied: PoC withheld for jurisdictions with mandatory government reporting (CN), rule R3 since 2025-07-20",
            (string?)now["explanation"]);

        // Before the July 2025 change the same partner was entitled: the replay's suspicion.
        var then = await staff.GetJson($"/api/v1/explain?partner={china}&artifact={poc}&at=2025-07-07T12:00:00Z");
        Assert.True((bool)then["allowed"]!);
        Assert.StartsWith("allowed since 2025-07-07 09:00 UTC", (string?)then["explanation"]);
        Assert.Contains("wave 3", (string?)then["explanation"]);
    }

    [Fact]
    public async Task Probation_and_restrictions_are_explained()
    {
        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var restricted = await staff.GetJson($"/api/v1/explain?partner={_f.PartnerInfo(DemoFacts.Restricted).Id}&artifact={poc}");
        Assert.Equal(["partner-restriction"], restricted["decidingRules"]!.AsArray().Select(x => (string)x!).ToList());
        var suspended = await staff.GetJson($"/api/v1/explain?partner={_f.PartnerInfo(DemoFacts.Suspended).Id}&artifact={poc}");
        Assert.Contains("suspended since 2026-02-03", (string?)suspended["explanation"]);
    }

    [Fact]
    public async Task A_new_policy_version_takes_effect_for_the_next_decision()
    {
        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var china = _f.Partner(DemoFacts.China);
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);

        var version = await staff.PostJson("/api/v1/policy/versions", new
        {
            effectiveFrom = ForewarnFactory.Start,
            reason = "Test: jurisdiction rule lifted",
            rules = new object[]
            {
                new { id = "R1", kind = "public-at-release", title = "Public at release", classes = new[] { "notice", "description", "detection", "indicators", "mitigation" }, atReleaseOnly = false },
                new { id = "R2", kind = "probation-withhold", title = "No PoC on probation", classes = new[] { "poc" }, atReleaseOnly = false },
            },
        }, HttpStatusCode.Created);
        Assert.Equal(3, (int)version["number"]!);
        Assert.Equal("2019-01-01", ((string)version["rules"]![0]!["since"]!)[..10]);

        Assert.Equal(HttpStatusCode.OK, (await china.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        var current = await staff.GetJson("/api/v1/policy");
        Assert.Equal(3, (int)current["number"]!);
    }

    [Fact]
    public async Task A_policy_version_scheduled_for_later_waits_for_its_time()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var detection = await DemoFacts.ArtifactId(staff, reference, "detection");
        var trusted = _f.Partner(DemoFacts.Trusted);
        var effective = ForewarnFactory.Start.AddHours(2);
        await staff.PostJson("/api/v1/policy/versions", new
        {
            effectiveFrom = effective,
            reason = "Test: detection only at release for everyone",
            rules = new object[]
            {
                new { id = "R1", kind = "public-at-release", title = "Public at release", classes = new[] { "notice", "description", "detection", "indicators", "mitigation" }, atReleaseOnly = false },
                new { id = "R4", kind = "jurisdiction-limit", title = "DE partners only at release", fact = "export-restricted-vulnerabilities", classes = new[] { "notice", "description", "detection" }, atReleaseOnly = true },
            },
        }, HttpStatusCode.Created);
        await staff.PostJson("/api/v1/jurisdictions", new { code = "DE", name = "Germany", facts = new[] { "export-restricted-vulnerabilities" } }, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await trusted.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);
        _f.Clock.SetUtcNow(effective);
        Assert.Equal(HttpStatusCode.NotFound, (await trusted.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);
        var explained = await staff.GetJson($"/api/v1/explain?partner={_f.PartnerInfo(DemoFacts.Trusted).Id}&artifact={detection}");
        Assert.Equal("not-yet", (string?)explained["verdict"]);
        Assert.Contains("R4", explained["decidingRules"]!.AsArray().Select(x => (string)x!));
    }
}
