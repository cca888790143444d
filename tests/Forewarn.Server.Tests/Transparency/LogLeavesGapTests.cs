using System.Net;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// A stored leaf hash deleted behind the server's back must not shift the hashes after it: the
/// leaves answer stops before the gap, and a range starting at it is a clear 503, never a 500.
/// </summary>
public sealed class LogLeavesGapTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Leaves_stop_before_a_missing_leaf()
    {
        var size = await LogTraffic.DownloadAsync(server, rounds: 1);
        Assert.True(size > 4, $"the log holds only {size} entries");
        await server.Factory.InStoreAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM log_nodes WHERE \"Level\" = 0 AND \"Index\" = 2"));
        using var client = server.Factory.CreateClient();

        var page = await client.GetJson($"/log/v1/leaves?start=0&end={size - 1}");
        Assert.Equal(1, (long)page["end"]!);
        Assert.Equal(2, page["leaf_hashes"]!.AsArray().Count);

        await (await client.GetAsync($"/log/v1/leaves?start=2&end={size - 1}")).Problem(HttpStatusCode.ServiceUnavailable, "log-damaged");
        var after = await client.GetJson($"/log/v1/leaves?start=3&end={size - 1}");
        Assert.Equal(3, (long)after["start"]!);
    }
}
