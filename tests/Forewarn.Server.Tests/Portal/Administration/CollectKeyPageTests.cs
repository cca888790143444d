using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>
/// An approved staff write key collected in the portal by the member it is for: listed for them on the
/// approvals page, its token shown once on the answer, working as a key; nobody else gets it, and not twice.
/// </summary>
public sealed class CollectKeyPageTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        FourEyes.On(_f.Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_keys_member_collects_it_once_in_the_portal_and_the_token_works()
    {
        var staff = _f.Staff();
        var ines = (string)(await staff.GetJson("/api/v1/staff")).AsArray().Single(m => (string?)m!["name"] == "Ines Halvorsen")!["id"]!;
        // Another member proposes a write key for Ines; Ines (who did not propose it) approves it with her API key.
        var proposal = await _f.SecondStaff().PostJson("/api/v1/keys",
            new { owner = "staff", memberId = ines, name = "Ines in the portal", scopes = new[] { "staff:read", "staff:write" } }, HttpStatusCode.Accepted);
        var id = (string)proposal["id"]!;
        var page = $"/portal/staff/approvals/collect/{id}";

        var visitor = await StaffPortal.InesAsync(_f);
        var (pending, pendingHtml) = await visitor.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.DoesNotContain("Collect the key", pendingHtml, StringComparison.Ordinal);

        await staff.PostJson($"/api/v1/approvals/{id}/approve", new { }, HttpStatusCode.OK);
        var (_, list) = await visitor.GetAsync("/portal/staff/approvals");
        Assert.Contains(page, list, StringComparison.Ordinal);

        var (collected, html) = await visitor.SubmitAsync(page);
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        var token = AdminForms.Beside(html, "collected-secret");
        Assert.StartsWith("fw_", token, StringComparison.Ordinal);
        var asKey = _f.WithKey(token);
        Assert.Equal(HttpStatusCode.OK, (await asKey.GetAsync("/api/v1/approvals")).StatusCode);

        // Shown once: the page no longer offers it, and the API refuses a second collection.
        var (_, after) = await visitor.GetAsync(page);
        Assert.DoesNotContain(token, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Collect the key", after, StringComparison.Ordinal);
        var (_, listAfter) = await visitor.GetAsync("/portal/staff/approvals");
        Assert.DoesNotContain(page, listAfter, StringComparison.Ordinal);
        await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/key", new { })).Problem(HttpStatusCode.Conflict, "key-collected");
        var (again, againHtml) = await visitor.PostAsync(page, ("__RequestVerificationToken", AdminForms.TokenOf((await visitor.GetAsync("/portal/sign-out")).Html)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("was collected at", WebUtility.HtmlDecode(againHtml), StringComparison.Ordinal);
        Assert.Equal("", AdminForms.Beside(againHtml, "collected-secret"));
    }

    [Fact]
    public async Task Another_member_sees_the_key_but_cannot_collect_it_and_a_gated_change_that_is_no_key_has_no_such_page()
    {
        var staff = _f.Staff();
        var ana = (string)(await staff.PostJson("/api/v1/staff", new { name = "Ana Moreau" }, HttpStatusCode.Created))["id"]!;
        var proposal = await _f.SecondStaff().PostJson("/api/v1/keys",
            new { owner = "staff", memberId = ana, name = "Ana writes", scopes = new[] { "staff:read", "staff:write" } }, HttpStatusCode.Accepted);
        var id = (string)proposal["id"]!;
        await staff.PostJson($"/api/v1/approvals/{id}/approve", new { }, HttpStatusCode.OK);

        var visitor = await StaffPortal.InesAsync(_f);
        var page = $"/portal/staff/approvals/collect/{id}";
        var (shown, html) = await visitor.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.DoesNotContain("Collect the key", html, StringComparison.Ordinal);
        var (refused, refusedHtml) = await visitor.PostAsync(page, ("__RequestVerificationToken", AdminForms.TokenOf((await visitor.GetAsync("/portal/sign-out")).Html)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Only the staff member the key is for", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("approved", (string?)(await staff.GetJson($"/api/v1/approvals/{id}"))["state"]);
        Assert.Null((await staff.GetJson($"/api/v1/approvals/{id}"))["appliedAt"]);

        var corvid = _f.PartnerInfo(DemoFacts.Validate).Id;
        var removal = await _f.SecondStaff().PostJson($"/api/v1/partners/{corvid}/status", new { status = "removed", reason = "Leaked" }, HttpStatusCode.Accepted);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/staff/approvals/collect/{removal["id"]}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/staff/approvals/collect/{Guid.NewGuid()}")).Response.StatusCode);
        var user = await StaffPortal.PartnerUserAsync(_f);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(page)).Response.StatusCode);
    }
}
