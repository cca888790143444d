using System.Security.Cryptography;
using Forewarn.Server.Tests.Cli;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>The CLI shows staff the fingerprint capacity and its warnings, and which copy each access record served.</summary>
public sealed class FingerprintCliTests(CliServer server) : IClassFixture<CliServer>
{
    private const string Embargo = "FW-2026-1202";

    [Fact]
    public async Task Adding_a_short_text_and_planning_its_wave_warn_in_the_cli_and_show_lists_the_capacity()
    {
        var added = (await server.Run(server.StaffKey, "advisories", "add-artifact", Embargo, "--title", "Short note",
            "--class", "description", "--tlp", "amber", "--text", "The agent loads a library from its cache.")).Ok();
        Assert.Matches(@"Fingerprint\s+\d+ marks", added);
        Assert.Contains("Warning: The technical description \"Short note\" carries", added);
        var id = System.Text.RegularExpressions.Regex.Match(added, @"Added artifact ([0-9a-f-]{36})").Groups[1].Value;

        var json = (await server.Run(server.StaffKey, "advisories", "schedule-wave", Embargo, "--at", "2026-11-28T13:00:00Z",
            "--artifact", id, "--kind", "update", "--json")).Json();
        Assert.Equal(id, (string?)json["fingerprints"]![0]!["artifactId"]);
        Assert.NotEmpty(json["warnings"]!.AsArray());

        var wave = (await server.Run(server.StaffKey, "advisories", "schedule-wave", Embargo, "--at", "2026-11-28T14:00:00Z",
            "--artifact", id, "--kind", "update")).Ok();
        Assert.Contains("Fingerprint of Short note: ", wave);
        Assert.Contains("Warning: The technical description \"Short note\" carries", wave);

        var shown = (await server.Run(server.StaffKey, "advisories", "show", Embargo)).Ok();
        Assert.Contains("Fingerprints (", shown);
        Assert.Contains("Warning: The technical description \"Short note\" carries", shown);
        var shownJson = (await server.Run(server.StaffKey, "advisories", "show", Embargo, "--json")).Json();
        Assert.Contains(shownJson["fingerprints"]!["fingerprints"]!.AsArray(), f => (string?)f!["artifactId"] == id);
    }

    [Fact]
    public async Task Access_records_show_the_copy_served()
    {
        var advisory = (await server.Run(server.StaffKey, "advisories", "show", Embargo, "--json")).Json();
        var detection = (string)advisory["artifacts"]!.AsArray().First(a => (string?)a!["class"] == "detection")!["id"]!;
        using var bastion = server.WithKey(server.PartnerKey("Bastion"));
        var copy = await bastion.GetByteArrayAsync($"/api/v1/me/artifacts/{detection}/content");
        var sha = Convert.ToHexStringLower(SHA256.HashData(copy));

        var output = (await server.Run(server.StaffKey, "access-records", "--artifact", detection)).Ok();
        Assert.Contains("Copy SHA-256", output);
        Assert.Contains(sha[..16] + "…", output);
        var records = (await server.Run(server.StaffKey, "access-records", "--artifact", detection, "--json")).Json().AsArray();
        Assert.Contains(records, r => (string?)r!["copySha256"] == sha && (int?)r["marks"] >= 0);
    }
}
