using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Signals;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn keys networks</c>, <c>forewarn partners networks</c> and <c>forewarn signals</c>
/// against a real server, with requests really coming from different loopback addresses.
/// </summary>
public sealed class SignalsAndNetworksTests : IAsyncLifetime
{
    private readonly CliServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();
    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_key_is_bound_shown_and_cleared_and_bad_blocks_are_refused()
    {
        var issued = await _server.Staff().PostJson("/api/v1/keys",
            new { owner = "partner", partnerId = _server.PartnerId(DemoFacts.Validate), name = "poller" }, HttpStatusCode.Created);
        var prefix = (string)issued["key"]!["prefix"]!;
        var token = (string)issued["token"]!;

        Assert.Contains("is not bound to networks", (await _server.Run(_server.StaffKey, "keys", "networks", prefix)).Ok(), StringComparison.Ordinal);
        var set = (await _server.Run(_server.StaffKey, "keys", "networks", prefix, "--set", "127.0.0.2/32,10.1.0.0/16")).Ok();
        Assert.Contains("may be used only from: 127.0.0.2/32, 10.1.0.0/16", set, StringComparison.Ordinal);
        var json = (await _server.Run(_server.StaffKey, "keys", "networks", prefix, "--json")).Json();
        Assert.Equal(["127.0.0.2/32", "10.1.0.0/16"], json["networks"]!.AsArray().Select(n => (string)n!));

        var server = new Uri(_server.Address);
        await SourceServer.BoundClient(server, "127.0.0.2", token).GetJson("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, (await SourceServer.BoundClient(server, "127.0.0.3", token).GetAsync("/api/v1/me")).StatusCode);

        var bad = (await _server.Run(_server.StaffKey, "keys", "networks", prefix, "--set", "10.1.2.3/16")).Failed(1);
        Assert.Contains("did you mean 10.1.0.0/16", bad, StringComparison.Ordinal);
        Assert.Contains("127.0.0.2/32", (await _server.Run(_server.StaffKey, "keys", "networks", prefix)).Ok(), StringComparison.Ordinal);
        Assert.Contains("Give only one of --set or --clear", (await _server.Run(_server.StaffKey, "keys", "networks", prefix, "--set", "10.0.0.0/8", "--clear")).Failed(2),
            StringComparison.Ordinal);

        Assert.Contains("is not bound to networks", (await _server.Run(_server.StaffKey, "keys", "networks", prefix, "--clear")).Ok(), StringComparison.Ordinal);
        await SourceServer.BoundClient(server, "127.0.0.3", token).GetJson("/api/v1/me");
    }

    [Fact]
    public async Task A_partner_is_bound_and_cleared()
    {
        var partner = _server.PartnerId(DemoFacts.Entry);
        var set = (await _server.Run(_server.StaffKey, "partners", "networks", partner, "--set", "2001:db8::/48", "--json")).Json();
        Assert.Equal("partner", (string)set["subject"]!);
        Assert.Equal(["2001:db8::/48"], set["networks"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("is not bound to networks", (await _server.Run(_server.StaffKey, "partners", "networks", partner, "--clear")).Ok(), StringComparison.Ordinal);
        Assert.Contains(Guid.Empty.ToString(), (await _server.Run(_server.StaffKey, "partners", "networks", Guid.Empty.ToString())).Failed(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signals_list_a_key_used_from_a_new_network_with_its_entries()
    {
        var none = (await _server.Run(_server.StaffKey, "signals")).Ok();
        Assert.Contains("No signals.", none, StringComparison.Ordinal);
        Assert.Contains("Country signals are off: no signals:countryFiles", none, StringComparison.Ordinal);

        var token = _server.PartnerKey(DemoFacts.Trusted);
        var server = new Uri(_server.Address);
        var missing = $"/api/v1/me/artifacts/{Guid.NewGuid()}/content"; // a request recorded like any other, whatever it asked for
        Assert.Equal(HttpStatusCode.NotFound, (await SourceServer.BoundClient(server, "127.0.0.9", token).GetAsync(missing)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SourceServer.BoundClient(server, "127.0.2.9", token).GetAsync(missing)).StatusCode);

        var table = (await _server.Run(_server.StaffKey, "signals", "--partner", _server.PartnerId(DemoFacts.Trusted))).Ok();
        Assert.Contains("new-network", table, StringComparison.Ordinal);
        Assert.Contains("127.0.2.0/24", table, StringComparison.Ordinal);
        Assert.Contains("1 signal;", table, StringComparison.Ordinal);
        var json = (await _server.Run(_server.StaffKey, "signals", "--json")).Json();
        var signal = Assert.Single(json["signals"]!.AsArray());
        Assert.Equal(2, signal!["entries"]!.AsArray().Count);
        Assert.Contains("No signals.", (await _server.Run(_server.StaffKey, "signals", "--since", "2099-01-01")).Ok(), StringComparison.Ordinal);
        Assert.Contains("--since", (await _server.Run(_server.StaffKey, "signals", "--since", "soon")).Failed(2), StringComparison.Ordinal);
    }
}
