using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// With four eyes on, a case's removal and a lifted sanction wait on the case as proposals (nothing
/// changes) and take effect when a second staff member approves; a rejection leaves the partner as it was.
/// Suspension, which protects and can be undone, takes effect at once.
/// </summary>
public sealed class CaseFourEyesTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public CaseFourEyesTests() => FourEyes.On(_f.Settings);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_removal_waits_on_the_case_until_a_second_member_approves_it()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;

        var proposal = await (await CaseSteps.DecideAsync(staff, reference, bastion, "remove")).Json(HttpStatusCode.Accepted);
        Assert.Equal("partner-removal", (string?)proposal["action"]);
        Assert.Equal("active", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["status"]);
        var pending = Assert.Single((await CaseSteps.CaseAsync(staff, reference))["decisions"]!.AsArray())!;
        Assert.Equal(("pending", "pending", (string?)proposal["id"]), ((string?)pending["state"], (string?)pending["proposalState"], (string?)pending["proposal"]));
        Assert.Single((await CaseSteps.PartnerAsync(staff, bastion))["pending"]!.AsArray());
        Assert.Equal("pending", (string?)(await LogEntries.SingleAsync(staff, LogKinds.CaseDecision, "case", reference))["entry"]!["state"]);
        Assert.Empty((await _f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/decisions")).AsArray()); // nothing decided yet

        await (await staff.PostAsync($"/api/v1/approvals/{proposal["id"]}/approve", JsonBody())).Problem(HttpStatusCode.Forbidden, "same-member");
        var approved = await (await _f.SecondStaff().PostAsync($"/api/v1/approvals/{proposal["id"]}/approve", JsonBody())).Json(HttpStatusCode.OK);
        Assert.Equal($"/api/v1/cases/{reference}/decisions/1", (string?)approved["outcome"]);

        Assert.Equal("removed", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["status"]);
        var made = (await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!;
        Assert.Equal("in-effect", (string?)made["state"]);
        var entries = (await LogEntries.OfKindAsync(staff, LogKinds.CaseDecision)).Select(e => e["entry"]!).Where(e => (string?)e["case"] == reference).ToList();
        Assert.Equal(["pending", "in-effect"], entries.Select(e => (string)e["state"]!));
        Assert.Equal((string?)proposal["id"], (string?)entries[1]["proposal"]);
        Assert.NotNull(entries[1]["approved_by"]);
    }

    [Fact]
    public async Task A_suspension_takes_effect_at_once_and_lifting_it_waits_for_approval()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var emberline = _f.PartnerInfo(DemoFacts.Entry).Id;
        var suspend = await CaseSteps.DecidedAsync(staff, reference, emberline, "suspend");
        Assert.Equal("suspended", (string?)(await CaseSteps.PartnerAsync(staff, emberline))["status"]);

        var proposal = await (await CaseSteps.DecideAsync(staff, reference, emberline, "reinstate", lifts: (int)suspend["number"]!)).Json(HttpStatusCode.Accepted);
        Assert.Equal("sanction-lift", (string?)proposal["action"]);
        Assert.Equal("suspended", (string?)(await CaseSteps.PartnerAsync(staff, emberline))["status"]);
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{proposal["id"]}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal("active", (string?)(await CaseSteps.PartnerAsync(staff, emberline))["status"]);
        var decisions = (await CaseSteps.CaseAsync(staff, reference))["decisions"]!.AsArray();
        Assert.Equal(["lifted", "in-effect"], decisions.Select(d => (string)d!["state"]!));
    }

    [Fact]
    public async Task A_rejected_removal_changes_nothing_and_shows_as_rejected_on_the_case()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var corvid = _f.PartnerInfo(DemoFacts.Validate).Id;
        var proposal = await (await CaseSteps.DecideAsync(staff, reference, corvid, "remove")).Json(HttpStatusCode.Accepted);
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{proposal["id"]}/reject", new { reason = "The trace does not name them" }, HttpStatusCode.OK);

        Assert.Equal("active", (string?)(await CaseSteps.PartnerAsync(staff, corvid))["status"]);
        var decision = (await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!;
        Assert.Equal(("pending", "rejected"), ((string?)decision["state"], (string?)decision["proposalState"]));
        Assert.Empty((await _f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/decisions")).AsArray());
    }

    [Fact]
    public async Task A_removal_approved_after_the_partner_was_removed_otherwise_is_refused_and_changes_nothing()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var corvid = _f.PartnerInfo(DemoFacts.Validate).Id;
        var byCase = await (await CaseSteps.DecideAsync(staff, reference, corvid, "remove")).Json(HttpStatusCode.Accepted);
        var direct = await (await staff.PostAsync($"/api/v1/partners/{corvid}/status",
            System.Net.Http.Json.JsonContent.Create(new { status = "removed", reason = "Contract ended" }))).Json(HttpStatusCode.Accepted);
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{direct["id"]}/approve", new { }, HttpStatusCode.OK);

        await (await _f.SecondStaff().PostAsync($"/api/v1/approvals/{byCase["id"]}/approve", JsonBody())).Problem(HttpStatusCode.Conflict, "partner-removed");
        Assert.Equal("pending", (string?)(await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!["state"]);
    }

    private static StringContent JsonBody() => new("{}", System.Text.Encoding.UTF8, "application/json");
}
