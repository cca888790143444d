using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Signals;

/// <summary>
/// <c>GET /api/v1/signals</c> over real requests from different loopback addresses, with the
/// factory's clock: a key's first use from a new /24 fires, another address in the same /24 does
/// not; a PoC fetched minutes after its wave by a key never used before fires, by a key used
/// before or after the window does not; a day above the partner's habit fires.
/// </summary>
public sealed class SignalTests
{
    private static async Task<List<JsonNode>> SignalsAsync(HttpClient staff, string query = "") =>
        [.. (await staff.GetJson("/api/v1/signals" + query))["signals"]!.AsArray().Select(x => x!)];

    private static long[] Entries(JsonNode signal) => [.. signal["entries"]!.AsArray().Select(e => (long)e!)];

    [Fact]
    public async Task A_key_used_from_a_new_network_is_a_signal_and_another_address_of_its_network_is_not()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var staff = s.Staff();
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), "detection");
        var corvid = s.Partner(DemoFacts.Validate);

        var home = await Sources.FetchAsync(s.From("127.0.0.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.0.6", corvid.ApiKey), detection);
        Assert.DoesNotContain(await SignalsAsync(staff), x => (string)x["kind"]! == "new-network");

        f.Clock.Advance(TimeSpan.FromMinutes(3));
        var away = await Sources.FetchAsync(s.From("127.0.1.5", corvid.ApiKey), detection);
        await Sources.FetchAsync(s.From("127.0.1.6", corvid.ApiKey), detection);

        var signal = Assert.Single(await SignalsAsync(staff, $"?partner={corvid.Id}"), x => (string)x["kind"]! == "new-network");
        Assert.Equal([home, away], Entries(signal));
        Assert.Equal("127.0.1.0/24", (string)signal["details"]!["network"]!);
        Assert.Equal("127.0.1.5", (string)signal["details"]!["address"]!);
        Assert.Equal(corvid.Id.ToString(), (string)signal["partnerId"]!);
        Assert.Equal(corvid.ApiKey.Substring(3, 12), (string)signal["keyPrefix"]!);
        Assert.Equal(DemoFacts.EmbargoReference(f), (string)signal["advisory"]!);

        // Filters: another partner, another advisory, a later start.
        Assert.Empty(await SignalsAsync(staff, $"?partner={s.Partner(DemoFacts.Trusted).Id}"));
        Assert.Empty(await SignalsAsync(staff, $"?advisory={DemoFacts.Replay}"));
        Assert.Empty(await SignalsAsync(staff, $"?since={Uri.EscapeDataString(f.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}"));
        await (await staff.GetAsync("/api/v1/signals?since=yesterday")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await staff.GetAsync($"/api/v1/signals?partner={Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await s.From("127.0.0.5", corvid.ApiKey).GetAsync("/api/v1/signals")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_PoC_fetched_minutes_after_its_wave_by_a_key_never_used_before_is_a_signal()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var staff = s.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var poc = await DemoFacts.ArtifactId(staff, reference, "poc");
        var wave = await f.InStoreAsync(async db => (await db.Waves.AsNoTracking().ToListAsync())
            .Where(w => w.ArtifactIds.Contains(new ArtifactId(Guid.Parse(poc)))).Min(w => w.At));
        var bastion = s.Partner(DemoFacts.Trusted);

        // The demo key was used before (a request for something that does not exist is recorded too).
        f.Clock.SetUtcNow(wave.AddMinutes(-30));
        var before = await s.From("127.0.0.7", bastion.ApiKey).GetAsync($"/api/v1/me/artifacts/{Guid.NewGuid()}/content");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        f.Clock.SetUtcNow(wave.AddMinutes(10));
        await Sources.AnnounceAsync(f);
        var fresh = (string)(await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = bastion.Id, name = "new poller" }, HttpStatusCode.Created))["token"]!;
        var grabbed = await Sources.FetchAsync(s.From("127.0.0.7", fresh), poc);
        await Sources.FetchAsync(s.From("127.0.0.7", bastion.ApiKey), poc); // used before: no signal
        f.Clock.SetUtcNow(wave.AddMinutes(41));
        var late = (string)(await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = bastion.Id, name = "late poller" }, HttpStatusCode.Created))["token"]!;
        await Sources.FetchAsync(s.From("127.0.0.7", late), poc); // outside the 30 minutes: no signal

        var signal = Assert.Single(await SignalsAsync(staff), x => (string)x["kind"]! == "fresh-key-poc");
        Assert.Equal([grabbed], Entries(signal));
        Assert.Equal(10.0, (double)signal["details"]!["minutesAfterWave"]!);
        Assert.Equal(fresh.Substring(3, 12), (string)signal["keyPrefix"]!);
        Assert.Equal(reference, (string)signal["advisory"]!);
    }

    [Fact]
    public async Task A_day_far_above_the_partners_habit_is_a_signal()
    {
        await using var s = new SourceServer();
        var f = s.Factory;
        var staff = s.Staff();
        await Sources.AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(f), "detection");
        var corvid = s.Partner(DemoFacts.Validate);
        var client = s.From("127.0.0.8", corvid.ApiKey);

        // Ten in a day is at the floor (max(10, 5 × median 0)): not above it.
        for (var i = 0; i < 10; i++) await Sources.FetchAsync(client, detection);
        Assert.DoesNotContain(await SignalsAsync(staff), x => (string)x["kind"]! == "volume");

        var eleventh = await Sources.FetchAsync(client, detection);
        var signal = Assert.Single(await SignalsAsync(staff), x => (string)x["kind"]! == "volume");
        Assert.Equal(11, Entries(signal).Length);
        Assert.Equal(eleventh, Entries(signal)[^1]);
        Assert.Equal(11, (int)signal["details"]!["count"]!);
        Assert.Equal(10.0, (double)signal["details"]!["threshold"]!);
        Assert.Equal(corvid.Id.ToString(), (string)signal["partnerId"]!);
    }
}
