using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

public sealed class PartnerManagementTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_partial_contract_change_keeps_the_other_contract_fields()
    {
        var id = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var changed = await _f.Staff().SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{id}")
        {
            Content = JsonContent.Create(new { contract = new { expiresAt = "2030-01-01T00:00:00Z" } }),
        });
        var partner = await changed.Json(HttpStatusCode.OK);
        Assert.Equal("2024.2", (string?)partner["contract"]!["ndaVersion"]);
        Assert.NotNull((string?)partner["contract"]!["signedAt"]);
        Assert.StartsWith("2030-01-01", (string?)partner["contract"]!["expiresAt"]);
    }
}
