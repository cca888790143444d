using System.Net;
using Forewarn.Server.Tests.Cases;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Staff;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Portal.Investigations;

/// <summary>
/// Deciding a partner's appeal and closing a case in the portal, through the services the API calls: the API
/// then shows the outcome; an overturn whose lift needs four eyes becomes a proposal; a closed case's page has no forms left.
/// </summary>
public sealed class AppealAndCloseTests
{
    private static async Task<string> AppealedAsync(ForewarnFactory f, string reference, string kind)
    {
        var decision = await CaseSteps.DecidedAsync(f.Staff(), reference, f.PartnerInfo(DemoFacts.Validate).Id, kind);
        await f.Partner(DemoFacts.Validate).PostJson($"/api/v1/me/decisions/{(string)decision["id"]!}/appeal",
            new { text = "We acknowledged within the deadline; see our ticket." }, HttpStatusCode.OK);
        return $"/portal/staff/cases/{reference}/decisions/{(int)decision["number"]!}/appeal";
    }

    [Fact]
    public async Task An_appeal_upheld_in_the_portal_is_the_apis_outcome_and_names_the_portal_user()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var appeal = await AppealedAsync(f, reference, "warning");
        var (_, casePage) = await ines.GetAsync($"/portal/staff/cases/{reference}");
        Assert.Contains($"href=\"{appeal}\"", casePage, StringComparison.Ordinal);

        var (missing, missingHtml) = await ines.SubmitAsync(appeal, ("Outcome", "uphold"), ("Reason", ""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("Give the reason: the partner is told it.", Investigators.ErrorBeside(missingHtml, "reason-error"));
        var (noOutcome, noOutcomeHtml) = await ines.SubmitAsync(appeal, ("Reason", "Late by two days"));
        Assert.Equal(HttpStatusCode.OK, noOutcome.StatusCode);
        Assert.StartsWith("Choose whether", Investigators.ErrorBeside(noOutcomeHtml, "outcome-error"), StringComparison.Ordinal);
        Assert.Null((await staff.GetJson($"/api/v1/cases/{reference}"))["decisions"]![0]!["appeal"]!["outcome"]);

        var (upheld, _) = await ines.SubmitAsync(appeal, ("Outcome", "uphold"), ("Reason", "The ticket was opened two days late"));
        Assert.Equal($"/portal/staff/cases/{reference}?done=appeal-upheld#decisions", upheld.Headers.Location!.OriginalString);
        var shown = (await staff.GetJson($"/api/v1/cases/{reference}"))["decisions"]![0]!["appeal"]!;
        Assert.Equal(("upheld", "The ticket was opened two days late"), ((string)shown["outcome"]!, (string)shown["reason"]!));
        var actor = await Investigators.InesActorAsync(f);
        Assert.Equal(actor, (string)shown["decidedBy"]!);
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseAppealDecided, "case", reference);
        Assert.Equal(actor, (string)entry["entry"]!["actor"]!);

        // Decided: the page says so and has no form; the case page no longer links to it.
        var (after, afterHtml) = await ines.GetAsync(appeal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain("<form method=\"post\"", afterHtml, StringComparison.Ordinal);
        Assert.Equal("This appeal is decided.", Investigators.ErrorBeside(afterHtml, "no-appeal"));
        Assert.DoesNotContain($"href=\"{appeal}\"", (await ines.GetAsync($"/portal/staff/cases/{reference}")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync($"/portal/staff/cases/{reference}/decisions/99/appeal")).Response.StatusCode);
    }

    [Fact]
    public async Task An_overturn_whose_lift_needs_four_eyes_waits_as_a_proposal_of_the_portal_user()
    {
        await using var f = new ForewarnFactory();
        FourEyes.On(f.Settings);
        var ines = await Investigators.InesAsync(f);
        var staff = f.SecondStaff();
        var reference = await CaseSteps.OpenAsync(staff);
        var appeal = await AppealedAsync(f, reference, "probation");

        var (overturned, _) = await ines.SubmitAsync(appeal, ("Outcome", "overturn"), ("Reason", "The audit clears them"));
        Assert.Equal($"/portal/staff/cases/{reference}?done=appeal-proposed#decisions", overturned.Headers.Location!.OriginalString);
        var decisions = (await staff.GetJson($"/api/v1/cases/{reference}"))["decisions"]!.AsArray();
        Assert.Equal("overturned", (string)decisions[0]!["appeal"]!["outcome"]!);
        Assert.Equal("in-effect", (string)decisions[0]!["state"]!); // not lifted until a second member approves
        Assert.Equal(("reinstate", "pending"), ((string)decisions[^1]!["kind"]!, (string)decisions[^1]!["state"]!));
        var proposals = (await staff.GetJson("/api/v1/approvals")).AsArray();
        var actor = await Investigators.InesActorAsync(f);
        Assert.Contains(proposals, p => (string?)p!["action"] == "sanction-lift" && (string?)p["proposedBy"] == actor);
        var (_, page) = await ines.GetAsync($"/portal/staff/cases/{reference}?done=appeal-proposed");
        Assert.Contains("awaiting approval", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_closed_in_the_portal_is_closed_for_the_api_and_its_page_has_no_forms_left()
    {
        await using var f = new ForewarnFactory();
        var ines = await Investigators.InesAsync(f);
        var staff = f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var close = $"/portal/staff/cases/{reference}/close";

        var (empty, emptyHtml) = await ines.SubmitAsync(close, ("Summary", "  "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write what the investigation concluded.", Investigators.ErrorBeside(emptyHtml, "summary-error"));
        Assert.Equal("open", (string)(await staff.GetJson($"/api/v1/cases/{reference}"))["state"]!);

        var (closed, _) = await ines.SubmitAsync(close, ("Summary", "No partner's copy matched; the exploit was found independently."));
        Assert.Equal($"/portal/staff/cases/{reference}?done=closed", closed.Headers.Location!.OriginalString);
        var shown = await staff.GetJson($"/api/v1/cases/{reference}");
        Assert.Equal(("closed", "No partner's copy matched; the exploit was found independently."), ((string)shown["state"]!, (string)shown["summary"]!));
        var actor = await Investigators.InesActorAsync(f);
        Assert.Equal(actor, (string)shown["closedBy"]!);
        Assert.Equal(actor, (string)(await LogEntries.SingleAsync(staff, LogKinds.CaseClosed, "case", reference))["entry"]!["actor"]!);

        var (_, page) = await ines.GetAsync($"/portal/staff/cases/{reference}?done=closed");
        Assert.Equal("closed", StaffVisitors.TextOf(page, "case-state"));
        Assert.Contains("The case is closed.", page, StringComparison.Ordinal);
        foreach (var form in new[] { "/note\"", "/evidence\"", "/decide\"", "/close\"" })
            Assert.DoesNotContain($"/portal/staff/cases/{reference}{form}", page, StringComparison.Ordinal);
        var (_, evidence) = await ines.GetAsync($"/portal/staff/cases/{reference}/evidence");
        Assert.DoesNotContain("<form method=\"post\"", evidence, StringComparison.Ordinal);
        var (_, again) = await ines.GetAsync(close);
        Assert.DoesNotContain("<form method=\"post\"", again, StringComparison.Ordinal);
        // Posted anyway: refused by the service, nothing changed.
        var (late, lateHtml) = await ines.SubmitAsync($"/portal/staff/cases/{reference}/note", ("Input.Text", "After the end"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("closed", lateHtml, StringComparison.Ordinal);
        Assert.Empty((await staff.GetJson($"/api/v1/cases/{reference}"))["evidence"]!.AsArray());
    }
}
