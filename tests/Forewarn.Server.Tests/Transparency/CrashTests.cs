using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using Forewarn.Server.Api;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// A server process killed with SIGKILL in the middle of many concurrent downloads and staff
/// changes loses no entry it answered for: every 200 download's entry is there with the copy
/// named in its headers, every answered key issue and partner change is logged, the log rebuilt
/// from its entries matches every signed checkpoint, and a restarted process carries on appending.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private static readonly string[] Downloaders = [DemoFacts.Trusted, DemoFacts.Validate, DemoFacts.Entry, DemoFacts.China, DemoFacts.Restricted];
    private static readonly Dictionary<string, string> Settings = new() { ["csaf:scheduler"] = "off", ["webhooks:sender"] = "off" };

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        // The processes run on the real clock: the demo is loaded at that time, so its partners are members now.
        if (DateTimeOffset.UtcNow > _f.Clock.GetUtcNow()) _f.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        _f.Settings["csaf:scheduler"] = "off";
        _f.Settings["webhooks:sender"] = "off";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private sealed record Download(Guid Partner, long Index, string CopySha256);

    private sealed class Answered
    {
        public ConcurrentBag<Download> Downloads { get; } = [];
        public ConcurrentBag<string> Keys { get; } = [];
        public ConcurrentBag<(Guid Partner, string ExpiresDay)> Contracts { get; } = [];
        public int Failed;
    }

    [Fact]
    public async Task A_server_killed_mid_stream_keeps_every_answered_entry_and_a_verifiable_log()
    {
        var staffKey = _f.Credentials.Staff.ApiKey;
        var replay = await DemoFacts.Advisory(_f.Staff(), DemoFacts.Replay);
        var artifacts = replay["artifacts"]!.AsArray().Select(a => (string)a!["id"]!).ToList();

        var answered = new Answered();
        var first = ServerProcess.Start(_f, Settings);
        try
        {
            using var http = new HttpClient { BaseAddress = await AddressAsync(first), Timeout = TimeSpan.FromSeconds(30) };
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 10).Select(w => Task.Run(() => DownloadLoopAsync(http, artifacts, w, answered, stop.Token)))
                .Append(Task.Run(() => StaffLoopAsync(http, staffKey, answered, stop.Token))).ToList();
            await Releases.EventuallyAsync(() => Task.FromResult(answered.Downloads.Count >= 300 && !answered.Keys.IsEmpty),
                $"downloads were answered (so far {answered.Downloads.Count}, {answered.Failed} failed)\n{first.Output}", seconds: 120);
            first.KillHard();
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        finally
        {
            await first.DisposeAsync();
        }
        Assert.True(answered.Failed > 0, "the kill came while requests were in flight");

        await using var second = ServerProcess.Start(_f, Settings);
        using var staff = Client(await AddressAsync(second), staffKey);
        using var anyone = Client(staff.BaseAddress!, null);
        var entries = (await LogEntries.AllAsync(staff)).ToDictionary(e => (long)e["index"]!);
        foreach (var d in answered.Downloads)
        {
            Assert.True(entries.TryGetValue(d.Index, out var e), $"the answered download logged at {d.Index} has no entry");
            Assert.Equal(LogKinds.ContentServed, (string?)e["kind"]);
            Assert.Equal(d.Partner.ToString(), (string?)e["partner_id"]);
            Assert.Equal(d.CopySha256, (string?)e["entry"]!["copy_sha256"]);
        }
        Assert.Equal(answered.Downloads.Count, answered.Downloads.Select(d => d.Index).Distinct().Count());
        foreach (var key in answered.Keys)
            Assert.Single(entries.Values, e => (string?)e["kind"] == LogKinds.KeyIssued && (string?)e["entry"]!["key"] == key);
        foreach (var (partner, day) in answered.Contracts)
            Assert.Contains(entries.Values, e => (string?)e["kind"] == LogKinds.PartnerChanged && (string?)e["partner_id"] == partner.ToString()
                && ((string?)e["entry"]!["changes"]?["contract"]?["to"]?["expires_at"])?.StartsWith(day, StringComparison.Ordinal) == true);

        var size = await LogEntries.VerifyAsync(staff, anyone);
        Assert.Equal(entries.Count, size);

        // The restarted server carries on: a new download is the next entry, and the log still verifies.
        using var bastion = Client(staff.BaseAddress!, _f.PartnerInfo(DemoFacts.Trusted).ApiKey);
        HttpResponseMessage? served = null;
        foreach (var artifact in artifacts)
        {
            served = await bastion.GetAsync($"/api/v1/me/artifacts/{artifact}/content");
            if (served.StatusCode == HttpStatusCode.OK) break;
        }
        Assert.Equal(HttpStatusCode.OK, served?.StatusCode);
        var index = long.Parse(served!.Headers.GetValues(MeEndpoints.LogIndexHeader).Single(), CultureInfo.InvariantCulture);
        Assert.True(index >= size, $"the new entry {index} is not after the {size} before the restart");
        Assert.True(await LogEntries.VerifyAsync(staff, anyone) > size);
    }

    private async Task DownloadLoopAsync(HttpClient http, List<string> artifacts, int worker, Answered answered, CancellationToken stop)
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            var partner = _f.PartnerInfo(Downloaders[random.Next(Downloaders.Length)]);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/me/artifacts/{artifacts[random.Next(artifacts.Count)]}/content");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", partner.ApiKey);
            try
            {
                // The answer counts once its headers are out: the entry was durable before them.
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                answered.Downloads.Add(new Download(partner.Id,
                    long.Parse(response.Headers.GetValues(MeEndpoints.LogIndexHeader).Single(), CultureInfo.InvariantCulture),
                    response.Headers.GetValues(MeEndpoints.CopyHeader).Single()));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                Interlocked.Increment(ref answered.Failed);
            }
        }
    }

    private async Task StaffLoopAsync(HttpClient http, string staffKey, Answered answered, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var partner = _f.PartnerInfo(Downloaders[n % Downloaders.Length]);
            var expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(++n);
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys")
            {
                Content = JsonContent.Create(new { owner = "partner", partnerId = partner.Id, name = $"crash {n}" }),
            };
            using var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{partner.Id}")
            {
                Content = JsonContent.Create(new { contract = new { expiresAt = expires } }),
            };
            issue.Headers.Authorization = change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staffKey);
            try
            {
                using var issued = await http.SendAsync(issue, stop);
                if (issued.StatusCode == HttpStatusCode.Created)
                    answered.Keys.Add((string)(await issued.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>(stop))!["key"]!["id"]!);
                using var changed = await http.SendAsync(change, stop);
                if (changed.StatusCode == HttpStatusCode.OK) answered.Contracts.Add((partner.Id, expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                Interlocked.Increment(ref answered.Failed);
            }
        }
    }

    private static async Task<Uri> AddressAsync(ServerProcess server)
    {
        await Releases.EventuallyAsync(() => Task.FromResult(server.Address is not null), $"the server process started\n{server.Output}", seconds: 90);
        return server.Address!;
    }

    private static HttpClient Client(Uri address, string? key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
