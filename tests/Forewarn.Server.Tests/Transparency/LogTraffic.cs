using Microsoft.EntityFrameworkCore;
using System.Net.Http.Headers;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>Fills a test server's log with partner downloads, and reads the log's public state back.</summary>
internal static class LogTraffic
{
    public static readonly string[] Partners = ["Bastion", "Fjordwatch", "Oakridge"];

    /// <summary>
    /// Downloads of the released demo advisory's artifacts by several partners, some one after the
    /// other (a checkpoint each) and some at once (sharing a batch), so the log has checkpoints of
    /// many sizes. Returns the log's size afterwards.
    /// </summary>
    public static async Task<long> DownloadAsync(CliServer server, int rounds = 2)
    {
        for (var r = 0; r < rounds; r++)
        {
            foreach (var partner in Partners)
                (await server.Run(server.PartnerKey(partner), "me", "fetch", $"{DemoFacts.Replay}:detection")).Ok();
            var ids = await ArtifactIdsAsync(server, "Bastion");
            var clients = Partners.Select(p => Client(server, p)).ToList();
            await Task.WhenAll(clients.SelectMany(c => ids.Select(id => c.GetAsync($"/api/v1/me/artifacts/{id}/content"))));
            clients.ForEach(c => c.Dispose());
        }
        return await SettledSizeAsync(server);
    }

    /// <summary>
    /// The log's size once its latest checkpoint covers every stored entry: an entry is stored with
    /// the download that made it, but signed into a checkpoint a moment later, in a batch.
    /// </summary>
    public static async Task<long> SettledSizeAsync(CliServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var stored = await server.Factory.InStoreAsync(db => db.LogEntries.LongCountAsync());
            var size = await SizeAsync(server);
            if (size == stored) return size;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The log's latest checkpoint covers {size} of its {stored} entries after 30 s.");
            await Task.Delay(50);
        }
    }

    public static async Task<long> SizeAsync(CliServer server)
    {
        using var anonymous = server.Factory.CreateClient();
        var page = await anonymous.GetJson("/log/v1/checkpoints?after=-1&limit=10000");
        return page["checkpoints"]!.AsArray().Select(c => (long)c!["size"]!).DefaultIfEmpty(0).Max();
    }

    /// <summary>Every stored checkpoint, oldest first: (size, signed note).</summary>
    public static async Task<List<(long Size, string Note)>> CheckpointsAsync(CliServer server)
    {
        using var anonymous = server.Factory.CreateClient();
        var page = await anonymous.GetJson("/log/v1/checkpoints?after=-1&limit=10000");
        return [.. page["checkpoints"]!.AsArray().Select(c => ((long)c!["size"]!, (string)c["checkpoint"]!))];
    }

    public static async Task<string> KeyAsync(CliServer server)
    {
        using var anonymous = server.Factory.CreateClient();
        return (await anonymous.GetStringAsync("/log/v1/key")).Trim();
    }

    private static async Task<List<string>> ArtifactIdsAsync(CliServer server, string partner)
    {
        var mine = (await server.Run(server.PartnerKey(partner), "me", "advisories", "--json")).Json().AsArray();
        return [.. mine.Where(a => (string?)a!["reference"] == DemoFacts.Replay).SelectMany(a => a!["artifacts"]!.AsArray()).Select(a => (string)a!["id"]!)];
    }

    private static HttpClient Client(CliServer server, string partner)
    {
        var client = server.WithKey(server.PartnerKey(partner));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return client;
    }
}
