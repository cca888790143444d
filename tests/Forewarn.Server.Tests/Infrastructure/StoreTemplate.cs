using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>
/// The store every test server starts from, made once per test run: a real server started at
/// <see cref="ForewarnFactory.Start"/> migrates it and loads the demo (the slow part of a start),
/// then stops. Each later server gets a copy — the data directory's files for SQLite, and
/// <c>CREATE DATABASE … TEMPLATE</c> (PostgreSQL's own file copy) for PostgreSQL — so its
/// start-up finds a migrated store with the demo in it, exactly as a first start would leave it.
/// </summary>
internal sealed class StoreTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static StoreTemplate? made;

    private StoreTemplate(string dataDirectory, string? postgresDatabase, string? postgresAdmin)
    {
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
        PostgresAdmin = postgresAdmin;
    }

    private string DataDirectory { get; }
    private string? PostgresDatabase { get; }
    private string? PostgresAdmin { get; }

    /// <summary>
    /// The settings a server may have and still start from the template: they switch jobs on or
    /// off, size the connection pool, or say which changes need a second staff member (the four-eyes
    /// settings every test server has: a start makes no gated change), but change nothing a start
    /// writes. Any other setting (a public URL, a log origin) or a clock moved before the start gets
    /// a first start of its own.
    /// </summary>
    private static readonly string[] Neutral = ["csaf:scheduler", "webhooks:sender", "databasePool", "databaseWaitSeconds"];

    private static bool IsNeutral(string setting) => Neutral.Contains(setting) || setting.StartsWith("approvals:", StringComparison.Ordinal);

    /// <summary>The jobs, switched off while the template is made.</summary>
    private static readonly string[] Jobs = ["csaf:scheduler", "webhooks:sender"];

    public static bool Fits(ForewarnFactory server) =>
        server.Clock.GetUtcNow() == ForewarnFactory.Start && server.Settings.Keys.All(IsNeutral);

    /// <summary>Puts a copy of the template where <paramref name="server"/> keeps its store, before it starts.</summary>
    public static void CopyInto(ForewarnFactory server)
    {
        var template = GetAsync().GetAwaiter().GetResult();
        foreach (var file in Directory.EnumerateFiles(template.DataDirectory).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(server.DataDirectory, Path.GetFileName(file)), overwrite: true);
        if (template.PostgresDatabase is not null)
            Execute(template.PostgresAdmin!, $"CREATE DATABASE \"{server.PostgresDatabase}\" TEMPLATE \"{template.PostgresDatabase}\"");
    }

    private static async Task<StoreTemplate> GetAsync()
    {
        if (made is not null) return made;
        await Gate.WaitAsync();
        try
        {
            return made ??= await MakeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<StoreTemplate> MakeAsync()
    {
        var first = new ForewarnFactory(fromTemplate: false);
        // Jobs off: the template holds what the start-up writes (migrations, the demo, the log's
        // first checkpoint), not what a release pass or a sender would do on a server's own time.
        foreach (var setting in Jobs) first.Settings[setting] = "off";
        _ = first.Credentials; // starts the server: migrations and the demo
        await first.Services.GetRequiredService<ILogAppender>().FlushAsync(CancellationToken.None);
        var pooled = first.Services.GetRequiredService<StoreSettings>().PooledConnectionString;
        await first.StopKeepingStoreAsync();

        if (pooled is not null)
        {
            // CREATE DATABASE … TEMPLATE needs the template to have no sessions, pooled ones included
            // (the server's pool is that of the connection string it connects with, pool size and wait applied).
            NpgsqlConnection.ClearPool(new NpgsqlConnection(pooled));
            Execute(first.PostgresAdmin!, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{first.PostgresDatabase}' AND pid <> pg_backend_pid()");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute(first.PostgresAdmin!, $"DROP DATABASE IF EXISTS \"{first.PostgresDatabase}\" WITH (FORCE)");
        }
        else
        {
            // Everything into the main file, so that file alone is the whole store (the copies leave the empty -wal behind).
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(first.DataDirectory, "forewarn.db"),
                Pooling = false,
            }.ToString());
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ForewarnFactory.DeleteDirectory(first.DataDirectory);
        return new StoreTemplate(first.DataDirectory, first.PostgresDatabase, first.PostgresAdmin);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
