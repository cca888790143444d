using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// TAXII never carries a fingerprinted artifact's text (one text for every partner would be an
/// untraceable copy): the note tells the partner where to fetch its own copy; exact indicators still travel.
/// </summary>
public sealed class TaxiiFingerprintTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_demo_description_and_poc_travel_as_pointers_to_the_partners_own_copy()
    {
        var staff = _f.Staff();
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var objects = await _f.Partner(DemoFacts.Trusted).AcceptingTaxii().AllObjects("limit=1000");

        var all = string.Join("\n", objects.Select(o => o.ToJsonString()));
        Assert.DoesNotContain("MSOTlPn_DWP", all, StringComparison.Ordinal);          // the PoC's form field
        Assert.DoesNotContain("signed-out session", all, StringComparison.Ordinal);   // the description's prose
        Assert.Contains(objects, o => (string?)o["type"] == "note"
            && ((string?)o["content"] ?? "").Contains($"/api/v1/me/artifacts/{description}/content", StringComparison.Ordinal));
        Assert.Contains(objects, o => (string?)o["type"] == "note"
            && ((string?)o["content"] ?? "").Contains($"/api/v1/me/artifacts/{poc}/content", StringComparison.Ordinal));
        // The indicators artifact is served as it is, so its exact values still travel.
        Assert.Contains(objects, o => (string?)o["type"] == "indicator" && ((string?)o["pattern"] ?? "").Contains("203.0.113.45", StringComparison.Ordinal));
    }
}
