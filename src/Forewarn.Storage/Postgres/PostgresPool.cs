using System.Data.Common;
using Npgsql;

namespace Forewarn.Storage.Postgres;

/// <summary>
/// How many PostgreSQL connections one server uses, and how long a request waits for one. Every
/// part of a server — requests, the generation probe, the log sequencer, the jobs — takes its
/// connections from one Npgsql pool (one connection string, so one pool per process), capped well
/// under PostgreSQL's default limit of 100 so that several servers, the jobs and an operator's
/// <c>psql</c> fit. A request that finds the pool busy waits in Npgsql's queue up to the wait;
/// after it the server answers 503 <c>store-busy</c> with Retry-After (never a 500).
/// </summary>
public static class PostgresPool
{
    public const int DefaultSize = 20;
    public const int DefaultWaitSeconds = 10;

    /// <summary>The connection string's own <c>Maximum Pool Size</c>, when the operator wrote one (under any of its names).</summary>
    public static int? ExplicitSize(string connectionString) =>
        Explicit(connectionString, "maximumpoolsize", "maxpoolsize") is { } text && int.TryParse(text, out var size) ? size : null;

    /// <summary>The connection string's own <c>Timeout</c> (seconds to wait for a connection), when the operator wrote one.</summary>
    public static int? ExplicitWait(string connectionString) =>
        Explicit(connectionString, "timeout") is { } text && int.TryParse(text, out var seconds) ? seconds : null;

    /// <summary>
    /// The connection string the server connects with: the pool size and wait applied where the
    /// operator's string does not name them itself (what it names wins; the settings' validation
    /// refuses a start where the two disagree).
    /// </summary>
    public static string Apply(string connectionString, int size, int waitSeconds)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (ExplicitSize(connectionString) is null) b.MaxPoolSize = size;
        if (ExplicitWait(connectionString) is null) b.Timeout = waitSeconds;
        return b.ConnectionString;
    }

    private static string? Explicit(string connectionString, params string[] names)
    {
        var raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in raw.Keys)
        {
            var plain = key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (names.Contains(plain)) return raw[key]?.ToString();
        }
        return null;
    }
}
