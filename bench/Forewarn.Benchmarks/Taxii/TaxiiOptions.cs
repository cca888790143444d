using System.Globalization;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>The TAXII paging benchmark's settings, from <c>--name value</c> pairs.</summary>
public sealed record TaxiiOptions(
    int Objects, IReadOnlyList<int> Pagers, int Seconds, int WarmupSeconds, int Limit, int SeedConcurrency,
    StoreChoice Store, bool Build, string? MarkdownPath)
{
    private static readonly HashSet<string> Known =
        ["--objects", "--pagers", "--seconds", "--warmup", "--limit", "--seed-concurrency", "--store", "--markdown"];

    public static TaxiiOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var build = true;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--no-build") build = false;
            else if (!Known.Contains(name)) throw new ArgumentException($"Unknown option '{name}'; see docs/benchmarks.md, section 6.");
            else if (i + 1 < args.Length) values[name] = args[++i];
            else throw new ArgumentException($"{name} needs a value.");
        }
        int Int(string text, string name, int min, int max) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
        int Value(string name, int fallback, int min, int max) => values.TryGetValue(name, out var t) ? Int(t, name, min, max) : fallback;

        var postgresGiven = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable));
        var store = values.TryGetValue("--store", out var s)
            ? Enum.TryParse<StoreChoice>(s, true, out var c) ? c : throw new ArgumentException("--store must be sqlite, postgres or both.")
            : postgresGiven ? StoreChoice.Both : StoreChoice.Sqlite;
        if (store != StoreChoice.Sqlite && !postgresGiven)
            throw new ArgumentException($"--store {s} needs {LoadOptions.PostgresVariable} set to a PostgreSQL connection string (a fresh database is made from it).");
        var pagers = values.TryGetValue("--pagers", out var p)
            ? p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => Int(x, "--pagers", 1, 64)).Distinct().ToList()
            : [1, 8];
        if (pagers.Count == 0) throw new ArgumentException("--pagers takes a list such as 1,8.");
        return new TaxiiOptions(
            Objects: Value("--objects", 10_000, 100, 1_000_000),
            Pagers: pagers,
            Seconds: Value("--seconds", 15, 1, 600),
            WarmupSeconds: Value("--warmup", 10, 0, 120),
            Limit: Value("--limit", 100, 1, 1000),
            SeedConcurrency: Value("--seed-concurrency", 8, 1, 64),
            Store: store,
            Build: build,
            MarkdownPath: values.GetValueOrDefault("--markdown"));
    }
}
