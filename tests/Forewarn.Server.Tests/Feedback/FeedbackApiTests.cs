using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Feedback;

/// <summary>POST /api/v1/me/artifacts/{id}/feedback and the staff's two lists.</summary>
public sealed class FeedbackApiTests
{
    [Fact]
    public async Task A_partner_gives_feedback_on_an_open_artifact_and_staff_read_it()
    {
        await using var f = new ForewarnFactory();
        var description = await DemoFacts.ArtifactId(f.Staff(), DemoFacts.Replay, "description");
        var bastion = f.Partner(DemoFacts.Trusted);

        var saved = await bastion.PostJson($"/api/v1/me/artifacts/{description}/feedback", new { verdict = "works-as-intended", note = "  Caught our red team  " }, HttpStatusCode.Created);
        Assert.Equal("works-as-intended", (string?)saved["verdict"]);
        Assert.Equal("Caught our red team", (string?)saved["note"]);
        Assert.Equal(DemoFacts.Replay, (string?)saved["reference"]);
        await bastion.PostJson($"/api/v1/me/artifacts/{description}/feedback", new { verdict = "FALSE-NEGATIVE" }, HttpStatusCode.Created);

        var list = (await f.Staff().GetJson($"/api/v1/artifacts/{description}/feedback")).AsArray();
        Assert.Equal(["false-negative", "works-as-intended"], list.Select(x => (string)x!["verdict"]!));
        Assert.Equal(2, (await f.Staff().GetJson($"/api/v1/partners/{f.PartnerInfo(DemoFacts.Trusted).Id}/feedback")).AsArray().Count);
        Assert.Empty((await f.Staff().GetJson($"/api/v1/partners/{f.PartnerInfo(DemoFacts.Validate).Id}/feedback")).AsArray());
    }

    [Fact]
    public async Task Unknown_withheld_not_yet_open_and_bad_input_are_refused_and_store_nothing()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var replayPoc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var embargoPoc = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), "poc");

        var china = f.Partner(DemoFacts.China);
        await (await china.PostAsJsonAsync($"/api/v1/me/artifacts/{Guid.NewGuid()}/feedback", new { verdict = "false-positive" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await china.PostAsJsonAsync($"/api/v1/me/artifacts/{replayPoc}/feedback", new { verdict = "false-positive" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await china.PostAsJsonAsync("/api/v1/me/artifacts/not-an-id/feedback", new { verdict = "false-positive" })).Problem(HttpStatusCode.NotFound, "not-found");
        // Listed to Bastion, but its time has not come.
        await (await f.Partner(DemoFacts.Trusted).PostAsJsonAsync($"/api/v1/me/artifacts/{embargoPoc}/feedback", new { verdict = "false-positive" }))
            .Problem(HttpStatusCode.Forbidden, "not-yet-open");

        var bastion = f.Partner(DemoFacts.Trusted);
        await (await bastion.PostAsJsonAsync($"/api/v1/me/artifacts/{description}/feedback", new { verdict = "meh" })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await bastion.PostAsJsonAsync($"/api/v1/me/artifacts/{description}/feedback", new { })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await bastion.PostAsJsonAsync($"/api/v1/me/artifacts/{description}/feedback", new { verdict = "false-positive", note = new string('x', 2001) }))
            .Problem(HttpStatusCode.BadRequest, "invalid-field");
        // Staff keys may not send it; partner keys may not read the staff's lists.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/me/artifacts/{description}/feedback", new { verdict = "false-positive" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bastion.GetAsync($"/api/v1/artifacts/{description}/feedback")).StatusCode);
        await (await staff.GetAsync($"/api/v1/artifacts/{Guid.NewGuid()}/feedback")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await staff.GetAsync($"/api/v1/partners/{Guid.NewGuid()}/feedback")).Problem(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(0, await f.InStoreAsync(db => db.DetectionFeedback.CountAsync()));
    }
}
