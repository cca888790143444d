namespace Forewarn.Server.Tests.Cli;

/// <summary>The README's three commands on the demo programme: a partner fetches the PoC, a fragment of it leaks, staff trace it.</summary>
public sealed class TraceTourTests : IAsyncLifetime
{
    private readonly CliServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-tour-").FullName;

    public Task InitializeAsync() => _server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("Bastion", "poc")]
    [InlineData("Oakridge", "poc")]
    [InlineData("Fjordwatch", "description")]
    public async Task A_fragment_of_a_fetched_demo_copy_names_the_partner_who_fetched_it(string partner, string cls)
    {
        var copy = Path.Combine(_dir, $"leaked-{partner}.txt");
        (await _server.Run(_server.PartnerKey(partner), "me", "fetch", $"FW-2025-0708:{cls}", "--out", copy)).Ok();

        // sed -n '40,120p' leaked.py > fragment.py — as the README shows.
        var lines = await File.ReadAllLinesAsync(copy);
        var fragment = Path.Combine(_dir, $"fragment-{partner}.txt");
        await File.WriteAllLinesAsync(fragment, lines.Skip(cls == "poc" ? 39 : 0).Take(cls == "poc" ? 81 : lines.Length));

        var trace = (await _server.Run(_server.StaffKey, "trace", fragment, "--json")).Json();

        var accused = Assert.Single(trace["accused"]!.AsArray())!;
        Assert.Equal(_server.PartnerId(partner), (string?)accused["partnerId"]);
        Assert.Equal("FW-2025-0708", (string?)trace["advisoryReference"]);
    }

    [Fact]
    public async Task Naming_an_artifact_by_class_explains_what_is_not_open()
    {
        var quillon = await _server.Run(_server.PartnerKey("Quillon"), "me", "fetch", "FW-2025-0708:poc");
        Assert.NotEqual(0, quillon.Exit);
        Assert.Contains("FW-2025-0708 has no poc open to you", quillon.Err);
    }
}
