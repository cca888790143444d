using System.Globalization;
using Forewarn.Server.Tests.Exposure;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn exposure ADVISORY --before T [--json]</c> against a real server on which a small incident was played.</summary>
public sealed class ExposureTests(ExposureStoryServer story) : IClassFixture<ExposureStoryServer>
{
    private CliServer Server => story.Server;

    private static string T => ExposureStory.T.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_table_shows_the_four_groups_and_the_fetches_with_their_log_entries()
    {
        var output = (await Server.Run(Server.StaffKey, "exposure", story.Reference, "--before", T)).Ok();
        var poc = output.IndexOf("Fetched the PoC before T (1 partner)", StringComparison.Ordinal);
        var other = output.IndexOf("Fetched other detail before T", StringComparison.Ordinal);
        var entitled = output.IndexOf("Entitled but did not fetch", StringComparison.Ordinal);
        var nothing = output.IndexOf("Nothing before T", StringComparison.Ordinal);
        Assert.True(poc >= 0 && poc < other && other < entitled && entitled < nothing, output);
        Assert.InRange(output.IndexOf("Bastion", StringComparison.Ordinal), poc, other);
        Assert.InRange(output.IndexOf("Corvid", StringComparison.Ordinal), other, entitled);
        Assert.InRange(output.IndexOf("Quillon", StringComparison.Ordinal), entitled, nothing);
        Assert.Contains("First fetch per class (from the log)", output, StringComparison.Ordinal);
        Assert.Contains("poc ×2", output, StringComparison.Ordinal);
        // Where each first fetch came from: the story's requests came over loopback.
        Assert.Contains("127.0.0.1 (127.0.0.0/24)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_the_api_report()
    {
        var report = (await Server.Run(Server.StaffKey, "exposure", story.Reference, "--before", T, "--json")).Json();
        Assert.Equal(story.Reference, (string)report["advisory"]!);
        Assert.Equal(ExposureStory.T, DateTimeOffset.Parse((string)report["before"]!, CultureInfo.InvariantCulture));
        Assert.Equal(Server.PartnerId(DemoFacts.Trusted), (string)report["groups"]!["fetchedPoc"]![0]!["partnerId"]!);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_error()
    {
        var future = (await Server.Run(Server.StaffKey, "exposure", story.Reference, "--before", "2099-01-01")).Failed(1);
        Assert.Contains("in the future", future, StringComparison.Ordinal);
        var unknown = (await Server.Run(Server.StaffKey, "exposure", "FW-1999-0001", "--before", T)).Failed(1);
        Assert.Contains("FW-1999-0001", unknown, StringComparison.Ordinal);
        var garbled = (await Server.Run(Server.StaffKey, "exposure", story.Reference, "--before", "last tuesday")).Failed(2);
        Assert.Contains("--before", garbled, StringComparison.Ordinal);
        Assert.Contains("--before", (await Server.Run(Server.StaffKey, "exposure", story.Reference)).Failed(2), StringComparison.Ordinal);
    }
}
