using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Exposure;

/// <summary>
/// For partners FsCheck makes up (any tier, country, restrictions and standing) asking for the
/// demo's embargoed artifacts at moments it picks, then moved to another tier and restricted
/// differently afterwards, and for any T: a partner is in a fetched group exactly when the log
/// holds a <c>content.served</c> entry for it by T (the PoC group exactly when one is of the PoC),
/// and every class's entitlement in the report is the policy's decision at T
/// (<see cref="FactsAt"/>) for that partner and the class's artifacts.
/// </summary>
public sealed class ExposureProperty
{
    public sealed record NewPartner(string Tier, string Country, string[] Restrictions, string Standing, string LaterTier, string[] LaterRestrictions);

    public sealed record Ask(int Partner, string Class, int Minute);

    public sealed record Plan(NewPartner[] Partners, Ask[] Asks, int[] Moments)
    {
        public override string ToString() =>
            $"{string.Join("; ", Partners.Select(p => $"{p.Tier}/{p.Country}/{p.Standing}/no[{string.Join(",", p.Restrictions)}]→{p.LaterTier}"))}" +
            $" asks {string.Join(" ", Asks.Select(a => $"{a.Partner}:{a.Class}@+{a.Minute}"))} T +{string.Join("/+", Moments)} min";
    }

    private static readonly string[] Classes = ["notice", "description", "detection", "indicators", "mitigation", "poc"];

    private static readonly Gen<NewPartner> Partners =
        from tier in Gen.Elements("Entry", "Trusted", "Validate")
        from country in Gen.Elements("DE", "US", "CN", "JP")
        from restrictions in Gen.SubListOf(Classes)
        from standing in Gen.Frequency((5, Gen.Constant("active")), (2, Gen.Constant("probation")), (1, Gen.Constant("suspended")))
        from later in Gen.Elements("Entry", "Trusted", "Validate")
        from laterRestrictions in Gen.SubListOf(Classes)
        select new NewPartner(tier, country, [.. restrictions.Take(1)], standing, later, [.. laterRestrictions.Take(2)]);

    // Five days on: the embargoed advisory opens wave by wave and is released on day four.
    private static readonly Gen<Plan> Plans =
        from partners in Gen.ArrayOf(Partners, 4)
        from asks in Gen.ArrayOf(from p in Gen.Choose(0, 3) from c in Gen.Elements(Classes) from m in Gen.Choose(1, 5 * 24 * 60) select new Ask(p, c, m), 14)
        from moments in Gen.ArrayOf(Gen.Choose(0, 5 * 24 * 60 + 60), 4)
        select new Plan(partners, [.. asks.OrderBy(a => a.Minute)], [.. moments.Append(3 * 24 * 60).Distinct().Order()]);

    [Fact]
    public async Task Fetched_groups_are_the_log_and_entitlements_are_the_policy_at_T()
    {
        foreach (var plan in Plans.Sample(2)) await RunAsync(plan);
    }

    private static async Task RunAsync(Plan plan)
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var artifacts = new Dictionary<string, string>();
        foreach (var cls in Classes) artifacts[cls] = await DemoFacts.ArtifactId(staff, reference, cls);
        var partners = new List<(string Id, string Key)>();
        for (var i = 0; i < plan.Partners.Length; i++) partners.Add(await CreateAsync(staff, plan.Partners[i], i));

        // Besides the plan's asks, one fetch every run has (Bastion's PoC on day two), so the fetched side is never tested on nothing.
        var bastion = (Minute: 2 * 24 * 60 + 60, Key: f.PartnerInfo(DemoFacts.Trusted).ApiKey, Artifact: artifacts["poc"]);
        foreach (var (minute, key, artifact) in plan.Asks.Select(a => (a.Minute, partners[a.Partner].Key, artifacts[a.Class])).Append(bastion).OrderBy(a => a.Item1))
        {
            f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(minute));
            using var response = await f.WithKey(key).GetAsync($"/api/v1/me/artifacts/{artifact}/content");
            if (key == bastion.Key) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        // Later changes must not change what the report says of an earlier T.
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddDays(5).AddHours(2));
        for (var i = 0; i < partners.Count; i++)
        {
            using var moved = await staff.PutAsJsonAsync($"/api/v1/partners/{partners[i].Id}/tier", new { tier = plan.Partners[i].LaterTier });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            using var patched = await staff.PatchAsJsonAsync($"/api/v1/partners/{partners[i].Id}", new { restrictions = plan.Partners[i].LaterRestrictions });
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var served = await f.InStoreAsync(db => db.LogEntries.AsNoTracking().Where(e => e.Kind == LogKinds.ContentServed).ToListAsync());
        var records = served.Select(e => AccessRecord.FromEntry(e.Body)).ToList();
        var classOf = artifacts.ToDictionary(kv => kv.Value, kv => kv.Key);
        foreach (var minutes in plan.Moments)
        {
            var t = ForewarnFactory.Start.AddMinutes(minutes);
            var context = $"{plan} — T = {t:O}";
            var report = await staff.GetJson($"/api/v1/advisories/{reference}/exposure?before={Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture))}");
            var rows = report["groups"]!.AsObject().SelectMany(g => g.Value!.AsArray()).ToDictionary(r => (string)r!["partnerId"]!, r => r!);
            var facts = await f.InStoreAsync(db => FactsAt.LoadAsync(db, new AdvisoryId(Guid.Parse((string)report["advisoryId"]!)), t, CancellationToken.None));
            Assert.Equal(facts.Partners.Count, rows.Count);

            foreach (var partner in facts.Partners.Values)
            {
                var row = rows[partner.Id.Value.ToString()];
                var byThen = records.Where(r => r.PartnerId == partner.Id && r.At <= t && r.ArtifactId.Value.ToString() is { } a && classOf.ContainsKey(a))
                    .Select(r => classOf[r.ArtifactId.Value.ToString()]).ToHashSet();
                var group = (string)row["group"]!;
                Assert.True(byThen.Contains("poc") == (group == "fetched-poc"), $"{context}: {partner.LegalName} is {group}, fetched by T: {string.Join(",", byThen)}");
                Assert.True(byThen.Count > 0 == group is "fetched-poc" or "fetched-other", $"{context}: {partner.LegalName} is {group}, fetched by T: {string.Join(",", byThen)}");

                foreach (var c in row["classes"]!.AsArray())
                {
                    var cls = ContentClasses.Parse((string)c!["class"]!);
                    var decisions = facts.Artifacts.Where(a => a.Class == cls).Select(a => facts.Decide(partner, a)).ToList();
                    Assert.True((bool)c["open"]! == decisions.Any(d => d.Allowed), $"{context}: {partner.LegalName} {cls.Name()} open {c["open"]}, decided {string.Join(",", decisions.Select(d => d.Verdict))}");
                    var chosen = decisions.Where(d => d.Allowed).OrderBy(d => d.OpensAt).Concat(decisions.Where(d => !d.Allowed && d.OpensAt is not null).OrderBy(d => d.OpensAt))
                        .Concat(decisions).First();
                    Assert.Equal(chosen.Verdict, (string)c["verdict"]!);
                    Assert.Equal(chosen.OpensAt, c["opensAt"] is { } o ? DateTimeOffset.Parse((string)o!, CultureInfo.InvariantCulture) : null);
                    Assert.Equal(byThen.Contains(cls.Name()), c["firstFetch"] is not null);
                }
                if (group == "entitled-not-fetched") Assert.Contains(row["classes"]!.AsArray(), c => (bool)c!["open"]!);
                if (group == "nothing") Assert.DoesNotContain(row["classes"]!.AsArray(), c => (bool)c!["open"]!);
            }
        }
    }

    private static async Task<(string Id, string Key)> CreateAsync(HttpClient staff, NewPartner p, int number)
    {
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = $"Exposure Partner {number} {p.Tier} {p.Country}", headquartersCountry = p.Country, category = "antivirus-edr", tier = p.Tier,
            contract = new { ndaVersion = "2024.2", signedAt = "2026-01-01T00:00:00Z", expiresAt = "2028-01-01T00:00:00Z" },
            restrictions = p.Restrictions,
        }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Application accepted" }, HttpStatusCode.OK);
        if (p.Standing != "active")
            await staff.PostJson($"/api/v1/partners/{id}/status", new { status = p.Standing, reason = "As the plan says" }, HttpStatusCode.OK);
        var key = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = id, name = "property key" }, HttpStatusCode.Created);
        return (id, (string)key["token"]!);
    }
}
