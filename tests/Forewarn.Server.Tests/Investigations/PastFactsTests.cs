using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage.History;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>Explaining a past moment answers with the facts in force then, not today's.</summary>
public sealed class PastFactsTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_later_tier_move_and_restriction_do_not_rewrite_the_past()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var before = _f.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);

        _f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/v1/partners/{bastion}/tier", new { tier = "Entry" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PatchAsJsonAsync($"/api/v1/partners/{bastion}", new { restrictions = new[] { "detection" } })).StatusCode);

        var now = await staff.GetJson($"/api/v1/explain?partner={bastion}&artifact={detection}");
        Assert.Equal("denied", (string?)now["verdict"]);
        var then = await staff.GetJson($"/api/v1/explain?partner={bastion}&artifact={detection}&at={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Equal("allowed", (string?)then["verdict"]);
        Assert.Contains("Trusted tier", (string?)then["explanation"]);
    }

    /// <summary>
    /// A save from a copy read before someone else's change is refused: a change made to a partner
    /// read before staff renewed its contract (as the contract job's warning once was) must not
    /// write the old contract back into the history, where a re-decision of a later download
    /// would read it — the property found this under load.
    /// </summary>
    [Fact]
    public async Task A_save_from_a_stale_copy_is_refused_and_the_history_keeps_the_renewal()
    {
        var staff = _f.Staff();
        var id = _f.PartnerInfo(DemoFacts.Validate).Id;
        var now = _f.Clock.GetUtcNow();
        object Contract(int days) => new { contract = new { ndaVersion = "2026.1", signedAt = "2026-01-01T00:00:00Z", expiresAt = now.AddDays(days) } };
        Assert.Equal(HttpStatusCode.OK, (await staff.PatchAsJsonAsync($"/api/v1/partners/{id}", Contract(10))).StatusCode);

        await _f.InStoreAsync(async db =>
        {
            var stale = await db.Partners.FirstAsync(p => p.Id == new Domain.Common.PartnerId(id));
            Assert.Equal(HttpStatusCode.OK, (await staff.PatchAsJsonAsync($"/api/v1/partners/{id}", Contract(20))).StatusCode);
            stale.Rename("Corvid Networks Inc. (stale copy)");
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return 0;
        });

        var latest = await _f.InStoreAsync(db => db.FactHistory.Where(r => r.Kind == FactKinds.Partner && r.Subject == id.ToString())
            .OrderByDescending(r => r.Id).Select(r => r.Facts).FirstAsync());
        Assert.Contains(now.AddDays(20).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), latest);
        var partner = await staff.GetJson($"/api/v1/partners/{id}");
        Assert.Equal(now.AddDays(20), (DateTimeOffset)partner["contract"]!["expiresAt"]!);
    }

    [Fact]
    public async Task A_jurisdiction_registered_later_has_no_facts_for_earlier_moments()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var before = _f.Clock.GetUtcNow();
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff.PostJson("/api/v1/policy/versions", new
        {
            effectiveFrom = _f.Clock.GetUtcNow(), reason = "Test: no detection for export-restricted jurisdictions",
            rules = new object[]
            {
                new { id = "R1", kind = "public-at-release", title = "Public at release", classes = new[] { "notice", "description", "detection", "indicators", "mitigation" }, atReleaseOnly = false },
                new { id = "R9", kind = "jurisdiction-limit", title = "Export", fact = "export-restricted-vulnerabilities", classes = new[] { "notice" }, atReleaseOnly = false },
            },
        }, HttpStatusCode.Created);
        await staff.PostJson("/api/v1/jurisdictions", new { code = "DE", name = "Germany", facts = new[] { "export-restricted-vulnerabilities" } }, HttpStatusCode.Created);

        Assert.Equal("denied", (string?)(await staff.GetJson($"/api/v1/explain?partner={bastion}&artifact={detection}"))["verdict"]);
        var then = await staff.GetJson($"/api/v1/explain?partner={bastion}&artifact={detection}&at={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Equal("allowed", (string?)then["verdict"]);
    }

    [Fact]
    public async Task A_store_without_history_begins_one_whose_first_facts_reach_back()
    {
        var removed = await _f.InStoreAsync(db => db.FactHistory.ExecuteDeleteAsync());
        // A store from before histories were kept: no rows, and its history not yet begun.
        await _f.InStoreAsync(db => db.Settings.Where(s => s.Key == FactHistory.BegunSetting).ExecuteDeleteAsync());
        Assert.True(removed > 0, "The demo's facts have a history.");
        var begun = await _f.InStoreAsync(db => FactHistory.BaselineAsync(db, _f.Clock.GetUtcNow(), CancellationToken.None));
        Assert.True(begun >= 12, $"Only {begun} first rows.");
        Assert.Equal(0, await _f.InStoreAsync(db => FactHistory.BaselineAsync(db, _f.Clock.GetUtcNow(), CancellationToken.None)));
        Assert.True(await _f.InStoreAsync(db => db.FactHistory.AllAsync(r => r.ReachesBack)));

        // The replay's suspicion still reads as it did: the CN partner had the PoC on 7 July 2025.
        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var china = _f.PartnerInfo(DemoFacts.China).Id;
        Assert.Equal("allowed", (string?)(await staff.GetJson($"/api/v1/explain?partner={china}&artifact={poc}&at=2025-07-07T12:00:00Z"))["verdict"]);
    }
}
