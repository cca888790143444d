using System.Net;

namespace Forewarn.Server.Tests.Infrastructure;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_answers_on_a_fresh_store()
    {
        // Its own first start: the migrations and the demo load run here, not in a copy of the template.
        await using var f = new ForewarnFactory(fromTemplate: false);
        var health = await f.CreateClient().GetJson("/health");
        Assert.Equal("healthy", (string?)health["status"]);
        Assert.Equal(f.OnPostgres ? "postgresql" : "sqlite", (string?)health["store"]);
        Assert.True(f.OnPostgres || File.Exists(Path.Combine(f.DataDirectory, "forewarn.db")));
        Assert.Equal(HttpStatusCode.OK, (await f.Staff().GetAsync("/api/v1/partners")).StatusCode);
    }
}
