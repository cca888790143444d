using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Signals;

/// <summary>
/// Keys bound to networks, over real sockets from different loopback addresses: a bound key works
/// from inside its networks and is refused (403 network-not-allowed) and recorded from outside;
/// a partner-wide list binds every key of the partner; malformed blocks change nothing.
/// </summary>
public sealed class NetworkBindingTests
{
    [Fact]
    public async Task A_key_bound_to_one_address_works_from_it_and_is_refused_and_recorded_from_another()
    {
        await using var s = new SourceServer();
        var staff = s.Staff();
        var bastion = s.Partner(DemoFacts.Trusted);
        var key = await Sources.KeyIdAsync(s.Factory, bastion.ApiKey);

        var bound = await staff.PutJson($"/api/v1/keys/{key}/networks", new { networks = new[] { "127.0.0.2/32" } }, HttpStatusCode.OK);
        Assert.Equal(["127.0.0.2/32"], bound["networks"]!.AsArray().Select(n => (string)n!));
        var changed = await LogEntries.SingleAsync(staff, "networks.changed", "key", key.ToString());
        Assert.Equal("set", (string)changed["entry"]!["change"]!);

        await s.From("127.0.0.2", bastion.ApiKey).GetJson("/api/v1/me");
        var refused = await s.From("127.0.0.3", bastion.ApiKey).GetAsync("/api/v1/me/advisories");
        await refused.Problem(HttpStatusCode.Forbidden, "network-not-allowed");

        var entry = await LogEntries.SingleAsync(staff, "key.refused_network", "key", key.ToString());
        var body = entry["entry"]!;
        Assert.Equal(bastion.Id.ToString(), (string)body["partner"]!);
        Assert.Equal("key", (string)body["bound_by"]!);
        Assert.Equal("GET /api/v1/me/advisories", (string)body["request"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)body["source_hmac"]!);
        Assert.DoesNotContain("127.0.0.3", body.ToJsonString(), StringComparison.Ordinal);
        var source = await s.Factory.InStoreAsync(db => db.RequestSources.AsNoTracking().SingleAsync(r => r.LogIndex == (long)entry["index"]!));
        Assert.Equal("127.0.0.3", source.Address);
        Assert.Equal(key, source.KeyId);

        // The partner sees the refusal among its own entries.
        var mine = await LogEntries.AllAsync(s.From("127.0.0.2", bastion.ApiKey), path: "/api/v1/me/log/entries");
        Assert.Contains(mine, e => (string)e["kind"]! == "key.refused_network");

        // Cleared, the key works from anywhere again.
        await (await staff.DeleteAsync($"/api/v1/keys/{bastion.ApiKey.Substring(3, 12)}/networks")).Json(HttpStatusCode.OK);
        await s.From("127.0.0.3", bastion.ApiKey).GetJson("/api/v1/me/advisories");
    }

    [Fact]
    public async Task A_partner_wide_list_binds_every_key_of_the_partner()
    {
        await using var s = new SourceServer();
        var staff = s.Staff();
        var corvid = s.Partner(DemoFacts.Validate);
        var second = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = corvid.Id, name = "second poller" }, HttpStatusCode.Created);
        var secondToken = (string)second["token"]!;

        await staff.PutJson($"/api/v1/partners/{corvid.Id}/networks", new { networks = new[] { "127.0.0.2/31" } }, HttpStatusCode.OK);

        foreach (var token in new[] { corvid.ApiKey, secondToken })
        {
            await s.From("127.0.0.2", token).GetJson("/api/v1/me");
            await s.From("127.0.0.3", token).GetJson("/api/v1/me");
            await (await s.From("127.0.0.5", token).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Forbidden, "network-not-allowed");
        }
        var refusals = (await LogEntries.OfKindAsync(staff, "key.refused_network")).Select(e => e["entry"]!).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("partner", (string)r["bound_by"]!));
        // Another partner is not bound.
        await s.From("127.0.0.5", s.Partner(DemoFacts.Trusted).ApiKey).GetJson("/api/v1/me");
        // A key's own list narrows further: both must allow the address.
        var secondId = (string)second["key"]!["id"]!;
        await staff.PutJson($"/api/v1/keys/{secondId}/networks", new { networks = new[] { "127.0.0.3" } }, HttpStatusCode.OK);
        await (await s.From("127.0.0.2", secondToken).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Forbidden, "network-not-allowed");
        await s.From("127.0.0.3", secondToken).GetJson("/api/v1/me");
    }

    [Theory]
    [InlineData("10.0.0.5/24", "10.0.0.0/24")]
    [InlineData("not-a-network", null)]
    [InlineData("10.0.0.0/33", null)]
    [InlineData("", null)]
    public async Task A_malformed_block_is_a_clear_problem_and_changes_nothing(string block, string? meant)
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var partner = f.PartnerInfo(DemoFacts.Validate).Id;

        var response = await staff.PutAsync($"/api/v1/partners/{partner}/networks",
            System.Net.Http.Json.JsonContent.Create(new { networks = new[] { "192.0.2.0/24", block } }));
        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-network");
        if (meant is not null) Assert.Contains(meant, (string)problem["detail"]!, StringComparison.Ordinal);

        Assert.Equal(0, await f.InStoreAsync(db => db.NetworkBindings.CountAsync()));
        Assert.Empty(await LogEntries.OfKindAsync(staff, "networks.changed"));
        await (await staff.PutAsync("/api/v1/keys/ffffffffffff/networks", System.Net.Http.Json.JsonContent.Create(new { networks = new[] { "192.0.2.0/24" } })))
            .Problem(HttpStatusCode.NotFound, "not-found");
    }
}
