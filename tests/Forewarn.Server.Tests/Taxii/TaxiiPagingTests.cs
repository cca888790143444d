using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// Paging through a large collection with next and with added_after: every object exactly once,
/// in date_added order, and objects that open while a client pages do not shift its pages.
/// </summary>
public sealed class TaxiiPagingTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Three_hundred_artifacts_page_out_exactly_once_even_when_more_open_meanwhile()
    {
        var staff = _f.Staff();
        // Validate receives notices 14 days before release: released in 10 days, the wave now opens them now.
        var (reference, artifacts) = await Taxii.AdvisoryWithNotices(staff, "FW-2026-8300", 300, ForewarnFactory.Start, ForewarnFactory.Start.AddDays(10));
        var partner = _f.Partner(DemoFacts.Validate).AcceptingTaxii();
        var everything = await partner.TaxiiGet(Taxii.Manifest + "?limit=1000");
        var expected = Taxii.ObjectsOf(everything).Select(m => (string)m!["id"]!).ToList();
        Assert.True(expected.Count > 300, $"{expected.Count} objects");

        // Default page size is 100; the same 300 notes all opened at the same moment, so ties on
        // date_added are broken by id.
        var first = await partner.GetAsync(Taxii.Objects);
        var page = await first.TaxiiJson(HttpStatusCode.OK);
        Assert.Equal(100, Taxii.ObjectsOf(page).Count);
        Assert.True((bool)page["more"]!);
        var seen = Taxii.ObjectsOf(page).Select(o => (string)o!["id"]!).ToList();

        // A new notice opens while the client pages.
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Late notice", @class = "notice", tlp = "amber", text = "It came later." }, HttpStatusCode.Created);
        var wave = await staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { (string)late["id"]! } });
        Assert.Equal(HttpStatusCode.Created, wave.StatusCode);

        var pages = 1;
        while ((bool)page["more"]!)
        {
            page = await partner.TaxiiGet(Taxii.Objects + "?next=" + Uri.EscapeDataString((string)page["next"]!));
            seen.AddRange(Taxii.ObjectsOf(page).Select(o => (string)o!["id"]!));
            pages++;
        }
        Assert.True(pages >= 4);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // Everything there was, in the same order, then the late notice's note at the end.
        Assert.Equal(expected, seen.Take(expected.Count));
        var lateNote = Assert.Single(seen.Skip(expected.Count));
        Assert.StartsWith("note--", lateNote, StringComparison.Ordinal);
        Assert.Equal(301, artifacts.Count + 1);
    }

    [Fact]
    public async Task Polling_with_added_after_picks_up_exactly_what_is_new()
    {
        var staff = _f.Staff();
        await Taxii.AdvisoryWithNotices(staff, "FW-2026-8301", 150, ForewarnFactory.Start, ForewarnFactory.Start.AddDays(10));
        var partner = _f.Partner(DemoFacts.Validate).AcceptingTaxii();
        var all = Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Manifest + "?limit=1000")).Select(m => m!).ToList();

        // A poller walks with added_after from the last date_added it saw and limit 40.
        var first = await partner.GetAsync(Taxii.Objects + "?limit=40");
        var page = await first.TaxiiJson(HttpStatusCode.OK);
        var last = first.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        var after = await partner.GetAsync(Taxii.Manifest + "?limit=1000&added_after=" + Uri.EscapeDataString(last));
        var newer = Taxii.ObjectsOf(await after.TaxiiJson(HttpStatusCode.OK)).Select(m => m!).ToList();
        Assert.All(newer, m => Assert.True(Time((string)m["date_added"]!) > Time(last)));
        Assert.Equal(all.Count(m => Time((string)m["date_added"]!) > Time(last)), newer.Count);
        // Ties on date_added are what next is for: added_after is strictly after.
        if (newer.Count > 0) Assert.True(Time(after.Headers.GetValues("X-TAXII-Date-Added-First").Single()) > Time(last));
        else Assert.False(after.Headers.Contains("X-TAXII-Date-Added-First"));

        // Something that opens later is found by added_after from the latest moment seen.
        var latest = all.Max(m => Time((string)m["date_added"]!));
        var since = Uri.EscapeDataString(latest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Assert.Null((await partner.TaxiiGet(Taxii.Objects + "?added_after=" + since))["objects"]);
        await Taxii.AdvisoryWithNotices(staff, "FW-2026-8302", 1, ForewarnFactory.Start.AddHours(2), ForewarnFactory.Start.AddDays(10));
        Assert.Null((await partner.TaxiiGet(Taxii.Objects + "?added_after=" + since))["objects"]);
        _f.Clock.Advance(TimeSpan.FromHours(2));
        var fresh = Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Objects + "?added_after=" + since)).Select(o => o!).ToList();
        Assert.True(Taxii.HasReportOf(fresh, "FW-2026-8302"));
        Assert.Contains(fresh, o => (string?)o["type"] == "note");
        Assert.False(Taxii.HasReportOf(Taxii.ObjectsOf(page).Select(o => o!), "FW-2026-8302"));
    }

    [Fact]
    public async Task Limit_is_honoured_and_capped_and_a_cursor_is_bound_to_its_filters()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var one = await partner.TaxiiGet(Taxii.Objects + "?limit=1");
        Assert.Single(Taxii.ObjectsOf(one));
        Assert.True((bool)one["more"]!);
        var next = Uri.EscapeDataString((string)one["next"]!);
        Assert.Single(Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Objects + "?limit=1&next=" + next)));
        var other = await (await partner.GetAsync(Taxii.Objects + "?limit=1&match[type]=report&next=" + next)).TaxiiError(HttpStatusCode.BadRequest);
        Assert.Contains("same filters", (string?)other["description"], StringComparison.Ordinal);
        await (await partner.GetAsync(Taxii.Manifest + "?next=" + next)).TaxiiError(HttpStatusCode.BadRequest);

        var huge = await partner.TaxiiGet(Taxii.Objects + "?limit=1000000");
        Assert.False((bool)huge["more"]!);
        Assert.InRange(Taxii.ObjectsOf(huge).Count, 2, 1000);
    }
}
