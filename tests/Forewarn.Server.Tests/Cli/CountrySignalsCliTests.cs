using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Signals;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn signals</c> with a registry statistics file configured: a key first used from
/// another country is listed as <c>new-country</c> with its code, and nothing says countries are off.
/// </summary>
public sealed class CountrySignalsCliTests : IAsyncLifetime
{
    private readonly CliServer _server = new();

    public CountrySignalsCliTests()
    {
        var path = Path.Combine(_server.Factory.DataDirectory, "delegated-examplenic-extended-latest");
        File.WriteAllLines(path,
        [
            "2|examplenic|20261205|2|19830101|20261204|+0000",
            "examplenic|NO|ipv4|127.0.0.0|256|20100101|allocated|a1",
            "examplenic|JP|ipv4|127.0.1.0|256|20120304|assigned|b2",
        ]);
        _server.Factory.Settings["signals:countryFiles:0"] = path;
    }

    public Task InitializeAsync() => _server.InitializeAsync();
    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Signals_list_a_key_first_used_from_another_country()
    {
        var token = _server.PartnerKey(DemoFacts.Trusted);
        var server = new Uri(_server.Address);
        var missing = $"/api/v1/me/artifacts/{Guid.NewGuid()}/content";
        Assert.Equal(HttpStatusCode.NotFound, (await SourceServer.BoundClient(server, "127.0.0.9", token).GetAsync(missing)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SourceServer.BoundClient(server, "127.0.1.9", token).GetAsync(missing)).StatusCode);

        var table = (await _server.Run(_server.StaffKey, "signals", "--partner", _server.PartnerId(DemoFacts.Trusted))).Ok();
        Assert.Contains("new-country", table, StringComparison.Ordinal);
        Assert.Contains("new country JP", table, StringComparison.Ordinal);
        Assert.Contains("new-network", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Country signals are off", table, StringComparison.Ordinal);
        var json = (await _server.Run(_server.StaffKey, "signals", "--json")).Json();
        Assert.True((bool)json["countries"]!["on"]!);
        Assert.Equal("JP", (string)json["signals"]!.AsArray().Single(x => (string)x!["kind"]! == "new-country")!["details"]!["country"]!);
    }
}
