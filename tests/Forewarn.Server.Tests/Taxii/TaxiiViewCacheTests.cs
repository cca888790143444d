using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// The server keeps each partner's view of the collection between pages; it must never serve a
/// stale one. After a partner has paged, an artifact opening at a later moment, a suspension and a
/// new advisory each show in the very next request.
/// </summary>
public sealed class TaxiiViewCacheTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_kept_view_never_outlives_the_clock_a_suspension_or_a_new_advisory()
    {
        var staff = _f.Staff();
        var partner = _f.Partner(DemoFacts.Validate).AcceptingTaxii(); // notices 14 days before release
        // Released in 20 days, published by a wave in an hour: open to Validate only from day 6.
        var (later, _) = await Taxii.AdvisoryWithNotices(staff, "FW-2026-8510", 1, ForewarnFactory.Start.AddHours(1), ForewarnFactory.Start.AddDays(20));
        var opens = ForewarnFactory.Start.AddDays(6);

        // (a) Nothing changes in the store, only the clock: the view kept from before must not hide it.
        _f.Clock.SetUtcNow(opens.AddSeconds(-1));
        var before = Ids(await partner.AllObjects());
        Assert.False(Taxii.HasReportOf(await partner.AllObjects("match[type]=report"), later));
        _f.Clock.SetUtcNow(opens);
        var opened = await partner.AllObjects();
        Assert.True(Taxii.HasReportOf(opened, later));
        Assert.Superset(before.ToHashSet(), Ids(opened).ToHashSet());
        var added = opened.Where(o => !before.Contains((string)o["id"]!)).ToList();
        Assert.Contains(added, o => (string?)o["type"] == "note");
        var manifest = Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Manifest + "?limit=1000")).Where(m => added.Any(o => (string?)o["id"] == (string?)m!["id"]));
        Assert.All(manifest, m => Assert.Equal(opens, DateTimeOffset.Parse((string)m!["date_added"]!, System.Globalization.CultureInfo.InvariantCulture)));

        // (b) Suspended: refused at once, on a continuation too; reinstated: served again.
        var first = await partner.TaxiiGet(Taxii.Objects + "?limit=1");
        var next = Taxii.Objects + "?limit=1&next=" + Uri.EscapeDataString((string)first["next"]!);
        var id = _f.PartnerInfo(DemoFacts.Validate).Id;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);
        await (await partner.GetAsync(next)).TaxiiError(HttpStatusCode.Forbidden);
        await (await partner.GetAsync(Taxii.Manifest)).TaxiiError(HttpStatusCode.Forbidden);
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Cleared" }, HttpStatusCode.OK);
        Assert.Equal(Ids(opened), Ids(await partner.AllObjects()));

        // (c) A new advisory whose wave opens it now: the next page of a read begun before it ends with it.
        var page = await partner.TaxiiGet(Taxii.Objects + "?limit=1");
        var (fresh, _) = await Taxii.AdvisoryWithNotices(staff, "FW-2026-8511", 1, opens, opens.AddDays(10));
        var rest = new List<JsonNode>();
        while ((bool)page["more"]!)
        {
            page = await partner.TaxiiGet(Taxii.Objects + "?limit=1000&next=" + Uri.EscapeDataString((string)page["next"]!));
            rest.AddRange(Taxii.ObjectsOf(page).Select(o => o!));
        }
        Assert.True(Taxii.HasReportOf(rest, fresh));
        Assert.True(Taxii.HasReportOf(await partner.AllObjects(), fresh));
    }

    private static List<string> Ids(IEnumerable<JsonNode> objects) => [.. objects.Select(o => (string)o["id"]!)];
}
