using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn policy versions|publish</c>: the demo's two versions, and a third published from a file.
/// Tests only add versions that take effect after "now", so the policy in force stays the demo's.
/// </summary>
public sealed class PolicyVersionTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-cli-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<JsonArray> VersionsOverHttp()
    {
        using var staff = server.Staff();
        return JsonNode.Parse(await staff.GetStringAsync("/api/v1/policy/versions"))!.AsArray();
    }

    private async Task<string> RulesFile(string name, string effectiveFrom, string reason)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, $$"""
            {
              "effectiveFrom": "{{effectiveFrom}}",
              "reason": "{{reason}}",
              "rules": [
                { "id": "R1", "kind": "public-at-release", "title": "Everything is public at release", "classes": [], "atReleaseOnly": false },
                { "id": "R2", "kind": "probation-withhold", "title": "Probation partners wait for release", "classes": ["poc", "indicators"], "atReleaseOnly": true },
                { "id": "R3", "kind": "jurisdiction-limit", "title": "No PoC where government reporting is mandatory",
                  "fact": "mandatory-vulnerability-reporting", "classes": ["poc", "detection"], "atReleaseOnly": false }
              ]
            }
            """);
        return path;
    }

    [Fact]
    public async Task Versions_lists_every_version_with_its_rule_ids()
    {
        var output = (await server.Run(server.StaffKey, "policy", "versions")).Ok();

        Assert.Matches(@"│ 1\s+│ [0-9-]+ [0-9:]+ UTC\s+│ [^│]+│ R1, R2\s+│", output);
        Assert.Matches(@"│ 2\s+│ 2025-07-20 00:00 UTC\s+│ [^│]+│ R1, R2, R3\s+│", output);

        var json = (await server.Run(server.StaffKey, "policy", "versions", "--json")).Json().AsArray();
        Assert.True(json.Count >= 2);
        Assert.Equal([1, 2], json.Take(2).Select(v => (int)v!["number"]!));
        Assert.Equal((await VersionsOverHttp()).Count, json.Count);
    }

    [Fact]
    public async Task Publish_adds_a_version_that_takes_effect_later()
    {
        var file = await RulesFile("v-next.json", "2026-12-01T00:00:00Z", "R3 also withholds detection content");

        var output = (await server.Run(server.StaffKey, "policy", "publish", "--file", file)).Ok();

        Assert.Matches(@"Published policy version \d+, effective from 2026-12-01 00:00 UTC\.", output);
        Assert.Matches(@"│ R3\s+│ jurisdiction-limit", output);
        var published = (await VersionsOverHttp()).Last()!;
        Assert.Equal("R3 also withholds detection content", (string?)published["reason"]);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T00:00:00Z"), DateTimeOffset.Parse((string)published["effectiveFrom"]!));
        var r3 = published["rules"]!.AsArray().Single(r => (string?)r!["id"] == "R3")!;
        Assert.Equal(["detection", "poc"], r3["classes"]!.AsArray().Select(c => (string?)c).Order());
        Assert.Equal(DateTimeOffset.Parse("2025-07-20T00:00:00Z"), DateTimeOffset.Parse((string)r3["since"]!)); // kept from version 2

        // It is not in force yet.
        Assert.Matches(@"Version\s+2\n", (await server.Run(server.StaffKey, "policy", "show")).Ok());
        Assert.Contains("R3 also withholds detection content", (await server.Run(server.StaffKey, "policy", "versions")).Ok());
    }

    [Fact]
    public async Task Publish_backdated_exits_1_with_the_servers_sentence_and_adds_nothing()
    {
        var before = (await VersionsOverHttp()).Count;
        var file = await RulesFile("backdated.json", "2026-11-01T00:00:00Z", "retroactive tightening");

        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "policy", "publish", "--file", file);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("A policy version cannot take effect in the past (2026-11-01 00:00 UTC)", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, (await VersionsOverHttp()).Count);
    }

    [Fact]
    public async Task Publish_checks_the_file_before_asking_the_server()
    {
        var before = (await VersionsOverHttp()).Count;

        var missing = Path.Combine(_dir, "nope.json");
        Assert.Contains($"no such file: {missing}", (await server.Run(server.StaffKey, "policy", "publish", "--file", missing)).Failed(1));

        var broken = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(broken, "{ \"reason\": \"x\", \"rules\": [ ");
        Assert.Contains("broken.json is not valid JSON", (await server.Run(server.StaffKey, "policy", "publish", "--file", broken)).Failed(1));

        var badTime = await RulesFile("bad-time.json", "01/12/2026", "x");
        Assert.Contains("effectiveFrom in bad-time.json is not a time", (await server.Run(server.StaffKey, "policy", "publish", "--file", badTime)).Failed(1));

        var noRules = Path.Combine(_dir, "no-rules.json");
        await File.WriteAllTextAsync(noRules, "{ \"effectiveFrom\": \"2026-12-24\", \"reason\": \"x\" }");
        Assert.Contains("no-rules.json needs \"rules\"", (await server.Run(server.StaffKey, "policy", "publish", "--file", noRules)).Failed(1));

        var (exit, _, stderr) = await server.Run(server.StaffKey, "policy", "publish");
        Assert.Equal(2, exit);
        Assert.Contains("--file", stderr);

        Assert.Equal(before, (await VersionsOverHttp()).Count);
    }
}
