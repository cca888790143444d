using System.Globalization;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Pool;

/// <summary>The pool driver's settings, from <c>--name value</c> pairs.</summary>
public sealed record PoolOptions(int Seconds, int Downloads, int Servers, int Low, int High, int WarmupSeconds, bool Build, string? MarkdownPath,
    IReadOnlyList<string> ServerArgs)
{
    /// <summary>An answer slower than this counts as a timeout, as it would for wrk with its default timeout.</summary>
    public static readonly TimeSpan TimeoutAfter = TimeSpan.FromSeconds(2);

    private static readonly HashSet<string> Known = ["--seconds", "--downloads", "--servers", "--low", "--high", "--warmup", "--markdown", "--server-arg"];

    public static PoolOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var serverArgs = new List<string>();
        var build = true;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-build") build = false;
            else if (!Known.Contains(name)) throw new ArgumentException($"Unknown option '{name}'; see docs/benchmarks.md.");
            else if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value.");
            else if (name == "--server-arg") serverArgs.Add(args[++i]);
            else values[name] = args[++i];
        }
        int Int(string name, int fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text)) return fallback;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
        }
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable)))
            throw new ArgumentException($"Set {LoadOptions.PostgresVariable} to a PostgreSQL server with its default max_connections (100), e.g. a cluster of its own; a scratch database is made on it.");
        return new PoolOptions(Int("--seconds", 8, 1, 600), Int("--downloads", 200, 1, 2000), Int("--servers", 2, 1, 4), Int("--low", 16, 1, 2000),
            Int("--high", 200, 1, 2000), Int("--warmup", 3, 0, 120), build, values.GetValueOrDefault("--markdown"), serverArgs);
    }
}
