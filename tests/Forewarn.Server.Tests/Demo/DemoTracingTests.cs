using System.Net;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Demo;

/// <summary>
/// Tracing can be tried right after the first start: the demo's PoC and description reach four
/// active partners, each its own copy — and not the fifth that once held them, suspended by the
/// demo's case (<see cref="DemoInvestigationTests"/>).
/// </summary>
public sealed class DemoTracingTests : IAsyncLifetime
{
    private static readonly string[] PocRecipients = ["Bastion", "Corvid", "Fjordwatch", "Oakridge"];
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Theory]
    [InlineData("poc", 150)]
    [InlineData("description", 20)]
    public async Task The_replay_artifact_reaches_four_partners_each_with_its_own_copy(string cls, int minimumLines)
    {
        var id = await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, cls);
        var copies = new Dictionary<string, string>();
        foreach (var partner in PocRecipients)
        {
            var response = await _f.Partner(partner).GetAsync($"/api/v1/me/artifacts/{id}/content");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            copies[partner] = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.All(copies.Values, c => Assert.True(c.Split('\n').Length >= minimumLines, $"{cls} has {c.Split('\n').Length} lines"));
        Assert.Equal(copies.Count, copies.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Leaker).GetAsync($"/api/v1/me/artifacts/{id}/content")).StatusCode);
    }

    /// <summary>The demo PoC's sample values are eight-way author templates: the PoC alone carries enough marks to resist two colluders.</summary>
    [Fact]
    public async Task The_capacity_report_says_the_demo_PoC_alone_resists_two_colluders()
    {
        var staff = _f.Staff();
        var report = await staff.GetJson($"/api/v1/advisories/{DemoFacts.Replay}/fingerprints");
        var poc = Assert.Single(report["fingerprints"]!.AsArray(), f => (string?)f!["method"] == "python")!;
        Assert.True((int)poc["sites"]! >= 170, $"{(int)poc["sites"]!} marks");
        Assert.Equal(2, (int)poc["colludersResisted"]!);
        Assert.Null((string?)poc["warning"]);
    }
}
