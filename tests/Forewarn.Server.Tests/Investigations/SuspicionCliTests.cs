using System.Net;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Investigations;

/// <summary><c>forewarn cases suspicion CASE</c> and <c>forewarn partners suspicion PARTNER</c> against a real server.</summary>
public sealed class SuspicionCliTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task A_case_and_a_partner_show_their_standing()
    {
        var opened = await server.Staff().PostJson("/api/v1/cases", new { advisory = "FW-2025-0708", title = "Suspicion from the command line" }, HttpStatusCode.Created);
        var reference = (string)opened["reference"]!;
        await server.Staff().PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "exposure", before = "2025-07-07T12:00:00Z" }, HttpStatusCode.Created);

        var ofCase = (await server.Run(server.StaffKey, "cases", "suspicion", reference)).Ok();
        Assert.Contains(reference, ofCase, StringComparison.Ordinal);
        Assert.True(ofCase.Contains("suspect set", StringComparison.Ordinal), ofCase);
        var json = (await server.Run(server.StaffKey, "cases", "suspicion", reference, "--json")).Json();
        Assert.True((bool)json["incident"]!);

        var ofPartner = (await server.Run(server.StaffKey, "partners", "suspicion", server.PartnerId(DemoFacts.China))).Ok();
        // This case and the demo's own case of the replay (DemoInvestigation): Jadewall could open the detail before both moments.
        Assert.Contains("in 2 of 2 suspect sets", ofPartner, StringComparison.Ordinal);
        Assert.Contains(reference, ofPartner, StringComparison.Ordinal);

        Assert.Contains("CASE-1999-9999", (await server.Run(server.StaffKey, "cases", "suspicion", "CASE-1999-9999")).Failed(1), StringComparison.Ordinal);
    }
}
