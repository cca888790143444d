extern alias server;

using System.Diagnostics;
using Forewarn.Benchmarks.Http;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// A log of N entries in a store, built once and kept for reruns: SQLite in
/// /tmp/forewarn-logbench/proofs-N/forewarn.db, PostgreSQL in the database forewarn_logbench_proofs_N
/// (delete either to build again). It is built by <see cref="LogStore.AppendAsync"/> itself, in
/// large batches of realistic content.served entries (one batch's worth, made once and appended again), so its rows are exactly the log's: entries,
/// every complete node and a signed checkpoint per batch.
/// </summary>
internal static class ProofStore
{
    public static string SqliteDirectory(long entries) => Path.Combine(Path.GetTempPath(), "forewarn-logbench", $"proofs-{entries}");

    public static string PostgresDatabase(long entries) => $"forewarn_logbench_proofs_{entries}";

    /// <summary>The PostgreSQL connection string of the kept database (made empty when it does not exist yet).</summary>
    public static async Task<string> PostgresAsync(string baseConnectionString, long entries, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false };
        var name = PostgresDatabase(entries);
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", connection);
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        return new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Makes sure the store holds a log of at least <paramref name="entries"/> entries, appending what is missing; returns its size.</summary>
    public static async Task<long> EnsureAsync(string dataDirectory, string? postgres, long entries, int batch, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        await using var db = DriverRun.OpenStore(dataDirectory, postgres);
        await db.Database.MigrateAsync(ct);
        if (postgres is null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var size = await LogStore.SizeAsync(db, ct);
        if (size >= entries)
        {
            Console.WriteLine($"Reusing the kept log of {size:N0} entries.");
            return size;
        }
        Console.WriteLine($"Building a log of {entries:N0} entries ({size:N0} there), {batch:N0} per transaction…");
        var key = NoteKey.Generate("bench.forewarn.example/forewarn/log");
        // Making an entry (canonical JSON) costs more than storing it: a batch's worth is made once
        // and appended again and again — the rows are still exactly the log's, some bodies repeat.
        var events = new ContentEvents(5);
        var start = DateTimeOffset.UtcNow;
        LogEvent[] pool = [.. Enumerable.Range(0, batch).Select(i => events.Next(start.AddTicks(i * 10)))];
        MerkleFrontier? edge = null;
        var clock = Stopwatch.StartNew();
        var reported = size;
        while (size < entries)
        {
            var n = (int)Math.Min(batch, entries - size);
            var at = start.AddMilliseconds(size);
            var done = await LogStore.AppendAsync(db, n == pool.Length ? pool : pool[..n], edge, (s, root) => LogKey.Sign(key, s, root), at, ct)
                       ?? throw new InvalidOperationException("A batch of entries appended nothing.");
            edge = done.Edge;
            size = done.Checkpoint.Size;
            db.ChangeTracker.Clear();
            if (size - reported >= 1_000_000 || size == entries)
            {
                reported = size;
                Console.WriteLine($"  {size:N0} entries, {size / clock.Elapsed.TotalSeconds:N0} appends/s so far");
            }
        }
        return size;
    }
}
