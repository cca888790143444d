using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn feedback list</c>: staff read partners' detection feedback per artifact and per partner.</summary>
public sealed class FeedbackCliTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Lists_feedback_per_artifact_and_per_partner()
    {
        using var staff = server.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "detection");
        using var oakridge = server.WithKey(server.PartnerKey("Oakridge"));
        await oakridge.PostJson($"/api/v1/me/artifacts/{detection}/feedback", new { verdict = "false-positive", note = "Fires on the vendor's own updater" }, HttpStatusCode.Created);

        var table = (await server.Run(server.StaffKey, "feedback", "list", "--artifact", detection)).Ok();
        Assert.Contains("false-positive", table);
        Assert.Contains("Oakridge", table);

        var json = (await server.Run(server.StaffKey, "feedback", "list", "--partner", server.PartnerId("Oakridge"), "--json")).Json().AsArray();
        var one = Assert.Single(json)!;
        Assert.Equal(detection, (string?)one["artifactId"]);
        Assert.Equal("Fires on the vendor's own updater", (string?)one["note"]);
    }

    [Fact]
    public async Task Needs_exactly_one_of_artifact_and_partner_and_says_when_there_is_none()
    {
        Assert.Contains("--artifact or --partner", (await server.Run(server.StaffKey, "feedback", "list")).Failed(1));
        Assert.Contains("No feedback.", (await server.Run(server.StaffKey, "feedback", "list", "--partner", server.PartnerId("Emberline"))).Ok());
        Assert.Contains("No partner with id", (await server.Run(server.StaffKey, "feedback", "list", "--partner", Guid.NewGuid().ToString())).Failed(1));
    }
}
