using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// Decisions take effect at once through the partner's own machinery (four eyes off here), with the
/// case as the reason; a reinstatement undoes exactly what its decision did; a removal is final.
/// </summary>
public sealed class CaseDecisionTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Each_decision_changes_the_partner_at_once_with_the_case_as_the_reason()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;

        var warning = await CaseSteps.DecidedAsync(staff, reference, bastion, "warning");
        Assert.Equal(("warning", "in-effect", 1), ((string?)warning["kind"], (string?)warning["state"], (int)warning["number"]!));
        Assert.Equal("active", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["status"]);

        await CaseSteps.DecidedAsync(staff, reference, bastion, "restrict", classes: ["poc", "detection"]);
        var partner = await CaseSteps.PartnerAsync(staff, bastion);
        Assert.Equal(["detection", "poc"], partner["restrictions"]!.AsArray().Select(c => (string)c!).Order());

        await CaseSteps.DecidedAsync(staff, reference, bastion, "move-tier", tier: "Entry");
        Assert.Equal("Entry", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["tier"]);

        await CaseSteps.DecidedAsync(staff, reference, bastion, "probation");
        await CaseSteps.DecidedAsync(staff, reference, bastion, "suspend");
        partner = await CaseSteps.PartnerAsync(staff, bastion);
        Assert.Equal("suspended", (string?)partner["status"]);
        var last = partner["history"]!.AsArray()[^1]!;
        Assert.Equal($"case {reference}: Copy found on a forum", (string?)last["reason"]);

        var shown = await CaseSteps.CaseAsync(staff, reference);
        Assert.Equal(["warning", "restrict", "move-tier", "probation", "suspend"], shown["decisions"]!.AsArray().Select(d => (string)d!["kind"]!));
        var entries = (await LogEntries.OfKindAsync(staff, LogKinds.CaseDecision)).Where(e => (string?)e["entry"]!["case"] == reference).ToList();
        Assert.Equal(5, entries.Count);
        Assert.All(entries, e => Assert.Equal(bastion.ToString(), (string?)e["entry"]!["partner"]));
        Assert.Contains(await LogEntries.OfKindAsync(staff, LogKinds.PartnerChanged),
            e => (string?)e["entry"]!["reason"] == $"case {reference}: Copy found on a forum" && e["entry"]!["changes"]!["restrictions"] is not null);
    }

    [Fact]
    public async Task Reinstating_lifts_exactly_what_the_decision_imposed()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var quillon = _f.PartnerInfo(DemoFacts.Restricted).Id; // withheld poc already
        var saffron = _f.PartnerInfo(DemoFacts.Probation).Id;

        var restrict = await CaseSteps.DecidedAsync(staff, reference, quillon, "restrict", classes: ["poc", "indicators"]);
        Assert.Equal(["indicators"], restrict["classes"]!.AsArray().Select(c => (string)c!)); // poc was withheld before the case
        var lift = await CaseSteps.DecidedAsync(staff, reference, quillon, "reinstate", lifts: (int)restrict["number"]!);
        Assert.Equal("reinstate", (string?)lift["kind"]);
        Assert.Equal(["poc"], (await CaseSteps.PartnerAsync(staff, quillon))["restrictions"]!.AsArray().Select(c => (string)c!));

        var suspend = await CaseSteps.DecidedAsync(staff, reference, saffron, "suspend");
        await CaseSteps.DecidedAsync(staff, reference, saffron, "reinstate", lifts: (int)suspend["number"]!);
        Assert.Equal("probation", (string?)(await CaseSteps.PartnerAsync(staff, saffron))["status"]); // back where it stood

        var shown = (await CaseSteps.CaseAsync(staff, reference))["decisions"]!.AsArray();
        Assert.Equal("lifted", (string?)shown[0]!["state"]);
        Assert.Equal(2, (int?)shown[0]!["liftedBy"]);
        await (await CaseSteps.DecideAsync(staff, reference, quillon, "reinstate", lifts: 1)).Problem(HttpStatusCode.Conflict, "already-lifted");
        await (await CaseSteps.DecideAsync(staff, reference, saffron, "reinstate", lifts: 1)).Problem(HttpStatusCode.BadRequest, "lifts-other-partner");
    }

    [Fact]
    public async Task A_removal_is_final_no_decision_is_taken_on_a_removed_partner_and_a_removal_is_never_lifted()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var warning = await CaseSteps.DecidedAsync(staff, reference, bastion, "warning");
        var removal = await CaseSteps.DecidedAsync(staff, reference, bastion, "remove");
        Assert.Equal("removed", (string?)(await CaseSteps.PartnerAsync(staff, bastion))["status"]);
        var before = (await CaseSteps.CaseAsync(staff, reference))["decisions"]!.ToJsonString();

        foreach (var kind in new[] { "warning", "suspend", "probation", "no-action" })
        {
            var refused = await (await CaseSteps.DecideAsync(staff, reference, bastion, kind)).Problem(HttpStatusCode.Conflict, "partner-removed");
            Assert.Contains("removal is final", (string?)refused["detail"], StringComparison.Ordinal);
        }
        await (await CaseSteps.DecideAsync(staff, reference, bastion, "reinstate", lifts: (int)removal["number"]!)).Problem(HttpStatusCode.Conflict, "partner-removed");

        // Lifting a removal is refused for what it is, also where the partner could still be decided on.
        var other = await CaseSteps.OpenAsync(staff);
        var emberline = _f.PartnerInfo(DemoFacts.Entry).Id;
        await (await CaseSteps.DecideAsync(staff, other, emberline, "reinstate", lifts: 1)).Problem(HttpStatusCode.NotFound, "not-found");
        var w = await CaseSteps.DecidedAsync(staff, other, emberline, "warning");
        await (await CaseSteps.DecideAsync(staff, other, emberline, "reinstate", lifts: (int)w["number"]!)).Problem(HttpStatusCode.Conflict, "nothing-to-lift");
        Assert.Equal(before, (await CaseSteps.CaseAsync(staff, reference))["decisions"]!.ToJsonString());
        Assert.Equal(1, (int)warning["number"]!);
    }

    [Fact]
    public async Task No_action_is_recorded_but_neither_told_to_the_partner_nor_among_its_entries()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var corvid = _f.PartnerInfo(DemoFacts.Validate).Id;
        await CaseSteps.DecidedAsync(staff, reference, corvid, "no-action");
        var partner = _f.Partner(DemoFacts.Validate);
        Assert.Empty((await partner.GetJson("/api/v1/me/decisions")).AsArray());
        Assert.DoesNotContain("decision", (await partner.GetJson("/api/v1/me/notices")).AsArray().Select(n => (string?)n!["kind"]));
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseDecision, "decision", "no-action");
        Assert.Equal(corvid.ToString(), (string?)entry["entry"]!["partner"]);
        Assert.DoesNotContain(await LogEntries.AllAsync(partner, path: "/api/v1/me/log/entries"), e => (string?)e["entry"]!["kind"] == LogKinds.CaseDecision);
    }
}
