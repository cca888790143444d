using System.Net;
using Forewarn.Domain.Tiers;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>
/// The demo loads into a fresh store only: a store that holds a programme of its own is never
/// touched, and such a programme has no publisher until it configures one — which the CSAF
/// directory says in a sentence instead of publishing in the demo vendor's name.
/// </summary>
public sealed class DemoStoreTests
{
    [Fact]
    public async Task The_demo_never_touches_a_store_that_holds_another_programme()
    {
        await using var f = new ForewarnFactory();
        f.Settings["demo"] = "false";
        // An operator's programme: one tier so far, made before this server version's first start with the demo on.
        await f.InStoreAsync(async db =>
        {
            db.Tiers.Add(Tier.Create("Gold", "Our own partners", new Dictionary<Forewarn.Domain.Advisories.ContentClass, TimeSpan> { [Forewarn.Domain.Advisories.ContentClass.Notice] = TimeSpan.FromDays(1) }));
            return await db.SaveChangesAsync();
        });

        await using var again = new SecondServer(f); // demo on, as by default
        var (partners, tiers, publisher) = await InStore(again, async db => (await db.Partners.CountAsync(),
            await db.Tiers.Select(t => t.Name).ToListAsync(), await db.Settings.AnyAsync(s => s.Key == ProgramPublisher.SettingKey)));
        Assert.Equal(0, partners);
        Assert.Equal(["Gold"], tiers);
        Assert.False(publisher);
        Assert.False(File.Exists(Path.Combine(f.DataDirectory, "demo-credentials.json")));

        using var anyone = again.CreateClient();
        var metadata = await anyone.GetAsync("/.well-known/csaf/provider-metadata.json");
        var problem = await metadata.Problem(HttpStatusCode.ServiceUnavailable, "csaf-publisher-missing");
        Assert.Contains("csaf:publisherName", (string?)problem["detail"]);
        // What does not need a publisher still works.
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/log/v1/checkpoint")).StatusCode);
    }

    [Fact]
    public async Task A_configured_publisher_is_the_one_a_programme_publishes_as()
    {
        await using var f = new ForewarnFactory();
        f.Settings["csaf:publisherName"] = "Example Software";
        f.Settings["csaf:publisherNamespace"] = "https://example.com";
        f.Settings["csaf:contactDetails"] = "psirt@example.com";
        var metadata = await f.CreateClient().GetJson("/.well-known/csaf/provider-metadata.json");
        Assert.Equal("Example Software", (string?)metadata["publisher"]!["name"]);
        Assert.Equal("https://example.com", (string?)metadata["publisher"]!["namespace"]);
    }

    private static async Task<T> InStore<T>(SecondServer server, Func<ForewarnDb, Task<T>> look)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await look(scope.ServiceProvider.GetRequiredService<ForewarnDb>());
    }
}
