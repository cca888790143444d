using System.Globalization;
using System.Net;
using System.Text;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Portal;

/// <summary>
/// The portal's speed targets (issue 15): the partner inbox page under load beside <c>/ping</c> of the
/// same server in the same run (target ≥ 25 %), and the weight of each main page — HTML, stylesheet,
/// scripts — as each demo user sees it (target ≤ 100 KB). Real server process, loopback only.
/// </summary>
public static class PortalDriver
{
    public const string InboxPath = "/portal/inbox";
    public const double TargetRatio = 0.25;
    public const long TargetPageBytes = 100 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var run = new DriverRun();
        var root = DriverRun.RepoRoot();
        var machine = MachineFacts.Read();
        return await DriverRun.GuardAsync(async () =>
        {
            if (options.Build) await ServerProcess.BuildAsync(root, run.Token);
            var runs = await run.PerStoreAsync(options.Store, (store, postgres) => RunStoreAsync(store, postgres, root, options, run.Token));
            var report = Render(options, machine, runs);
            Console.WriteLine(report);
            if (options.MarkdownPath is { } path) await File.WriteAllTextAsync(path, report, run.Token);
            return runs.Any(r => r.Load.All.Any(p => p.Errors > 0)) ? 1 : 0;
        });
    }

    private sealed record PortalRun(StoreRun Load, IReadOnlyList<PageWeightResult> Pages);

    private static async Task<PortalRun> RunStoreAsync(string store, string? postgres, string root, LoadOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Starting the server on {store}…");
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), postgres, ct);
        Console.WriteLine($"Server process {server.Id} is healthy at {server.BaseAddress}.");
        var users = await DemoPortalUser.ReadAsync(server.DataDirectory, ct);

        // Page weights first, one session per demo user (sign-in is limited per address; three is well inside).
        var pages = new List<PageWeightResult>();
        foreach (var user in users)
        {
            using var session = await PortalSession.SignInAsync(server.BaseAddress, user, ct);
            pages.AddRange(await PageWeight.WeighAsync(user.Role, session.Http, ["/portal"], ct));
        }
        using (var anonymous = new HttpClient { BaseAddress = server.BaseAddress })
        {
            var signIn = await anonymous.GetAsync("/portal/sign-in", ct);
            var html = (await signIn.Content.ReadAsByteArrayAsync(ct)).LongLength;
            var css = (await anonymous.GetByteArrayAsync("/portal/portal.css", ct)).LongLength;
            pages.Insert(0, new PageWeightResult("anyone", "/portal/sign-in", html, css, 1));
        }

        var partnerUser = users.First(u => u.Role == "partner-user");
        using var reader = await PortalSession.SignInAsync(server.BaseAddress, partnerUser, ct);
        var cookie = reader.CookieHeader;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var shape = await CheckInboxAsync(client, cookie, ct);
        Console.WriteLine($"{partnerUser.Email}'s inbox: {shape}.");

        var load = new StoreRun(store, partnerUser.Email, shape, new PhaseResult(LoadDriver.BarePath), new PhaseResult(InboxPath),
            [.. options.AlsoPaths.Select(p => new PhaseResult(p))]);
        // Extra paths (to tell where the inbox's time goes) carry the session when they are portal pages.
        string? CookieFor(string path) => path.StartsWith("/portal", StringComparison.Ordinal) && path != "/portal/sign-in" ? cookie : null;
        if (options.WarmupSeconds > 0)
        {
            Console.WriteLine($"Warming up: {options.WarmupSeconds} s per endpoint…");
            var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
            await ClosedLoopLoad.RunAsync(client, LoadDriver.BarePath, null, options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(LoadDriver.BarePath), ct);
            await ClosedLoopLoad.RunAsync(client, InboxPath, null, options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(InboxPath), ct, cookie);
            foreach (var extra in load.Also)
                await ClosedLoopLoad.RunAsync(client, extra.Endpoint, null, options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(extra.Endpoint), ct, CookieFor(extra.Endpoint));
        }
        var phase = TimeSpan.FromSeconds((double)options.Seconds / options.Rounds);
        for (var round = 1; round <= options.Rounds; round++)
        {
            Console.WriteLine($"Round {round}/{options.Rounds}: {phase.TotalSeconds:0.#} s on {LoadDriver.BarePath}, then on {InboxPath}, {options.Connections} connections…");
            await ClosedLoopLoad.RunAsync(client, LoadDriver.BarePath, null, options.Connections, phase, options.MaxRequestsPerPhase, server, load.Bare, ct);
            await ClosedLoopLoad.RunAsync(client, InboxPath, null, options.Connections, phase, options.MaxRequestsPerPhase, server, load.Partner, ct, cookie);
            foreach (var extra in load.Also)
                await ClosedLoopLoad.RunAsync(client, extra.Endpoint, null, options.Connections, phase, options.MaxRequestsPerPhase, server, extra, ct, CookieFor(extra.Endpoint));
        }
        return new PortalRun(load, pages);
    }

    /// <summary>The inbox answers 200 with the partner's advisories (not the sign-in page); returns what it shows.</summary>
    private static async Task<string> CheckInboxAsync(HttpClient client, string cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, InboxPath);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{InboxPath} answered {(int)response.StatusCode}.");
        var advisories = html.Split("<section class=\"advisory\"").Length - 1;
        if (advisories == 0) throw new InvalidOperationException($"{InboxPath} shows no advisory; the load would not exercise the entitlements.");
        return $"{advisories} advisories, {Encoding.UTF8.GetByteCount(html):N0} bytes of HTML";
    }

    private static string Render(LoadOptions options, MachineFacts machine, IReadOnlyList<PortalRun> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"_{options.Connections} connections, {options.Seconds} s per endpoint in {options.Rounds} alternating rounds, {options.WarmupSeconds} s warm-up each; " +
                           $"client and server on the same machine over 127.0.0.1. {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}; " +
                           $"load average before {machine.LoadBefore}, after {MachineFacts.LoadAverage()}. Signed in as {runs.FirstOrDefault()?.Load.PartnerName}, whose inbox shows {runs.FirstOrDefault()?.Load.Shape}._");
        md.AppendLine();
        md.AppendLine("| Store | Endpoint | Requests | Req/s | p50 ms | p99 ms | Errors | Server CPU µs/req | Bytes/answer | Ratio to /ping | Target |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            foreach (var p in run.Load.All)
            {
                var target = p == run.Load.Partner ? $"≥ {TargetRatio:P0}: {(run.Load.Ratio >= TargetRatio ? "met" : "**not met**")}" : "";
                md.AppendLine(inv, $"| {run.Load.Store} | `GET {p.Endpoint}` | {p.Requests:N0} | {p.RequestsPerSecond:N0} | {p.LatencyMs(0.5):0.00} | {p.LatencyMs(0.99):0.00} | {p.Errors:N0} | " +
                                   $"{p.ServerCpuMicrosPerRequest:N0} | {p.ResponseBytes / Math.Max(1, p.Requests):N0} | {run.Load.RatioOf(p):P1} | {target} |");
            }
        }
        md.AppendLine();
        md.AppendLine("| Seen by | Page | HTML bytes | Loaded resources | Resource bytes | Total | Target ≤ 100 KB |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var page in runs.First().Pages)
            md.AppendLine(inv, $"| {page.Who} | `{page.Path}` | {page.HtmlBytes:N0} | {page.Resources} | {page.ResourceBytes:N0} | {page.Total / 1024.0:0.0} KB | {(page.Total <= TargetPageBytes ? "met" : "**not met**")} |");
        return md.ToString();
    }
}
