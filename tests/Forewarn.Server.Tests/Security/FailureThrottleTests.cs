using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Collections.Concurrent;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;

namespace Forewarn.Server.Tests.Security;

/// <summary>
/// Finding 5 of issue 13: hundreds of wrong keys a second were free. Failures (and only failures)
/// now spend a per-address and a per-key-prefix allowance; over it they are answered 429, while a
/// right key from the same address goes on working.
/// </summary>
[Collection(ProcessMeters.Name)]
public sealed class FailureThrottleTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Failures_over_the_address_limit_are_answered_429_and_a_right_key_from_that_address_still_works()
    {
        _f.Settings["auth:failuresPerAddress"] = "5";
        _f.Settings["auth:windowSeconds"] = "600";
        _f.OnKestrel();
        var staff = _f.Staff();

        for (var i = 0; i < 5; i++)
            await (await _f.WithKey(KestrelServer.UnknownToken()).GetAsync("/api/v1/partners")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        var refused = await _f.WithKey(KestrelServer.UnknownToken()).GetAsync("/api/v1/partners");
        var problem = await refused.Problem(HttpStatusCode.TooManyRequests, "too-many-failures");
        var retry = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value.TotalSeconds, 1, 600);
        Assert.Equal((long)retry.Value.TotalSeconds, (long?)problem["retryAfterSeconds"]);

        // The right keys from the very same address, at the same time: never refused because others failed.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => staff.GetAsync("/api/v1/partners")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await _f.Partner(DemoFacts.Trusted).GetAsync("/api/v1/me")).StatusCode);
        // A request with no key at all is not a failed authentication: it is told to authenticate.
        await (await _f.CreateClient().GetAsync("/api/v1/partners")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");

        // TAXII Basic failures are the same failures: refused too, as a TAXII error; a right Basic key works.
        var wrongBasic = Basic(KestrelServer.UnknownToken());
        var error = await (await wrongBasic.GetAsync("/taxii2/")).TaxiiError(HttpStatusCode.TooManyRequests);
        Assert.Equal("too-many-failures", (string?)error["error_code"]);
        Assert.Equal(HttpStatusCode.OK, (await Basic(_f.PartnerInfo(DemoFacts.Trusted).ApiKey).GetAsync("/taxii2/")).StatusCode);
        // A malformed header fails as well.
        var malformed = _f.CreateClient();
        malformed.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Digest nonsense");
        await (await malformed.GetAsync("/api/v1/partners")).Problem(HttpStatusCode.TooManyRequests, "too-many-failures");
    }

    [Fact]
    public async Task Failures_naming_one_real_key_prefix_are_limited_and_that_key_still_works()
    {
        _f.Settings["auth:failuresPerKey"] = "3";
        _f.Settings["auth:windowSeconds"] = "600";
        _f.OnKestrel();
        var real = _f.PartnerInfo(DemoFacts.Trusted).ApiKey;
        var forged = _f.WithKey(KestrelServer.Forged(real));

        for (var i = 0; i < 3; i++) await (await forged.GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await forged.GetAsync("/api/v1/me")).Problem(HttpStatusCode.TooManyRequests, "too-many-failures");
        // The address is not over its own limit: a failure naming another prefix is still an ordinary 401.
        await (await _f.WithKey(KestrelServer.UnknownToken()).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        // The key the guesses were aimed at still works.
        Assert.Equal(HttpStatusCode.OK, (await _f.WithKey(real).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_against_a_real_key_make_one_log_entry_per_window_and_unknown_prefixes_only_a_count()
    {
        var counted = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Forewarn" && instrument.Name == "forewarn.auth.failures") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var t in tags)
                if (t.Key == "reason") counted.Add((string)t.Value!);
        });
        listener.Start();
        _f.Settings["auth:failuresPerKey"] = "100"; // the record counts every failure, throttled or not; here none is
        _f.OnKestrel();
        var staff = _f.Staff();
        var partner = _f.PartnerInfo(DemoFacts.Trusted);
        var before = await KindCountAsync(staff);

        for (var i = 0; i < 12; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _f.WithKey(KestrelServer.Forged(partner.ApiKey)).GetAsync("/api/v1/me")).StatusCode);
        for (var i = 0; i < 7; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _f.WithKey(KestrelServer.UnknownToken()).GetAsync("/api/v1/me")).StatusCode);
        // Below the record threshold (5 in a window): a typo, not an attack.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _f.WithKey(KestrelServer.Forged(_f.Credentials.Staff.ApiKey)).GetAsync("/api/v1/partners")).StatusCode);
        Assert.Equal(0, await KindCountAsync(staff) - before); // nothing is written per failure

        _f.Clock.Advance(TimeSpan.FromMinutes(15)); // the record window (900 s) ends
        var entries = await EventuallyAsync(staff, before + 1);
        var entry = Assert.Single(entries)["entry"]!;
        Assert.Equal(partner.ApiKey[3..15], (string?)entry["prefix"]);
        Assert.Equal("partner", (string?)entry["owner"]);
        Assert.Equal(partner.Id.ToString(), (string?)entry["partner"]);
        Assert.Equal(12, (int?)entry["failures"]);
        Assert.Equal(12, (int?)entry["reasons"]!["wrong-secret"]);
        Assert.Equal(1, (int?)entry["sources"]);
        Assert.Equal("127.0.0.0/24", (string?)Assert.Single(entry["networks"]!.AsArray()));
        Assert.Equal("2026-11-28T12:00:00.0000000Z", (string?)entry["window_from"]);
        Assert.Equal("2026-11-28T12:15:00.0000000Z", (string?)entry["window_to"]);
        Assert.DoesNotContain("127.0.0.1", entry.ToJsonString(), StringComparison.Ordinal); // whole addresses stay out of the log

        // It is about the partner, so the partner sees that someone tried its key.
        var mine = await Transparency.LogEntries.AllAsync(_f.Partner(DemoFacts.Trusted), "", "/api/v1/me/log/entries");
        Assert.Single(mine, e => (string?)e["kind"] == "auth.failures");

        // Unknown prefixes left no entry, only the count; every failure was counted once.
        Assert.Equal(7, counted.Count(r => r == "unknown-key"));
        Assert.Equal(14, counted.Count(r => r == "wrong-secret"));

        // The next window with no failures writes nothing.
        _f.Clock.Advance(TimeSpan.FromMinutes(15));
        await Task.Delay(500);
        Assert.Single(await Transparency.LogEntries.OfKindAsync(staff, "auth.failures"));
    }

    private static async Task<int> KindCountAsync(HttpClient staff) => (await Transparency.LogEntries.OfKindAsync(staff, "auth.failures")).Count;

    private static async Task<List<System.Text.Json.Nodes.JsonNode>> EventuallyAsync(HttpClient staff, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var entries = await Transparency.LogEntries.OfKindAsync(staff, "auth.failures");
            if (entries.Count >= count) return entries;
            await Task.Delay(100);
        }
        return await Transparency.LogEntries.OfKindAsync(staff, "auth.failures");
    }

    private HttpClient Basic(string token)
    {
        var client = _f.CreateClient().AcceptingTaxii();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("feed:" + token)));
        return client;
    }
}
