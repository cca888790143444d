using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary>The README's four commands on the demo's worked investigation, run as a staff member would, against a real server.</summary>
public sealed class DemoInvestigationTourTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task The_demo_case_shows_its_sighting_snapshot_traced_fragment_and_suspension()
    {
        var list = (await server.Run(server.StaffKey, "cases", "list")).Ok();
        Assert.Contains("CASE-2026-0001", list, StringComparison.Ordinal);
        Assert.Contains("FW-2025-0708", list, StringComparison.Ordinal);

        var shown = (await server.Run(server.StaffKey, "cases", "show", "CASE-2026-0001")).Ok();
        Assert.Matches(@"│ 1 │ exposure", shown);
        Assert.Contains(DemoInvestigationStory.FragmentFileName, shown, StringComparison.Ordinal);
        Assert.Contains("traced: Named Mistral", shown, StringComparison.Ordinal);
        Assert.Matches(@"│ 1 │ Mistral Sentinel SAS │ suspend\s+│ in-effect", shown);

        var exposure = (await server.Run(server.StaffKey, "exposure", "FW-2025-0708", "--before", "2025-07-07T15:20:00Z", "--json")).Json();
        var entitled = exposure["groups"]!["entitledNotFetched"]!.AsArray().Select(p => (string)p!["partner"]!).ToList();
        Assert.Contains("Mistral Sentinel SAS", entitled);
        Assert.Equal(7, entitled.Count);

        var suspicion = (await server.Run(server.StaffKey, "partners", "suspicion", server.PartnerId(DemoFacts.Leaker))).Ok();
        Assert.Contains("Mistral Sentinel SAS: in 1 of 1 suspect set", suspicion, StringComparison.Ordinal);
        Assert.Contains("accused", suspicion, StringComparison.Ordinal);
    }
}
