using System.Globalization;
using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// Entitlement at the moment of the request: an object appears when it opens to the partner and
/// not a moment before, dated by that moment; a suspended partner is refused at once.
/// </summary>
public sealed class TaxiiEntitlementTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Objects_appear_at_the_wave_and_after_the_lead_time_and_not_before()
    {
        var staff = _f.Staff();
        var validate = _f.Partner(DemoFacts.Validate).AcceptingTaxii(); // notices 14 days before release
        // Released in 20 days, published by a wave in an hour: open to Validate only from day 6.
        var (reference, artifacts) = await Taxii.AdvisoryWithNotices(staff, "FW-2026-8400", 1, ForewarnFactory.Start.AddHours(1), ForewarnFactory.Start.AddDays(20));
        var opens = ForewarnFactory.Start.AddDays(6);

        Assert.False(Taxii.HasReportOf(await validate.AllObjects(), reference));
        var staffView = await _f.Staff().AcceptingTaxii().AllObjects("limit=1000");
        Assert.True(Taxii.HasReportOf(staffView, reference)); // staff see it whatever its waves
        var note = staffView.Single(o => (string?)o["type"] == "note" && (string?)o["abstract"] == "Notice 0");
        var noteId = (string)note["id"]!;

        _f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(Taxii.HasReportOf(await validate.AllObjects(), reference));
        _f.Clock.SetUtcNow(opens.AddSeconds(-1));
        Assert.False(Taxii.HasReportOf(await validate.AllObjects(), reference));
        await (await validate.GetAsync($"{Taxii.Objects}{noteId}/")).TaxiiError(HttpStatusCode.NotFound);

        _f.Clock.SetUtcNow(opens);
        var now = await validate.AllObjects();
        Assert.True(Taxii.HasReportOf(now, reference));
        Assert.Contains(now, o => (string?)o["id"] == noteId);
        var manifest = Taxii.ObjectsOf(await validate.TaxiiGet($"{Taxii.Manifest}?match[id]={Uri.EscapeDataString(noteId)}"));
        Assert.Equal(opens, DateTimeOffset.Parse((string)Assert.Single(manifest)!["date_added"]!, CultureInfo.InvariantCulture));
        Assert.Single(artifacts);
    }

    [Fact]
    public async Task A_suspended_partner_is_refused_at_once_and_served_again_when_reinstated()
    {
        var staff = _f.Staff();
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        Assert.NotEmpty(Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Objects)));
        var id = _f.PartnerInfo(DemoFacts.Trusted).Id;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);

        foreach (var url in new[] { Taxii.Objects, Taxii.Manifest, "/taxii2/api/collections/", "/taxii2/" })
        {
            var refused = await (await partner.GetAsync(url)).TaxiiError(HttpStatusCode.Forbidden);
            Assert.Contains("suspended", (string?)refused["description"], StringComparison.Ordinal);
        }
        var suspended = _f.Partner(DemoFacts.Suspended).AcceptingTaxii();
        var response = await suspended.GetAsync(Taxii.Objects);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        Taxii.IsTaxiiMediaType(response);

        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Cleared" }, HttpStatusCode.OK);
        Assert.NotEmpty(Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Objects)));
    }

    [Fact]
    public async Task A_withdrawn_advisory_leaves_the_feed_at_once()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var before = await partner.AllObjects();
        Assert.True(Taxii.HasReportOf(before, reference));
        var reportId = (string)before.First(o => Taxii.HasReportOf([o], reference))["id"]!;

        await staff.PostJson($"/api/v1/advisories/{reference}/withdraw", new { reason = "Not a vulnerability after all." }, HttpStatusCode.OK);

        Assert.False(Taxii.HasReportOf(await partner.AllObjects(), reference));
        Assert.False(Taxii.HasReportOf(await _f.Staff().AcceptingTaxii().AllObjects("limit=1000"), reference));
        await (await partner.GetAsync($"{Taxii.Objects}{reportId}/")).TaxiiError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var staff = _f.Staff();
        var issued = await staff.PostJson("/api/v1/keys", new
        {
            owner = "partner", partnerId = _f.PartnerInfo(DemoFacts.Trusted).Id, name = "taxii poller", scopes = new[] { "partner:read" },
        }, HttpStatusCode.Created);
        var poller = _f.WithKey((string)issued["token"]!).AcceptingTaxii();
        Assert.NotEmpty(Taxii.ObjectsOf(await poller.TaxiiGet(Taxii.Objects)));
        await staff.PostJson($"/api/v1/keys/{(string)issued["key"]!["id"]!}/revoke", new { }, HttpStatusCode.OK);
        await (await poller.GetAsync(Taxii.Objects)).TaxiiError(HttpStatusCode.Unauthorized);
    }
}
