using System.Net;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn advisories list|show|create|add-artifact</c> on the demo's advisories, and refusals. No test
/// of this class creates an advisory successfully, so the demo's two stay the only ones.
/// </summary>
public sealed class AdvisoriesTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task List_shows_the_demo_advisories_with_their_state_now()
    {
        var output = (await server.Run(server.StaffKey, "advisories", "list")).Ok();

        Assert.Matches(@"│ FW-2025-0708\s+│ Remote code execution in Halcyon.*│ released\s+│ 2025-07-08 17:00 UTC │ CVE-2025-90701, CVE-2025-90702\s+│ 9\.8", output);
        Assert.Matches(@"│ FW-2026-1202\s+│ Privilege escalation.*│ notified\s+│ 2026-12-02 17:00 UTC │ CVE-2026-91001", output);

        var json = (await server.Run(server.StaffKey, "advisories", "list", "--json")).Json().AsArray();
        Assert.Equal(["FW-2026-1202", "FW-2025-0708"], json.Select(a => (string?)a!["reference"]));
    }

    [Fact]
    public async Task Show_gives_the_advisory_with_artifacts_waves_and_revisions()
    {
        var output = (await server.Run(server.StaffKey, "advisories", "show", "fw-2025-0708")).Ok();

        Assert.Matches(@"Reference\s+FW-2025-0708", output);
        Assert.Matches(@"State\s+released", output);
        Assert.Matches(@"CVSS\s+9\.8 Critical", output);
        Assert.Matches(@"CVSS vector\s+CVSS:3\.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", output);
        Assert.Contains("Artifacts (6)", output);
        Assert.Contains("Waves (3)", output);
        Assert.Contains("Revisions", output);
        Assert.Contains("Fix incomplete: emergency updates released 19–21 July 2025", output);

        var json = (await server.Run(server.StaffKey, "advisories", "show", "FW-2025-0708", "--json")).Json();
        var artifacts = json["artifacts"]!.AsArray();
        Assert.Equal(6, artifacts.Count);
        var poc = Assert.Single(artifacts, a => (string?)a!["class"] == "poc")!;
        Assert.Equal("toolpane_poc.py", (string?)poc["fileName"]);
        Assert.Equal("TLP:RED", (string?)poc["tlp"]);
        Assert.Equal(["initial", "update", "revised"], json["waves"]!.AsArray().Select(w => (string?)w!["kind"]));
        // Ids are printed whole, so they can be copied into the next command.
        foreach (var id in artifacts.Concat(json["waves"]!.AsArray()).Select(x => (string)x!["id"]!))
            Assert.Contains(id, output);
    }

    [Fact]
    public async Task Show_of_an_unknown_reference_exits_1()
    {
        var err = (await server.Run(server.StaffKey, "advisories", "show", "FW-1999-0001")).Failed(1);

        Assert.StartsWith("error: ", err);
        Assert.Contains("FW-1999-0001", err);
    }

    [Fact]
    public async Task Create_with_a_malformed_CVSS_vector_exits_1_and_creates_nothing()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey,
            "advisories", "create", "--reference", "FW-2026-9001", "--title", "Broken vector", "--cve", "CVE-2026-90001",
            "--cvss", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "--release-at", "2026-12-10T17:00Z");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' is not a valid CVSS v3.1 vector", stderr);

        using var staff = server.Staff();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/advisories/FW-2026-9001")).StatusCode);
        var all = JsonNode.Parse(await staff.GetStringAsync("/api/v1/advisories"))!.AsArray();
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Create_with_a_taken_reference_exits_1()
    {
        var err = (await server.Run(server.StaffKey,
            "advisories", "create", "--reference", "FW-2025-0708", "--title", "Again", "--release-at", "2026-12-10")).Failed(1);

        Assert.Contains("An advisory with reference FW-2025-0708 already exists.", err);
    }

    [Fact]
    public async Task Create_without_a_release_time_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "advisories", "create", "--reference", "FW-2026-9002", "--title", "T");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Option '--release-at' is required.", stderr);
        Assert.Contains("forewarn advisories create --help", stderr);
    }

    [Fact]
    public async Task Add_artifact_checks_its_input_before_asking_the_server()
    {
        var missing = Path.Combine(Path.GetTempPath(), "forewarn-cli-tests", Guid.NewGuid().ToString("N"), "rules.yar");
        var before = (await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["artifacts"]!.AsArray().Count;

        var noFile = await server.Run(server.StaffKey,
            "advisories", "add-artifact", "FW-2026-1202", "--title", "Rules", "--class", "detection", "--tlp", "amber", "--file", missing);
        Assert.Contains($"no such file: {missing}", noFile.Failed(1));

        var both = await server.Run(server.StaffKey,
            "advisories", "add-artifact", "FW-2026-1202", "--title", "Rules", "--class", "detection", "--tlp", "amber", "--text", "x", "--file", missing);
        Assert.Contains("Give only one of --text or --file.", both.Failed(2));

        var badTlp = await server.Run(server.StaffKey,
            "advisories", "add-artifact", "FW-2026-1202", "--title", "Rules", "--class", "detection", "--tlp", "purple", "--text", "x");
        Assert.Contains("'purple' is not a TLP 2.0 label", badTlp.Failed(2));

        var badClass = await server.Run(server.StaffKey,
            "advisories", "add-artifact", "FW-2026-1202", "--title", "Rules", "--class", "exploit", "--tlp", "red", "--text", "x");
        Assert.Contains("exploit", badClass.Failed(2));

        var after = (await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["artifacts"]!.AsArray().Count;
        Assert.Equal(before, after);
    }
}
