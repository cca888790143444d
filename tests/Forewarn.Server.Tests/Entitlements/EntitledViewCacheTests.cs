using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Forewarn.Domain.Common;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Forewarn.Storage;
using Microsoft.Extensions.DependencyInjection;
using TaxiiApi = Forewarn.Server.Tests.Taxii.Taxii;

namespace Forewarn.Server.Tests.Entitlements;

/// <summary>
/// The one cache of entitled views: bounded (least recently used out first, the bound never
/// exceeded), a view found only under its own generation and only while it holds, and — through
/// the real server — a change to a fact seen by the inbox and TAXII on the very next request.
/// </summary>
public sealed class EntitledViewCacheTests
{
    private static readonly DateTimeOffset T0 = ForewarnFactory.Start;

    private static EntitledView View(PartnerId partner, string generation = "g1", DateTimeOffset? at = null, DateTimeOffset? nextChange = null) =>
        new(partner, generation, at ?? T0, nextChange, []);

    [Fact]
    public void Past_its_bound_the_least_recently_used_views_go()
    {
        var cache = new EntitledViewCache(3);
        var partners = Enumerable.Range(0, 6).Select(_ => PartnerId.New()).ToArray();
        foreach (var p in partners[..3]) cache.Keep(View(p));
        Assert.Equal(3, cache.Count);

        Assert.NotNull(cache.Find(partners[0], "g1", T0)); // used again: now the most recent
        cache.Keep(View(partners[3]));
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find(partners[1], "g1", T0)); // the least recently used went
        Assert.NotNull(cache.Find(partners[0], "g1", T0));

        foreach (var p in partners[4..]) cache.Keep(View(p));
        Assert.Equal(3, cache.Count);
        Assert.True(cache.Weight <= cache.Limit);
        Assert.Equal([partners[0], partners[4], partners[5]], partners.Where(p => cache.Find(p, "g1", T0) is not null));
    }

    [Fact]
    public void A_partner_has_one_view_and_a_new_generation_retires_every_other()
    {
        var cache = new EntitledViewCache(10);
        var (a, b) = (PartnerId.New(), PartnerId.New());
        cache.Keep(View(a));
        cache.Keep(View(b));
        cache.Keep(View(a, at: T0.AddMinutes(1)));
        Assert.Equal(2, cache.Count);

        cache.Keep(View(a, "g2"));
        Assert.Equal(1, cache.Count);
        Assert.Null(cache.Find(b, "g1", T0));
        Assert.Null(cache.Find(a, "g1", T0)); // the key is (partner, generation)
        Assert.NotNull(cache.Find(a, "g2", T0));
    }

    [Fact]
    public void A_view_is_found_only_from_when_it_was_decided_until_its_next_change()
    {
        var cache = new EntitledViewCache(10);
        var p = PartnerId.New();
        cache.Keep(View(p, at: T0, nextChange: T0.AddHours(1)));
        Assert.Null(cache.Find(p, "g1", T0.AddTicks(-1)));
        Assert.NotNull(cache.Find(p, "g1", T0));
        Assert.NotNull(cache.Find(p, "g1", T0.AddHours(1).AddTicks(-1)));
        Assert.Null(cache.Find(p, "g1", T0.AddHours(1)));
    }

    [Fact]
    public async Task A_fact_change_shows_in_the_inbox_and_in_TAXII_on_the_next_request()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var partner = f.Partner(DemoFacts.Trusted);
        var taxii = f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");

        Assert.Contains(poc, await OpenInInbox(partner));
        Assert.Contains(poc, await ServedByTaxii(f, taxii, staff));
        var views = f.Services.GetRequiredService<EntitledViewCache>();
        var generation = await f.InStoreAsync(db => FactsGeneration.ReadAsync(db, CancellationToken.None));
        Assert.NotNull(views.Find(new PartnerId(f.PartnerInfo(DemoFacts.Trusted).Id), generation, f.Clock.GetUtcNow())); // kept, so the next answer could be stale

        // A restriction is a fact: nothing else changes, not even the clock beyond a second.
        var changed = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{f.PartnerInfo(DemoFacts.Trusted).Id}")
        {
            Content = JsonContent.Create(new { restrictions = new[] { "poc" } }),
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(poc, await OpenInInbox(partner));
        Assert.DoesNotContain(poc, await ServedByTaxii(f, taxii, staff));
    }

    private static async Task<HashSet<string>> OpenInInbox(HttpClient partner) =>
        [.. (await partner.GetJson("/api/v1/me/advisories")).AsArray()
            .SelectMany(a => a!["artifacts"]!.AsArray()).Where(a => (bool)a!["open"]!).Select(a => (string)a!["id"]!)];

    /// <summary>The artifacts whose objects one read of the collection served now (its access records).</summary>
    private static async Task<HashSet<string>> ServedByTaxii(ForewarnFactory f, HttpClient taxii, HttpClient staff)
    {
        await taxii.TaxiiGet(TaxiiApi.Objects + "?limit=1000");
        var now = f.Clock.GetUtcNow();
        return [.. (await staff.GetJson($"/api/v1/access-records?limit=1000&partner={f.PartnerInfo(DemoFacts.Trusted).Id}")).AsArray()
            .Where(r => (string?)r!["channel"] == "taxii" && DateTimeOffset.Parse((string)r!["at"]!, CultureInfo.InvariantCulture) == now)
            .Select(r => (string)r!["artifactId"]!)];
    }
}
