using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Partner;

/// <summary>Detection feedback from the advisory page: recorded through the API's service, seen by staff, refused beside its field when wrong.</summary>
public sealed class FeedbackPageTests
{
    [Fact]
    public async Task Feedback_sent_on_the_page_is_what_staff_read_per_artifact_and_per_partner()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, artifact) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var page = $"/portal/advisories/{advisory}";

        var (sent, _) = await visitor.SubmitAsync(page, $"{page}?handler=Feedback",
            ("Feedback.Artifact", artifact), ("Feedback.Verdict", "false-positive"), ("Feedback.Note", "Fires on our backup agent's own traffic"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var staff = f.Staff();
        var perArtifact = Assert.Single((await staff.GetJson($"/api/v1/artifacts/{artifact}/feedback")).AsArray())!;
        Assert.Equal("false-positive", (string?)perArtifact["verdict"]);
        Assert.Equal("Fires on our backup agent's own traffic", (string?)perArtifact["note"]);
        Assert.Equal(await CorvidAtThePortal.UserNameAsync(f), (string?)perArtifact["by"]);
        Assert.Equal("Corvid Networks Inc.", (string?)perArtifact["partner"]);
        var perPartner = (await staff.GetJson($"/api/v1/partners/{f.PartnerInfo(DemoFacts.Validate).Id}/feedback")).AsArray();
        Assert.Equal((string?)perArtifact["id"], (string?)Assert.Single(perPartner)!["id"]);
        Assert.Contains("False positive", (await visitor.GetAsync(page)).Html, StringComparison.Ordinal);

        // The public log has the note's hash, never the note.
        var entry = (await staff.GetJson("/api/v1/log/entries?kind=feedback.recorded"))["entries"]!.AsArray().Single()!;
        Assert.DoesNotContain("backup agent", entry.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(64, ((string)entry["entry"]!["note_sha256"]!).Length);
        Assert.Equal(await CorvidAtThePortal.UserNameAsync(f), (string?)entry["entry"]!["actor"]);
    }

    [Fact]
    public async Task Bad_feedback_is_shown_beside_its_field_and_changes_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, artifact) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var page = $"/portal/advisories/{advisory}";

        var (none, html) = await visitor.SubmitAsync(page, $"{page}?handler=Feedback", ("Feedback.Artifact", artifact), ("Feedback.Verdict", ""));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Matches($"id=\"verdict-error-{artifact}\">Choose what you found\\.", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);

        var (odd, oddHtml) = await visitor.SubmitAsync(page, $"{page}?handler=Feedback", ("Feedback.Artifact", artifact), ("Feedback.Verdict", "maybe"));
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.Matches($"id=\"verdict-error-{artifact}\">The verdict is &#x27;maybe&#x27;; use one of false-positive", oddHtml);

        var (longNote, longHtml) = await visitor.SubmitAsync(page, $"{page}?handler=Feedback",
            ("Feedback.Artifact", artifact), ("Feedback.Verdict", "false-negative"), ("Feedback.Note", new string('n', 2001)));
        Assert.Equal(HttpStatusCode.OK, longNote.StatusCode);
        Assert.Matches($"id=\"note-error-{artifact}\">The note is at most 2000 characters", longHtml);

        var (forged, _) = await visitor.PostAsync($"{page}?handler=Feedback", ("Feedback.Artifact", artifact), ("Feedback.Verdict", "false-negative"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // An artifact not on this advisory's page: not found.
        var (elsewhere, _) = await visitor.SubmitAsync(page, $"{page}?handler=Feedback", ("Feedback.Artifact", Guid.NewGuid().ToString()), ("Feedback.Verdict", "false-negative"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        Assert.Equal(0, await f.InStoreAsync(db => db.DetectionFeedback.CountAsync()));
    }
}
