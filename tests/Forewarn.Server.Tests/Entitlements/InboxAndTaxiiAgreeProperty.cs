using System.Globalization;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using TaxiiApi = Forewarn.Server.Tests.Taxii.Taxii;

namespace Forewarn.Server.Tests.Entitlements;

/// <summary>
/// The inbox and TAXII are two faces of one entitled view, so they never disagree on what is
/// open: for partners FsCheck makes up (any tier, country, restrictions and standing) and at
/// moments it picks across the demo's embargo and release, the artifacts /me/advisories shows open
/// are exactly those whose objects one TAXII read serves (its access records), the advisories it
/// lists are exactly those whose report TAXII carries, and a partner refused by one is refused by the other.
/// </summary>
public sealed class InboxAndTaxiiAgreeProperty
{
    public sealed record NewPartner(string Tier, string Country, string[] Restrictions, string Standing);

    public sealed record Plan(NewPartner[] Partners, int[] Minutes)
    {
        public override string ToString() =>
            $"{string.Join("; ", Partners.Select(p => $"{p.Tier}/{p.Country}/{p.Standing}/no[{string.Join(",", p.Restrictions)}]"))} at +{string.Join("/+", Minutes)} min";
    }

    private static readonly Gen<NewPartner> Partners =
        from tier in Gen.Elements("Entry", "Trusted", "Validate")
        from country in Gen.Elements("DE", "US", "GB", "CN", "JP", "IN")
        from restrictions in Gen.SubListOf("notice", "description", "detection", "indicators", "mitigation", "poc")
        from standing in Gen.Frequency((4, Gen.Constant("active")), (2, Gen.Constant("probation")), (1, Gen.Constant("suspended")))
        select new NewPartner(tier, country, [.. restrictions.Take(2)], standing);

    // Up to eight days on: the demo's embargoed advisory opens wave by wave and is released on day four.
    private static readonly Gen<Plan> Plans =
        from partners in Gen.ArrayOf(Partners, 4)
        from minutes in Gen.ArrayOf(Gen.Choose(1, 8 * 24 * 60), 5)
        select new Plan(partners, [.. minutes.Distinct().Order()]);

    [Fact]
    public async Task Inbox_and_taxii_agree_on_what_is_open_for_any_partner_at_any_time()
    {
        foreach (var plan in Plans.Sample(2)) await RunAsync(plan);
    }

    private static async Task RunAsync(Plan plan)
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var partners = new List<(string Id, string Key)>();
        for (var i = 0; i < plan.Partners.Length; i++) partners.Add(await CreateAsync(staff, plan.Partners[i], i));

        var opened = 0;
        foreach (var minutes in plan.Minutes)
        {
            var moment = ForewarnFactory.Start.AddMinutes(minutes);
            f.Clock.SetUtcNow(moment);
            foreach (var (id, key) in partners)
            {
                var context = $"{plan} — partner {id} at {moment:O}";
                var inbox = await f.WithKey(key).GetAsync("/api/v1/me/advisories");
                var taxii = await f.WithKey(key).AcceptingTaxii().GetAsync(TaxiiApi.Objects + "?limit=1000");
                Assert.True(inbox.StatusCode == taxii.StatusCode, $"{context}: inbox {inbox.StatusCode}, TAXII {taxii.StatusCode}");
                if (inbox.StatusCode != HttpStatusCode.OK) continue;

                var listed = (await inbox.Json(HttpStatusCode.OK)).AsArray();
                var open = listed.SelectMany(a => a!["artifacts"]!.AsArray()).Where(a => (bool)a!["open"]!).Select(a => (string)a!["id"]!).ToHashSet();
                var objects = TaxiiApi.ObjectsOf(await taxii.TaxiiJson(HttpStatusCode.OK)).Select(o => o!).ToList();
                var served = (await staff.GetJson($"/api/v1/access-records?limit=1000&partner={id}")).AsArray()
                    .Where(r => (string?)r!["channel"] == "taxii" && DateTimeOffset.Parse((string)r!["at"]!, CultureInfo.InvariantCulture) == moment)
                    .Select(r => (string)r!["artifactId"]!).ToHashSet();
                Assert.True(open.SetEquals(served), $"{context}: inbox open {string.Join(",", open)}, TAXII served {string.Join(",", served)}");
                foreach (var advisory in listed) Assert.True(TaxiiApi.HasReportOf(objects, (string)advisory!["reference"]!), $"{context}: no report of {advisory!["reference"]}");
                Assert.Equal(listed.Count, objects.Count(o => (string?)o["type"] == "report"));
                opened += open.Count;
            }
        }
        // The released replay is open to anyone in good standing: agreement was tested on something.
        if (plan.Partners.Any(p => p.Standing != "suspended")) Assert.True(opened > 0, $"{plan}: nothing was ever open");
    }

    private static async Task<(string Id, string Key)> CreateAsync(HttpClient staff, NewPartner p, int number)
    {
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = $"Property Partner {number} {p.Tier} {p.Country}", headquartersCountry = p.Country, category = "antivirus-edr", tier = p.Tier,
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
