using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Signals;

/// <summary>
/// <c>new-country</c> over real requests from loopback addresses, with a small registry statistics
/// file in the data directory that delegates 127.0.0.0/24 to Norway and 127.0.1.0/24 to Japan: a
/// key's first request from Japan after Norway fires, another Norwegian address and an address in
/// no range do not; the exposure report names each fetch's country. Without files, or with a file
/// that cannot be read, there is no country signal, the response says why, and nothing else changes.
/// </summary>
public sealed class CountrySignalTests
{
    private const string Statistics = """
        2|examplenic|20261205|4|19830101|20261204|+0000
        examplenic|*|ipv4|*|3|summary
        # loopback, delegated for the test
        examplenic|NO|ipv4|127.0.0.0|256|20100101|allocated|a1
        examplenic|JP|ipv4|127.0.1.0|256|20120304|assigned|b2
        examplenic||ipv4|127.0.2.0|256||available|
        examplenic|JP|ipv4|127.0.3.0|not-a-count|20120304|assigned|b2
        """;

    private static string CountryFile(ForewarnFactory f, string? text = Statistics)
    {
        var path = Path.Combine(f.DataDirectory, "delegated-examplenic-extended-latest");
        if (text is not null) File.WriteAllText(path, text);
        f.Settings["signals:countryFiles:0"] = path;
        return path;
    }

    private static async Task<JsonNode> ReportAsync(HttpClient staff, string query = "") => await staff.GetJson("/api/v1/signals" + query);

    private static List<JsonNode> Kind(JsonNode report, string kind) =>
        [.. report["signals"]!.AsArray().Select(x => x!).Where(x => (string)x["kind"]! == kind)];

    [Fact]
    public async Task A_key_first_used_from_another_country_is_a_signal_and_another_address_of_its_country_is_not()
    {
        await using var s = new SourceServer(f => CountryFile(f));
        var f = s.Factory;
        var staff = s.Staff();
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var reference = DemoFacts.EmbargoReference(f);
        var detection = await DemoFacts.ArtifactId(staff, reference, "detection");
        var corvid = s.Partner(DemoFacts.Validate);

        var home = await Sources.FetchAsync(s.From("127.0.0.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.0.6", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.2.5", corvid.ApiKey), detection); // in no range: unknown, neither home nor new
        var before = await ReportAsync(staff);
        Assert.Empty(Kind(before, "new-country"));
        Assert.True((bool)before["countries"]!["on"]!);
        Assert.Equal(2, (int)before["countries"]!["ranges"]!);
        Assert.Equal(1, (int)before["countries"]!["malformedLines"]!);

        f.Clock.Advance(TimeSpan.FromMinutes(3));
        var away = await Sources.FetchAsync(s.From("127.0.1.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.1.6", corvid.ApiKey), detection);

        var report = await ReportAsync(staff, $"?partner={corvid.Id}");
        var signal = Assert.Single(Kind(report, "new-country"));
        Assert.Equal([home, away], signal["entries"]!.AsArray().Select(e => (long)e!));
        Assert.Equal("JP", (string)signal["details"]!["country"]!);
        Assert.Equal("127.0.1.5", (string)signal["details"]!["address"]!);
        Assert.Equal(["NO"], signal["details"]!["knownCountries"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("new country JP (before: NO)", (string)signal["summary"]!, StringComparison.Ordinal);
        Assert.Equal(corvid.ApiKey.Substring(3, 12), (string)signal["keyPrefix"]!);
        Assert.Equal(reference, (string)signal["advisory"]!);
        // The network signal is judged on its own: 127.0.2.0/24 and 127.0.1.0/24 are new networks.
        Assert.Equal(2, Kind(report, "new-network").Count);

        // The exposure report names the first fetch's country beside its address.
        var exposure = await staff.GetJson($"/api/v1/advisories/{reference}/exposure?before={Uri.EscapeDataString(f.Clock.GetUtcNow().ToString("O"))}");
        var row = exposure["groups"]!["fetchedOther"]!.AsArray().Single(r => ((string)r!["partner"]!).StartsWith(DemoFacts.Validate, StringComparison.Ordinal))!;
        var fetch = row["classes"]!.AsArray().Single(c => (string)c!["class"]! == "detection")!["firstFetch"]!;
        Assert.Equal(home, (long)fetch["logIndex"]!);
        Assert.Equal("127.0.0.5", (string)fetch["source"]!["address"]!);
        Assert.Equal("NO", (string)fetch["source"]!["country"]!);
    }

    [Fact]
    public async Task Without_country_files_there_is_no_country_signal_and_the_response_says_so()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var staff = s.Staff();
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), "detection");
        var corvid = s.Partner(DemoFacts.Validate);
        await Sources.FetchAsync(s.From("127.0.0.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.1.5", corvid.ApiKey), detection);

        var report = await ReportAsync(staff);
        Assert.Empty(Kind(report, "new-country"));
        Assert.Single(Kind(report, "new-network"));
        Assert.False((bool)report["countries"]!["on"]!);
        Assert.Contains("signals:countryFiles", (string)report["countries"]!["note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_country_file_that_cannot_be_read_turns_country_signals_off_and_is_read_once_it_appears()
    {
        string path = "";
        await using var s = new SourceServer(f => path = CountryFile(f, text: null)); // named, not there yet
        var f = s.Factory;
        var staff = s.Staff();
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), "detection");
        var corvid = s.Partner(DemoFacts.Validate);
        await Sources.FetchAsync(s.From("127.0.0.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.1.5", corvid.ApiKey), detection);

        var off = await ReportAsync(staff);
        Assert.False((bool)off["countries"]!["on"]!);
        Assert.Contains(path, (string)off["countries"]!["note"]!, StringComparison.Ordinal);
        Assert.Empty(Kind(off, "new-country"));
        Assert.Single(Kind(off, "new-network"));

        // Not a statistics file at all: still off, said so.
        await File.WriteAllTextAsync(path, "<html>not found</html>\n");
        var wrong = await ReportAsync(staff);
        Assert.False((bool)wrong["countries"]!["on"]!);
        Assert.Contains("delegated-extended", (string)wrong["countries"]!["note"]!, StringComparison.Ordinal);

        // The file appears: the next request reads it, and the signal is there for the past requests too.
        await File.WriteAllTextAsync(path, Statistics);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // a different time even on a coarse file clock
        var on = await ReportAsync(staff);
        Assert.True((bool)on["countries"]!["on"]!);
        Assert.Equal("JP", (string)Assert.Single(Kind(on, "new-country"))["details"]!["country"]!);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/signals?since=2026-01-01T00:00:00Z")).StatusCode);
    }
}
