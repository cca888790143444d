using Forewarn.Server.Hosting;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage.Postgres;
using Npgsql;

namespace Forewarn.Server.Tests.Storage;

/// <summary>The PostgreSQL pool's size and wait: where they come from, and the settings a server refuses to start with.</summary>
public sealed class PoolSettingsTests
{
    [Fact]
    public void The_settings_size_the_pool_unless_the_connection_string_does()
    {
        var byDefault = new StoreOptions { Database = "Host=db;Database=forewarn" }.ToSettings();
        Assert.Equal((PostgresPool.DefaultSize, PostgresPool.DefaultWaitSeconds), (byDefault.PoolSize, byDefault.PoolWaitSeconds));
        var pooled = new NpgsqlConnectionStringBuilder(byDefault.PooledConnectionString);
        Assert.Equal((PostgresPool.DefaultSize, PostgresPool.DefaultWaitSeconds), (pooled.MaxPoolSize, pooled.Timeout));

        var set = new StoreOptions { Database = "Host=db", DatabasePool = 7, DatabaseWaitSeconds = 3 }.ToSettings();
        pooled = new NpgsqlConnectionStringBuilder(set.PooledConnectionString);
        Assert.Equal((7, 3, 7, 3), (set.PoolSize, set.PoolWaitSeconds, pooled.MaxPoolSize, pooled.Timeout));

        // The operator's own words in the connection string (any of Npgsql's names for them) win.
        var own = new StoreOptions { Database = "Host=db;MaxPoolSize=12;Timeout=4" }.ToSettings();
        pooled = new NpgsqlConnectionStringBuilder(own.PooledConnectionString);
        Assert.Equal((12, 4, 12, 4), (own.PoolSize, own.PoolWaitSeconds, pooled.MaxPoolSize, pooled.Timeout));

        Assert.Null(new StoreOptions().ToSettings().PooledConnectionString);
    }

    [Theory]
    [InlineData("databasePool", "0", "databasePool (FOREWARN_DATABASEPOOL) is the most PostgreSQL connections this server holds: from 1 to 1000")]
    [InlineData("databaseWaitSeconds", "301", "databaseWaitSeconds (FOREWARN_DATABASEWAITSECONDS) is how long a request waits for a PostgreSQL connection: from 1 to 300")]
    public async Task A_pool_setting_out_of_range_stops_the_server(string setting, string value, string sentence)
    {
        await using var f = new ForewarnFactory();
        f.Settings[setting] = value;
        Assert.Contains(Refusals(f), s => s.StartsWith(sentence, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=30", "databasePool", "20", "says Maximum Pool Size=30 but databasePool (FOREWARN_DATABASEPOOL) says 20")]
    [InlineData("Host=db;Timeout=5", "databaseWaitSeconds", "10", "says Timeout=5 but databaseWaitSeconds (FOREWARN_DATABASEWAITSECONDS) says 10")]
    [InlineData("Host=db;Pooling=false", "demo", "true", "turns pooling off (Pooling=false)")]
    [InlineData("Host=db;Minimum Pool Size=25", "demo", "true", "keeps Minimum Pool Size=25 connections open, more than the pool may hold (20)")]
    public async Task A_pool_said_two_ways_or_unbounded_stops_the_server(string database, string setting, string value, string sentence)
    {
        await using var f = new ForewarnFactory();
        f.Settings["database"] = database;
        f.Settings[setting] = value;
        Assert.Contains(Refusals(f), s => s.Contains(sentence, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Refusals(ForewarnFactory f)
    {
        var e = Assert.ThrowsAny<Exception>(() => f.Services);
        return StartupChecks.Explain(e) ?? throw new InvalidOperationException("The start failed without the settings' sentences.", e);
    }
}
