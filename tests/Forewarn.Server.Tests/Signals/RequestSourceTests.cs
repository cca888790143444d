using System.Security.Cryptography;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Forewarn.Server.Tests.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Signals;

/// <summary>
/// Each content request's real source address, over real sockets bound to different loopback
/// addresses: kept in the store beside its entry, shown to staff in the exposure analysis, and in
/// the log only as a salted hash — equal for the same address, different for another, and not the
/// plain hash anyone could compute.
/// </summary>
public sealed class RequestSourceTests
{
    [Fact]
    public async Task A_fetch_keeps_its_address_in_the_store_and_only_a_salted_hash_in_the_log()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var staff = s.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var detection = await DemoFacts.ArtifactId(staff, reference, "detection");
        var corvid = s.Partner(DemoFacts.Validate);

        var first = await Sources.FetchAsync(s.From("127.0.0.2", corvid.ApiKey), detection);
        var again = await Sources.FetchAsync(s.From("127.0.0.2", corvid.ApiKey), detection);
        var other = await Sources.FetchAsync(s.From("127.0.0.3", corvid.ApiKey), detection);

        var key = await Sources.KeyIdAsync(f, corvid.ApiKey);
        var rows = await f.InStoreAsync(db => db.RequestSources.AsNoTracking().Where(r => r.LogIndex == first || r.LogIndex == again || r.LogIndex == other)
            .ToDictionaryAsync(r => r.LogIndex));
        Assert.Equal("127.0.0.2", rows[first].Address);
        Assert.Equal("127.0.0.0/24", rows[first].Network);
        Assert.Equal("127.0.0.2", rows[again].Address);
        Assert.Equal("127.0.0.3", rows[other].Address);
        Assert.All(rows.Values, r =>
        {
            Assert.Equal("content.served", r.Kind);
            Assert.Equal(key, r.KeyId);
            Assert.Equal(corvid.Id, r.PartnerId);
        });

        async Task<string> Hmac(long index) => (string)(await staff.GetJson($"/api/v1/log/entries?start={index}&limit=1"))["entries"]![0]!["entry"]!["source_hmac"]!;
        var hmac = await Hmac(first);
        Assert.Matches("^[0-9a-f]{64}$", hmac);
        Assert.Equal(hmac, await Hmac(again));
        Assert.NotEqual(hmac, await Hmac(other));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("127.0.0.2"))), hmac);

        // No entry of the whole log names an address the requests came from.
        var everything = await LogEntries.AllAsync(staff);
        Assert.All(everything, e => Assert.DoesNotContain("127.0.0.", e["entry"]!.ToJsonString(), StringComparison.Ordinal));

        // Staff see the first fetch's address and network in the exposure analysis.
        var report = await staff.GetJson($"/api/v1/advisories/{reference}/exposure?before={Uri.EscapeDataString(f.Clock.GetUtcNow().ToString("O"))}");
        var row = report["groups"]!["fetchedOther"]!.AsArray().Single(r => ((string)r!["partner"]!).StartsWith(DemoFacts.Validate, StringComparison.Ordinal))!;
        var fetch = row["classes"]!.AsArray().Single(c => (string)c!["class"]! == "detection")!["firstFetch"]!;
        Assert.Equal(first, (long)fetch["logIndex"]!);
        Assert.Equal("127.0.0.2", (string)fetch["source"]!["address"]!);
        Assert.Equal("127.0.0.0/24", (string)fetch["source"]!["network"]!);
    }

    [Fact]
    public async Task TAXII_reads_record_their_source_too()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var bastion = s.Partner(DemoFacts.Trusted);
        var objects = await s.From("127.0.0.4", bastion.ApiKey).AcceptingTaxii().AllObjects();
        Assert.NotEmpty(objects);

        var rows = await f.InStoreAsync(db => db.RequestSources.AsNoTracking().Where(r => r.Address == "127.0.0.4").ToListAsync());
        Assert.NotEmpty(rows);
        var staff = s.Staff();
        foreach (var r in rows)
        {
            var entry = (await staff.GetJson($"/api/v1/log/entries?start={r.LogIndex}&limit=1"))["entries"]![0]!["entry"]!;
            Assert.Equal("taxii", (string)entry["channel"]!);
            Assert.Equal(bastion.Id.ToString(), (string)entry["partner"]!);
            Assert.Matches("^[0-9a-f]{64}$", (string)entry["source_hmac"]!);
        }
    }
}
