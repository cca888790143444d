using System.Globalization;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// `log appends|proofs|serve [options]`: issue 6's targets for the transparency log, each against
/// the real server code in this process (see the drivers). Prints the figures and, with
/// --markdown FILE, writes them as a section for docs/benchmarks.md.
/// </summary>
internal static class LogDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var part = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        long Number(string name, long fallback) => Text(name) is { } t ? long.Parse(t, CultureInfo.InvariantCulture) : fallback;
        var store = args.Contains("--postgres") ? StoreChoice.Postgres : args.Contains("--both") ? StoreChoice.Both : StoreChoice.Sqlite;
        using var run = new DriverRun();
        return await DriverRun.GuardAsync(async () =>
        {
            var machine = MachineFacts.Read();
            string markdown;
            switch (part)
            {
                case "appends":
                    var producers = (Text("--producers") ?? "64,256,1024").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
                    var (warm, seconds) = (TimeSpan.FromSeconds(Number("--warmup", 3)), TimeSpan.FromSeconds(Number("--seconds", 10)));
                    var appends = await run.PerStoreAsync(store, (name, pg) => AppendDriver.RunAsync(name, pg, producers, warm, seconds, run.Token));
                    markdown = LogReport.Appends(machine, seconds, [.. appends.SelectMany(a => a)]);
                    break;
                case "proofs":
                    var entries = Number("--entries", 10_000_000);
                    var proofs = await run.PerStoreAsync(store, async (name, pg) =>
                    {
                        // PostgreSQL: the kept database, not a scratch one (see ProofStore).
                        var kept = pg is null ? null : await ProofStore.PostgresAsync(pg, entries, run.Token);
                        return await ProofDriver.RunAsync(name, kept, entries, (int)Number("--queries", 2000), (int)Number("--batch", 50_000), run.Token);
                    });
                    markdown = LogReport.Proofs(machine, entries, [.. proofs.SelectMany(p => p)]);
                    break;
                case "serve":
                    var levels = (Text("--concurrency") ?? "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
                    var serve = await run.PerStoreAsync(store, (name, pg) => LogServeDriver.RunAsync(name, pg, levels,
                        TimeSpan.FromSeconds(Number("--seconds", 5)), (int)Number("--rounds", 3), run.Token));
                    markdown = LogReport.Serve(machine, [.. serve.SelectMany(s => s)]);
                    break;
                default:
                    Console.Error.WriteLine("""
                        Usage: log appends [--postgres|--both] [--producers 64,256,1024] [--seconds 10] [--warmup 3] [--markdown FILE]
                               log proofs [--postgres|--both] [--entries 10000000] [--queries 2000] [--batch 50000] [--markdown FILE]
                               log serve [--postgres|--both] [--concurrency 16,64] [--seconds 5] [--rounds 3] [--markdown FILE]
                        """);
                    return 2;
            }
            Console.WriteLine(markdown);
            if (Text("--markdown") is { } path) await File.WriteAllTextAsync(path, markdown, run.Token);
            return 0;
        });
    }
}
