using System.Runtime.InteropServices;
using Forewarn.Storage;
using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Benchmarks.Http;

/// <summary>
/// What every end-to-end driver shares: the repository it runs from, a cancellation that Ctrl+C
/// and SIGTERM trigger (so the server it started is still stopped), one run per chosen store
/// (PostgreSQL on a scratch database), and the exit codes for a cancelled or failed run.
/// </summary>
public sealed class DriverRun : IDisposable
{
    private readonly CancellationTokenSource cts = new();
    private readonly PosixSignalRegistration terminate;

    public DriverRun()
    {
        Console.CancelKeyPress += OnCancelKey;
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cts.Cancel();
        });
    }

    public CancellationToken Token => cts.Token;

    /// <summary>Runs once per chosen store, SQLite first: (store name, PostgreSQL connection string or null).</summary>
    public async Task<List<T>> PerStoreAsync<T>(StoreChoice store, Func<string, string?, Task<T>> run)
    {
        var runs = new List<T>();
        if (store is StoreChoice.Sqlite or StoreChoice.Both) runs.Add(await run("SQLite", null));
        if (store is StoreChoice.Postgres or StoreChoice.Both)
        {
            var pg = Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable)
                     ?? throw new InvalidOperationException($"Set {LoadOptions.PostgresVariable} to a PostgreSQL connection string.");
            await using var database = await ScratchDatabase.CreateAsync(pg, Token);
            Console.WriteLine($"Scratch PostgreSQL database {database.Name} created.");
            runs.Add(await run("PostgreSQL", database.ConnectionString));
        }
        return runs;
    }

    /// <summary>Runs the driver's body: 130 when cancelled, 1 with the message when the run failed.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The repository (the folder holding Forewarn.slnx) above the working or the program's directory.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository (Forewarn.slnx) above the current directory.");
    }

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        cts.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKey;
        terminate.Dispose();
        cts.Dispose();
    }

    /// <summary>A store of the server under test opened directly (seeding at scale): PostgreSQL when given, else the data directory's SQLite file.</summary>
    public static ForewarnDb OpenStore(string dataDirectory, string? postgres)
    {
        if (postgres is not null)
        {
            var pg = new DbContextOptionsBuilder<PostgresDb>();
            StoreRegistration.ConfigurePostgres(pg, postgres);
            return new PostgresDb(pg.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteDb>();
        StoreRegistration.ConfigureSqlite(sqlite, new StoreSettings(dataDirectory, null).SqlitePath);
        return new SqliteDb(sqlite.Options);
    }
}
