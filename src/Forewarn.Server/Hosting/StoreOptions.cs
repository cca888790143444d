using Forewarn.Storage;
using Forewarn.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Where the programme's data lives and what a fresh store starts with — top-level settings:
/// <c>data</c> (<c>--data DIR</c>, <c>FOREWARN_DATA</c>), <c>database</c> (<c>FOREWARN_DATABASE</c>, a
/// PostgreSQL connection string; SQLite in the data directory when empty), <c>databasePool</c>
/// and <c>databaseWaitSeconds</c> (<c>FOREWARN_DATABASEPOOL</c>, <c>FOREWARN_DATABASEWAITSECONDS</c>:
/// the most PostgreSQL connections this server holds and how long a request waits for one —
/// <see cref="PostgresPool"/>), <c>databaseListen</c> (<c>FOREWARN_DATABASELISTEN</c>: hear changes
/// instead of reading the generation tokens per request) and <c>demo</c> (<c>FOREWARN_DEMO</c>: load the demo programme into
/// an empty store).
/// </summary>
public sealed class StoreOptions
{
    public const int MaxPool = 1000;
    public const int MaxWaitSeconds = 300;

    public string Data { get; set; } = "data";
    public string? Database { get; set; }

    /// <summary>Unset: the connection string's own <c>Maximum Pool Size</c>, else <see cref="PostgresPool.DefaultSize"/>.</summary>
    public int? DatabasePool { get; set; }

    /// <summary>Unset: the connection string's own <c>Timeout</c>, else <see cref="PostgresPool.DefaultWaitSeconds"/>.</summary>
    public int? DatabaseWaitSeconds { get; set; }

    /// <summary>
    /// PostgreSQL: keep the generation tokens while a listening connection hears every change
    /// (the default), or read them from the store on every request (<c>false</c>).
    /// </summary>
    public bool DatabaseListen { get; set; } = true;

    public bool Demo { get; set; } = true;

    private string? ConnectionString => string.IsNullOrWhiteSpace(Database) ? null : Database.Trim();

    public StoreSettings ToSettings()
    {
        var data = Path.GetFullPath(string.IsNullOrWhiteSpace(Data) ? "data" : Data);
        if (ConnectionString is not { } database) return new(data, null);
        return new(data, database, PostgresPool.ExplicitSize(database) ?? DatabasePool ?? PostgresPool.DefaultSize,
            PostgresPool.ExplicitWait(database) ?? DatabaseWaitSeconds ?? PostgresPool.DefaultWaitSeconds, DatabaseListen);
    }
}

internal sealed class StoreOptionsValidation : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions o)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Data) && o.Data.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            problems.Add($"data (FOREWARN_DATA, --data) is not a directory path: '{o.Data}'.");
        if (o.DatabasePool is < 1 or > StoreOptions.MaxPool)
            problems.Add($"databasePool (FOREWARN_DATABASEPOOL) is the most PostgreSQL connections this server holds: from 1 to {StoreOptions.MaxPool} (default {PostgresPool.DefaultSize}).");
        if (o.DatabaseWaitSeconds is < 1 or > StoreOptions.MaxWaitSeconds)
            problems.Add($"databaseWaitSeconds (FOREWARN_DATABASEWAITSECONDS) is how long a request waits for a PostgreSQL connection: from 1 to {StoreOptions.MaxWaitSeconds} (default {PostgresPool.DefaultWaitSeconds}).");
        if (!string.IsNullOrWhiteSpace(o.Database))
        {
            try
            {
                var b = new NpgsqlConnectionStringBuilder(o.Database);
                if (string.IsNullOrWhiteSpace(b.Host))
                    problems.Add("database (FOREWARN_DATABASE) names no Host: give a PostgreSQL connection string such as 'Host=db;Database=forewarn;Username=forewarn;Password=…'.");
                PoolProblems(o, b, problems);
            }
            catch (ArgumentException e)
            {
                problems.Add($"database (FOREWARN_DATABASE) is not a PostgreSQL connection string ({e.Message}); leave it empty for SQLite in the data directory.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // The pool may be set in the connection string (Npgsql's own words) or by the settings, not both ways differently.
    private static void PoolProblems(StoreOptions o, NpgsqlConnectionStringBuilder b, List<string> problems)
    {
        if (!b.Pooling)
            problems.Add("database (FOREWARN_DATABASE) turns pooling off (Pooling=false): the server could then open any number of connections; remove it and set databasePool instead.");
        if (PostgresPool.ExplicitSize(o.Database!) is { } size && o.DatabasePool is { } pool && size != pool)
            problems.Add($"database (FOREWARN_DATABASE) says Maximum Pool Size={size} but databasePool (FOREWARN_DATABASEPOOL) says {pool}: give the pool size in one place.");
        if (PostgresPool.ExplicitWait(o.Database!) is { } wait && o.DatabaseWaitSeconds is { } seconds && wait != seconds)
            problems.Add($"database (FOREWARN_DATABASE) says Timeout={wait} but databaseWaitSeconds (FOREWARN_DATABASEWAITSECONDS) says {seconds}: give the wait in one place.");
        var effective = PostgresPool.ExplicitSize(o.Database!) ?? o.DatabasePool ?? PostgresPool.DefaultSize;
        if (b.MinPoolSize > effective)
            problems.Add($"database (FOREWARN_DATABASE) keeps Minimum Pool Size={b.MinPoolSize} connections open, more than the pool may hold ({effective}).");
    }
}
