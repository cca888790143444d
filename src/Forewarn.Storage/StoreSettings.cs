using Forewarn.Storage.Postgres;

namespace Forewarn.Storage;

/// <summary>
/// Where the store lives: an SQLite file in the data directory, or a PostgreSQL server — and, for
/// PostgreSQL, how many connections this server may hold and how long a request waits for one
/// (<see cref="PostgresPool"/>).
/// </summary>
public sealed record StoreSettings(string DataDirectory, string? PostgresConnectionString, int PoolSize = PostgresPool.DefaultSize,
    int PoolWaitSeconds = PostgresPool.DefaultWaitSeconds, bool Listen = true)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>PostgreSQL: whether this server keeps the generation tokens while it hears every change (<see cref="PostgresGenerationWatch"/>).</summary>
    public bool ListensForChanges => UsesPostgres && Listen;

    public string SqlitePath => Path.Combine(DataDirectory, "forewarn.db");

    /// <summary>The connection string every part of this server connects with: the operator's, with the pool's cap and wait.</summary>
    public string? PooledConnectionString =>
        UsesPostgres ? PostgresPool.Apply(PostgresConnectionString!, PoolSize, PoolWaitSeconds) : null;

    public string Describe() => UsesPostgres ? $"PostgreSQL (at most {PoolSize} connections, waiting up to {PoolWaitSeconds} s for one)" : $"SQLite file {SqlitePath}";
}
