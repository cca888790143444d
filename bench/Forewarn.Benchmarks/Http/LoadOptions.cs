using System.Globalization;

namespace Forewarn.Benchmarks.Http;

public enum StoreChoice
{
    Sqlite,
    Postgres,
    Both,
}

/// <summary>The load driver's settings, from <c>--name value</c> pairs.</summary>
public sealed record LoadOptions(
    int Seconds, int Connections, int WarmupSeconds, int Rounds, string Partner, StoreChoice Store, bool Build,
    long MaxRequestsPerPhase, string? MarkdownPath, IReadOnlyList<string> AlsoPaths)
{
    public const string DefaultPartner = "Bastion Endpoint Security GmbH";
    public const string PostgresVariable = "FOREWARN_DATABASE";

    private static readonly HashSet<string> Known =
        ["--seconds", "--connections", "--warmup", "--rounds", "--partner", "--store", "--max-requests", "--markdown", "--also"];

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{name}'.");
            if (name is "--no-build") flags.Add(name);
            else if (!Known.Contains(name)) throw new ArgumentException($"Unknown option '{name}'; see docs/benchmarks.md.");
            else if (i + 1 < args.Length) values[name] = args[++i];
            else throw new ArgumentException($"{name} needs a value.");
        }
        int Int(string name, int fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text)) return fallback;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
        }
        var postgresGiven = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));
        var store = values.TryGetValue("--store", out var s)
            ? Enum.TryParse<StoreChoice>(s, true, out var c) ? c : throw new ArgumentException("--store must be sqlite, postgres or both.")
            : postgresGiven ? StoreChoice.Both : StoreChoice.Sqlite;
        if (store != StoreChoice.Sqlite && !postgresGiven)
            throw new ArgumentException($"--store {s} needs {PostgresVariable} set to a PostgreSQL connection string (a fresh database is made from it).");
        var options = new LoadOptions(
            Seconds: Int("--seconds", 20, 1, 600),
            Connections: Int("--connections", 32, 1, 1024),
            WarmupSeconds: Int("--warmup", 10, 0, 120),
            Rounds: Int("--rounds", 2, 1, 20),
            Partner: values.GetValueOrDefault("--partner", DefaultPartner),
            Store: store,
            Build: !flags.Contains("--no-build"),
            MaxRequestsPerPhase: Int("--max-requests", 5_000_000, 1, int.MaxValue),
            MarkdownPath: values.GetValueOrDefault("--markdown"),
            AlsoPaths: values.TryGetValue("--also", out var also)
                ? [.. also.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CheckPath)]
                : []);
        return options;
    }

    /// <summary>Extra paths are requested from the same loopback server only.</summary>
    private static string CheckPath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains("://", StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"--also takes server paths such as /api/v1/me, not '{path}'.");
}
