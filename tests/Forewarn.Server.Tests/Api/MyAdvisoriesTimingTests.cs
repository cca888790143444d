using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>
/// "My advisories" is rendered once and reused until something could change it; these tests ask
/// again and again with nothing written in between, and expect each change exactly on time.
/// </summary>
public sealed class MyAdvisoriesTimingTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static DateTimeOffset Time(JsonNode? n) => DateTimeOffset.Parse((string)n!, CultureInfo.InvariantCulture);

    private async Task<JsonNode?> Mine(HttpClient partner, string reference) =>
        (await partner.GetJson("/api/v1/me/advisories")).AsArray().FirstOrDefault(a => (string?)a!["reference"] == reference);

    [Fact]
    public async Task A_wave_opens_its_items_at_its_time_to_the_tick()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var advisory = await DemoFacts.Advisory(_f.Staff(), reference);
        var wave2 = Time(advisory["waves"]![1]!["at"]);
        var partner = _f.Partner(DemoFacts.Trusted);
        bool DescriptionOpen(JsonNode a) => (bool)a["artifacts"]!.AsArray().First(x => (string?)x!["class"] == "description")!["open"]!;

        Assert.False(DescriptionOpen((await Mine(partner, reference))!));
        _f.Clock.SetUtcNow(wave2.AddTicks(-1));
        Assert.False(DescriptionOpen((await Mine(partner, reference))!));
        _f.Clock.SetUtcNow(wave2);
        Assert.True(DescriptionOpen((await Mine(partner, reference))!));
    }

    [Fact]
    public async Task An_entry_partner_learns_of_the_advisory_exactly_one_day_before_release()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var release = Time((await DemoFacts.Advisory(_f.Staff(), reference))["releaseAt"]);
        var partner = _f.Partner(DemoFacts.Entry);

        Assert.Null(await Mine(partner, reference));
        _f.Clock.SetUtcNow(release.AddDays(-1).AddTicks(-1));
        Assert.Null(await Mine(partner, reference));
        _f.Clock.SetUtcNow(release.AddDays(-1));
        var mine = await Mine(partner, reference);
        Assert.NotNull(mine);
        Assert.Equal("notified", (string?)mine["state"]);
        _f.Clock.SetUtcNow(release);
        Assert.Equal("released", (string?)(await Mine(partner, reference))!["state"]);
    }

    [Fact]
    public async Task An_acknowledgement_shows_at_once()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var partner = _f.Partner(DemoFacts.Trusted);
        Assert.Null((string?)(await Mine(partner, reference))!["acknowledgedAt"]);
        await partner.PostJson($"/api/v1/me/advisories/{reference}/acknowledge", new { }, System.Net.HttpStatusCode.OK);
        Assert.NotNull((string?)(await Mine(partner, reference))!["acknowledgedAt"]);
    }
}
