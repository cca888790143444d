using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>Withdrawing from the advisory page: a reason and a confirmation, then what the API's withdrawal does.</summary>
public sealed class WithdrawPageTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Without_confirmation_or_reason_nothing_is_withdrawn_and_with_both_the_advisory_is_withdrawn_as_the_api_does()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/withdraw";
        var ines = await StaffPortal.InesAsync(_f);
        var (_, overview) = await ines.GetAsync($"/portal/staff/advisories/{reference}");
        Assert.Contains(page, overview, StringComparison.Ordinal);
        var entries = await _f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == LogKinds.AdvisoryChanged));

        var (unconfirmed, html) = await ines.SubmitAsync(page, ("Reason", "Duplicate of another advisory"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", AdminForms.Beside(html, "confirmed-error"), StringComparison.Ordinal);
        var (noReason, html2) = await ines.SubmitAsync(page, ("Reason", " "), ("Confirmed", "true"));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.NotEqual("", AdminForms.Beside(html2, "reason-error"));
        Assert.Null((await _f.Staff().GetJson($"/api/v1/advisories/{reference}"))["withdrawnAt"]);
        Assert.Equal(entries, await _f.InStoreAsync(db => db.LogEntries.CountAsync(e => e.Kind == LogKinds.AdvisoryChanged)));

        var (done, _) = await ines.SubmitAsync(page, ("Reason", "Duplicate of another advisory"), ("Confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var advisory = await _f.Staff().GetJson($"/api/v1/advisories/{reference}");
        Assert.Equal("Duplicate of another advisory", (string?)advisory["withdrawnReason"]);
        var entry = (await Forewarn.Server.Tests.Transparency.LogEntries.OfKindAsync(_f.Staff(), LogKinds.AdvisoryChanged))
            .Select(e => e["entry"]!).Last(e => (string?)e["change"] == "withdrawn");
        Assert.Contains("portal-user:", entry.ToJsonString(), StringComparison.Ordinal);

        // Withdrawn: the page says so and offers no form; the details form is no longer offered.
        var (_, after) = await ines.GetAsync(page);
        Assert.Contains("was withdrawn at", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"stack\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ines.GetAsync($"/portal/staff/advisories/{reference}/details")).Response.StatusCode);
    }

    [Fact]
    public async Task A_partner_user_and_an_analyst_get_404()
    {
        var reference = DemoFacts.EmbargoReference(_f);
        var page = $"/portal/staff/advisories/{reference}/withdraw";
        var analyst = await StaffPortal.AnalystAsync(_f);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(page)).Response.StatusCode);
        var user = await StaffPortal.PartnerUserAsync(_f);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(page)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/portal/staff/advisories/{reference}/details")).Response.StatusCode);
    }
}
