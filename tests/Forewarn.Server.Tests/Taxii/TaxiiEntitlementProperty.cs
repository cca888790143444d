using System.Globalization;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// The feed never disagrees with the partner view: at random moments across the demo embargo,
/// for partners of every kind, the artifacts whose objects TAXII serves (its access records) are
/// exactly the artifacts /me/advisories shows open, and nothing is dated after the moment it is served.
/// </summary>
public sealed class TaxiiEntitlementProperty : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Taxii_serves_exactly_what_is_open_and_nothing_before_its_time()
    {
        var staff = _f.Staff();
        var partners = new[] { DemoFacts.Trusted, DemoFacts.Validate, DemoFacts.Entry, DemoFacts.China, DemoFacts.Restricted, DemoFacts.Probation };
        var random = new Random(20261128);
        var moment = ForewarnFactory.Start;
        for (var step = 0; step < 8; step++)
        {
            // Forward only (the clock never runs back), in uneven steps over the six days to release and beyond.
            moment = moment.AddMinutes(random.Next(1, 60 * 24));
            _f.Clock.SetUtcNow(moment);
            foreach (var name in partners)
            {
                var open = (await _f.Partner(name).GetJson("/api/v1/me/advisories")).AsArray()
                    .SelectMany(a => a!["artifacts"]!.AsArray()).Where(a => (bool)a!["open"]!).Select(a => (string)a!["id"]!).ToHashSet();
                var taxii = _f.Partner(name).AcceptingTaxii();
                var manifest = Taxii.ObjectsOf(await taxii.TaxiiGet(Taxii.Manifest + "?limit=1000"));
                Assert.All(manifest, m => Assert.True(DateTimeOffset.Parse((string)m!["date_added"]!, CultureInfo.InvariantCulture) <= moment,
                    $"{name} at {moment:O}: {m!["id"]} is dated {m["date_added"]}"));
                Assert.Equal(open.Count == 0, manifest.Count == 0);

                await taxii.TaxiiGet(Taxii.Objects + "?limit=1000");
                var served = (await staff.GetJson($"/api/v1/access-records?limit=1000&partner={_f.PartnerInfo(name).Id}")).AsArray()
                    .Where(r => (string?)r!["channel"] == "taxii" && DateTimeOffset.Parse((string)r!["at"]!, CultureInfo.InvariantCulture) == moment)
                    .Select(r => (string)r!["artifactId"]!).ToList();
                Assert.Equal(served.Count, served.Distinct().Count());
                Assert.True(open.SetEquals(served), $"{name} at {moment:O}: open {string.Join(",", open)} but served {string.Join(",", served)}");
            }
        }
    }
}
