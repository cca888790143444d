using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// The public log checked by a client that shares no code with the server (tlog_check.py: RFC 9162
/// and C2SP signed notes in Python, Ed25519 from the <c>cryptography</c> package) over real HTTP:
/// the key, the signed checkpoint, every leaf and random proofs — and the same client catching a
/// leaf hash changed in the store.
/// </summary>
public sealed class IndependentLogCheckTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task An_independent_client_verifies_the_log_and_catches_an_edited_leaf()
    {
        var downloads = 0;
        foreach (var name in new[] { "Bastion", "Corvid", "Fjordwatch" })
        {
            using var partner = server.WithKey(server.PartnerKey(name));
            var advisories = JsonNode.Parse(await partner.GetStringAsync("/api/v1/me/advisories"))!.AsArray();
            foreach (var artifact in advisories.SelectMany(a => a!["artifacts"]!.AsArray()).Where(a => (bool)a!["open"]!))
            {
                using var response = await partner.GetAsync($"/api/v1/me/artifacts/{artifact!["id"]}/content");
                Assert.True(response.IsSuccessStatusCode, $"{name} could not fetch {artifact["title"]}: {response.StatusCode}");
                downloads++;
            }
        }
        Assert.True(downloads >= 5, $"only {downloads} downloads: the demo should open more");

        var (exit, output) = await CheckAsync(60);
        Assert.True(exit == 0, output);
        var summary = JsonNode.Parse(output)!;
        Assert.True((bool)summary["ok"]!);
        Assert.True((long)summary["size"]! >= downloads);

        await server.Factory.InStoreAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE log_nodes SET \"Hash\" = {0} WHERE \"Level\" = 0 AND \"Index\" = 2", new byte[32]));
        (exit, output) = await CheckAsync(5);
        Assert.Equal(1, exit);
        Assert.Contains("not the checkpoint's root", output);
    }

    private Task<(int Exit, string Output)> CheckAsync(int pairs) => ChildProcess.TlogCheckAsync(server.Address, pairs);
}
