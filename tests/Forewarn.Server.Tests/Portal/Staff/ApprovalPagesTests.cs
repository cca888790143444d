using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>
/// Four eyes in the portal: the changes awaiting approval are listed; a different member approves one
/// on its page and the change is made; the proposer cannot approve their own; a rejection needs a reason;
/// who may not write finds no decision page.
/// </summary>
public sealed class ApprovalPagesTests
{
    [Fact]
    public async Task Another_members_proposal_is_approved_in_the_portal_and_ones_own_is_refused()
    {
        await using var f = new ForewarnFactory();
        FourEyes.On(f.Settings);
        var ines = await StaffVisitors.InesAsync(f);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var emberline = f.PartnerInfo(DemoFacts.Entry).Id;

        // Proposed by another member with their key: listed, and Ines approves it on its page.
        var proposed = await f.SecondStaff().PostJson($"/api/v1/partners/{corvid}/status", new { status = "removed", reason = "Leaked twice" }, HttpStatusCode.Accepted);
        var id = (string)proposed["id"]!;
        var (list, listHtml) = await ines.GetAsync("/portal/staff/approvals");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"/portal/staff/approvals/{id}", listHtml, StringComparison.Ordinal);
        var (approved, _) = await ines.SubmitAsync($"/portal/staff/approvals/{id}", $"/portal/staff/approvals/{id}/approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("removed", (string)(await f.Staff().GetJson($"/api/v1/partners/{corvid}"))["status"]!);
        Assert.StartsWith("portal-user:", (string)(await f.Staff().GetJson($"/api/v1/approvals/{id}"))["decidedBy"]!, StringComparison.Ordinal);

        // Ines's own proposal, made in the portal: she cannot approve it; a rejection without a reason is said beside the field.
        var status = $"/portal/staff/partners/{emberline}/status";
        var (_, form) = await ines.GetAsync(status);
        var revision = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Revision\" value=\"([^\"]+)\"").Groups[1].Value;
        await ines.SubmitAsync(status, ("Input.Status", "removed"), ("Input.Reason", "Shared notes"), ("Input.Revision", revision));
        // The only pending proposal now (Corvid's was approved).
        var own = (string)(await f.Staff().GetJson("/api/v1/approvals")).AsArray().Single()!["id"]!;
        var (refused, refusedHtml) = await ines.SubmitAsync($"/portal/staff/approvals/{own}", $"/portal/staff/approvals/{own}/approve");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\"", refusedHtml, StringComparison.Ordinal);
        var (noReason, noReasonHtml) = await ines.SubmitAsync($"/portal/staff/approvals/{own}", $"/portal/staff/approvals/{own}/reject", ("Reason", " "));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why it is rejected", noReasonHtml, StringComparison.Ordinal);
        Assert.Equal("pending", (string)(await f.Staff().GetJson($"/api/v1/approvals/{own}"))["state"]!);
        Assert.Equal("active", (string)(await f.Staff().GetJson($"/api/v1/partners/{emberline}"))["status"]!);

        // A second member rejects it with a reason, with their key: nothing changes.
        var rejected = await f.SecondStaff().PostJson($"/api/v1/approvals/{own}/reject", new { reason = "Not enough evidence" }, HttpStatusCode.OK);
        Assert.Equal("rejected", (string)rejected["state"]!);
    }

    [Fact]
    public async Task Who_may_not_write_finds_no_decision_page_and_a_partner_no_approvals_at_all()
    {
        await using var f = new ForewarnFactory();
        FourEyes.On(f.Settings);
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var proposed = await f.SecondStaff().PostJson($"/api/v1/partners/{corvid}/status", new { status = "removed", reason = "Leaked twice" }, HttpStatusCode.Accepted);
        var id = (string)proposed["id"]!;

        var analyst = await StaffVisitors.InvitedStaffAsync(f, "staff-analyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/portal/staff/approvals")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/portal/staff/approvals/{id}")).Response.StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match((await analyst.GetAsync("/portal/sign-out")).Html,
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync($"/portal/staff/approvals/{id}/approve", ("__RequestVerificationToken", WebUtility.HtmlDecode(token)))).Response.StatusCode);
        Assert.Equal("pending", (string)(await f.Staff().GetJson($"/api/v1/approvals/{id}"))["state"]!);

        var user = await StaffVisitors.CorvidUserAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync("/portal/staff/approvals")).Response.StatusCode);
    }
}
