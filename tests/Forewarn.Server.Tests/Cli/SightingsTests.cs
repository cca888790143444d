using Forewarn.Domain.Sightings;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn sightings add|list|show</c> and <c>forewarn advisories break-embargo</c> with the staff
/// key: a fragment of a partner's copy as the sample names that partner; the embargo breaks in one step.
/// </summary>
public sealed class SightingsTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-sightings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> FileWith(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task A_sighting_with_a_fragment_of_a_partners_copy_is_added_traced_listed_and_shown()
    {
        using var staff = server.Staff();
        using var partner = server.WithKey(server.PartnerKey(DemoFacts.Validate));
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var sample = await FileWith("found.txt", await Sightings.Sightings.FragmentOfCopyAsync(partner, description));

        var added = (await server.Run(server.StaffKey, "sightings", "add", "--advisory", "CVE-2025-90701", "--first-observed", "2025-07-07T14:00Z",
            "--source", "Incident responder (fictional)", "--url", "https://ir.example.net/toolpane", "--confidence", "high",
            "--description", "Web shells dropped through the ToolPane endpoint.", "--sample", sample,
            "--indicator", "203.0.113.7", "--indicator", "spinstall0.aspx", "--json")).Json();

        Assert.Equal(DemoFacts.Replay, (string?)added["advisory"]);
        Assert.Equal(["203.0.113.7", "spinstall0.aspx"], added["indicators"]!.AsArray().Select(i => (string)i!));
        Assert.Equal("found.txt", (string?)added["sample"]!["fileName"]);
        Assert.Equal(server.PartnerId(DemoFacts.Validate), (string?)Assert.Single(added["trace"]!["accused"]!.AsArray())!["partnerId"]);
        var id = (string)added["id"]!;

        var shown = (await server.Run(server.StaffKey, "sightings", "show", id)).Ok();
        Assert.Contains("Incident responder (fictional)", shown, StringComparison.Ordinal);
        Assert.Contains("spinstall0.aspx", shown, StringComparison.Ordinal);
        Assert.Contains("Technical description", shown, StringComparison.Ordinal);
        Assert.Contains("Named Corvid", shown, StringComparison.Ordinal);

        var listed = (await server.Run(server.StaffKey, "sightings", "list", "--advisory", DemoFacts.Replay)).Ok();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.Contains("Corvid", listed, StringComparison.Ordinal);
        var json = (await server.Run(server.StaffKey, "sightings", "list", "--kind", "staff", "--limit", "5", "--json")).Json();
        Assert.Contains(json.AsArray(), s => (string?)s!["id"] == id);
        Assert.Empty((await server.Run(server.StaffKey, "sightings", "list", "--kind", "partner", "--json")).Json().AsArray());
    }

    [Fact]
    public async Task Bad_sightings_are_refused_with_a_sentence()
    {
        var future = (await server.Run(server.StaffKey, "sightings", "add", "--advisory", DemoFacts.Replay, "--first-observed", "2030-01-01",
            "--source", "x", "--confidence", "low", "--description", "x")).Failed(1);
        Assert.Contains("in the future", future, StringComparison.Ordinal);

        var unknown = (await server.Run(server.StaffKey, "sightings", "add", "--advisory", "CVE-2024-11111", "--first-observed", "2026-11-01",
            "--source", "x", "--confidence", "low", "--description", "x")).Failed(1);
        Assert.Contains("No advisory of the programme names CVE-2024-11111", unknown, StringComparison.Ordinal);

        var big = await FileWith("big.txt", new string('a', StaffSighting.MaxSampleBytes + 1));
        var tooLarge = (await server.Run(server.StaffKey, "sightings", "add", "--advisory", DemoFacts.Replay, "--first-observed", "2026-11-01",
            "--source", "x", "--confidence", "low", "--description", "x", "--sample", big)).Failed(1);
        Assert.Contains("at most 256 KiB", tooLarge, StringComparison.Ordinal);

        var confidence = (await server.Run(server.StaffKey, "sightings", "add", "--advisory", DemoFacts.Replay, "--first-observed", "2026-11-01",
            "--source", "x", "--confidence", "certain", "--description", "x")).Failed(2);
        Assert.Contains("certain", confidence, StringComparison.Ordinal);

        var missing = (await server.Run(server.StaffKey, "sightings", "show", Guid.NewGuid().ToString())).Failed(1);
        Assert.Contains("No sighting", missing, StringComparison.Ordinal);

        var partner = (await server.Run(server.PartnerKey(DemoFacts.Trusted), "sightings", "list")).Failed(1);
        Assert.False(string.IsNullOrWhiteSpace(partner));
    }

    [Fact]
    public async Task Break_embargo_releases_the_advisory_now_and_the_public_document_is_served()
    {
        using var staff = server.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-7301", ForewarnFactory.Start.AddDays(6), "CVE-2026-47301");
        var sighting = (string)(await server.Run(server.StaffKey, "sightings", "add", "--advisory", "FW-2026-7301", "--first-observed", "2026-11-28T06:00Z",
            "--source", "Vendor telemetry", "--confidence", "medium", "--description", "Crash dumps with the overflow pattern.", "--json")).Json()["id"]!;

        var broken = (await server.Run(server.StaffKey, "advisories", "break-embargo", "FW-2026-7301", "--sighting", sighting,
            "--reason", "Exploited in the wild before release")).Ok();

        Assert.Contains("The embargo of FW-2026-7301 is broken: released", broken, StringComparison.Ordinal);
        Assert.True((await server.Factory.CreateClient().GetAsync(Releases.DocumentUrl("FW-2026-7301"))).IsSuccessStatusCode);
        var again = (await server.Run(server.StaffKey, "advisories", "break-embargo", "FW-2026-7301", "--sighting", sighting, "--reason", "again")).Failed(1);
        Assert.Contains("embargo is over already", again, StringComparison.Ordinal);
        var badId = (await server.Run(server.StaffKey, "advisories", "break-embargo", "FW-2026-7301", "--sighting", "nope", "--reason", "x")).Failed(2);
        Assert.Contains("not a sighting id", badId, StringComparison.Ordinal);
    }
}

/// <summary><c>forewarn advisories break-embargo</c> under four eyes: proposed by one member, made when another approves.</summary>
public sealed class BreakEmbargoFourEyesTests(FourEyesCliServer fixture) : IClassFixture<FourEyesCliServer>
{
    private readonly CliServer server = fixture.Server;

    [Fact]
    public async Task The_break_waits_for_a_second_member()
    {
        using var staff = server.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-7302", ForewarnFactory.Start.AddDays(6), "CVE-2026-47302");
        var sighting = (string)(await server.Run(server.StaffKey, "sightings", "add", "--advisory", "FW-2026-7302", "--first-observed", "2026-11-28T06:00Z",
            "--source", "Vendor telemetry", "--confidence", "high", "--description", "Exploit traffic.", "--json")).Json()["id"]!;

        var proposed = (await server.Run(server.StaffKey, "advisories", "break-embargo", "FW-2026-7302", "--sighting", sighting,
            "--reason", "Exploited in the wild before release")).Ok();
        Assert.Contains("needs a second staff member's approval", proposed, StringComparison.Ordinal);
        var proposal = (string)(await server.Run(server.StaffKey, "approvals", "list", "--json")).Json().AsArray()
            .Single(p => ((string?)p!["summary"])!.Contains(sighting, StringComparison.Ordinal))!["id"]!;
        Assert.NotEqual("released", (string?)(await staff.GetJson("/api/v1/advisories/FW-2026-7302"))["state"]);

        (await server.Run(server.SecondStaffKey, "approvals", "approve", proposal)).Ok();
        Assert.Equal("released", (string?)(await staff.GetJson("/api/v1/advisories/FW-2026-7302"))["state"]);
    }
}
