using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Tests.Webhooks;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// The partner is told a decision — a notice and a signed webhook to its real receiver — and
/// never the evidence; it sees its decisions, appeals one (also while suspended), and staff uphold
/// or overturn the appeal, overturning lifting the sanction where it can be lifted.
/// </summary>
public sealed class CaseNoticeAndAppealTests() : WebhookTestBase(schedulerOff: true)
{
    private const string Evidence = "Private forum handle zx-dawn posted the PoC";

    [Fact]
    public async Task The_partner_is_told_the_decision_by_notice_and_webhook_but_never_the_evidence()
    {
        var staff = F.Staff();
        var partner = F.Partner(DemoFacts.Trusted);
        var registered = await partner.PostJson("/api/v1/me/webhooks", new { url = Receiver.Url, events = new[] { "partner.decision" } }, HttpStatusCode.Created);
        var reference = await CaseSteps.OpenAsync(staff);
        await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = Evidence }, HttpStatusCode.Created);
        var decision = await CaseSteps.DecidedAsync(staff, reference, F.PartnerInfo(DemoFacts.Trusted).Id, "restrict", classes: ["poc"]);
        await SendAsync();

        var got = Assert.Single(Receiver.Requests);
        Assert.Equal(WebhookVerdict.Valid, got.Verify([(string)registered["secret"]!], F.Clock.GetUtcNow()));
        var body = JsonNode.Parse(got.Text)!;
        Assert.Equal("partner.decision", (string?)body["type"]);
        Assert.Equal((reference, "restrict", (string?)decision["id"]), ((string?)body["data"]!["case"], (string?)body["data"]!["kind"], (string?)body["data"]!["decision"]));
        Assert.DoesNotContain("zx-dawn", got.Text, StringComparison.Ordinal);

        var notice = (await partner.GetJson("/api/v1/me/notices")).AsArray().First(n => (string?)n!["kind"] == "decision")!;
        Assert.Contains("PoC will no longer be shared with you", (string?)notice["text"], StringComparison.Ordinal);
        Assert.Contains("Copy found on a forum", (string?)notice["text"], StringComparison.Ordinal);
        var mine = await partner.GetJson("/api/v1/me/decisions");
        var listed = Assert.Single(mine.AsArray())!;
        Assert.Equal((reference, DemoFacts.Replay, "restrict"), ((string?)listed["case"], (string?)listed["advisory"], (string?)listed["kind"]));
        Assert.DoesNotContain("zx-dawn", mine.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evidence", mine.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await F.Partner(DemoFacts.Validate).GetJson("/api/v1/me/decisions")).AsArray()); // only its own
    }

    [Fact]
    public async Task A_suspended_partner_appeals_and_an_overturned_appeal_reinstates_it()
    {
        var staff = F.Staff();
        var bastion = F.PartnerInfo(DemoFacts.Trusted).Id;
        var partner = F.Partner(DemoFacts.Trusted);
        await partner.PostJson("/api/v1/me/webhooks", new { url = Receiver.Url, events = new[] { "partner.decision" } }, HttpStatusCode.Created);
        var reference = await CaseSteps.OpenAsync(staff);
        var suspend = await CaseSteps.DecidedAsync(staff, reference, bastion, "suspend");
        var id = (string)suspend["id"]!;

        await (await F.Partner(DemoFacts.Validate).PostAsJsonAsync($"/api/v1/me/decisions/{id}/appeal", new { text = "Not ours" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await partner.PostAsJsonAsync($"/api/v1/me/decisions/{id}/appeal", new { text = "" })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        // Suspended, it can change nothing else — but it can answer the decision.
        await (await partner.PostAsJsonAsync("/api/v1/me/webhooks", new { url = Receiver.Url })).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
        var appealed = await partner.PostJson($"/api/v1/me/decisions/{id}/appeal", new { text = "Our copy never left the build farm; see our audit." }, HttpStatusCode.OK);
        Assert.StartsWith("Our copy", (string?)appealed["appeal"]!["text"], StringComparison.Ordinal);
        await (await partner.PostAsJsonAsync($"/api/v1/me/decisions/{id}/appeal", new { text = "Again" })).Problem(HttpStatusCode.Conflict, "already-appealed");
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseAppeal, "case", reference);
        Assert.Equal(bastion.ToString(), (string?)entry["entry"]!["partner"]);
        Assert.Equal(64, ((string?)entry["entry"]!["appeal_sha256"])!.Length);

        var shown = (await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!;
        Assert.StartsWith("Our copy", (string?)shown["appeal"]!["text"], StringComparison.Ordinal);
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/decisions/1/appeal-decision", new { outcome = "maybe", reason = "x" }))
            .Problem(HttpStatusCode.BadRequest, "unknown-appeal-outcome");
        var decided = await staff.PostJson($"/api/v1/cases/{reference}/decisions/1/appeal-decision",
            new { outcome = "overturn", reason = "The audit shows the copy stayed inside" }, HttpStatusCode.OK);
        Assert.Equal("overturned", (string?)decided["decision"]!["appeal"]!["outcome"]);
        Assert.Equal("lifted", (string?)decided["decision"]!["state"]);
        Assert.Equal("reinstate", (string?)decided["reinstatement"]!["kind"]);
        Assert.Equal("active", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["status"]);
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/decisions/1/appeal-decision", new { outcome = "uphold", reason = "x" }))
            .Problem(HttpStatusCode.Conflict, "appeal-decided");
        Assert.Single(await LogEntries.OfKindAsync(staff, LogKinds.CaseAppealDecided));

        await SendAsync();
        // Deliveries may arrive in any order: what matters is that each was told.
        var events = Receiver.Requests.Select(r => JsonNode.Parse(r.Text)!["data"]!).Select(e => $"{e["kind"]}:{e["what"]}").Order(StringComparer.Ordinal);
        Assert.Equal(["reinstate:decided", "suspend:appeal-overturned", "suspend:decided"], events);
    }

    [Fact]
    public async Task An_upheld_appeal_changes_nothing_and_an_overturned_removal_stays_a_removal()
    {
        var staff = F.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var emberline = F.PartnerInfo(DemoFacts.Entry).Id;
        var restrict = await CaseSteps.DecidedAsync(staff, reference, emberline, "restrict", classes: ["poc"]);
        await F.Partner(DemoFacts.Entry).PostJson($"/api/v1/me/decisions/{restrict["id"]}/appeal", new { text = "We need the PoC for testing" }, HttpStatusCode.OK);
        var upheld = await staff.PostJson($"/api/v1/cases/{reference}/decisions/1/appeal-decision", new { outcome = "uphold", reason = "Stands" }, HttpStatusCode.OK);
        Assert.Equal(("upheld", "in-effect"), ((string?)upheld["decision"]!["appeal"]!["outcome"], (string?)upheld["decision"]!["state"]));
        Assert.Null(upheld["reinstatement"]);
        Assert.Equal(["poc"], (await CaseSteps.PartnerAsync(staff, emberline))["restrictions"]!.AsArray().Select(c => (string)c!));

        var removal = await CaseSteps.DecidedAsync(staff, reference, emberline, "remove");
        await F.Partner(DemoFacts.Entry).PostJson($"/api/v1/me/decisions/{removal["id"]}/appeal", new { text = "Please reconsider" }, HttpStatusCode.OK);
        var overturned = await staff.PostJson($"/api/v1/cases/{reference}/decisions/2/appeal-decision", new { outcome = "overturn", reason = "Too harsh" }, HttpStatusCode.OK);
        Assert.Contains("removal is final", (string?)overturned["notLifted"], StringComparison.Ordinal);
        Assert.Equal("removed", (string?)(await CaseSteps.PartnerAsync(staff, emberline))["status"]);
        await (await staff.PostAsJsonAsync($"/api/v1/cases/{reference}/decisions/2/appeal-decision", new { outcome = "uphold", reason = "x" }))
            .Problem(HttpStatusCode.Conflict, "appeal-decided");
    }

    private async Task SendAsync()
    {
        var sender = F.Services.GetRequiredService<WebhookSender>();
        await sender.PassAsync(CancellationToken.None);
        await sender.DrainAsync();
    }
}
