using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Forewarn.Storage;

/// <summary>
/// Reads the facts generation token (<see cref="FactsGeneration"/>) on the hot path of every
/// partner request, as cheaply as the provider allows, always from the store itself — so a change
/// committed by any process is seen by the very next read.
/// </summary>
public interface IGenerationProbe
{
    ValueTask<string> ReadAsync(CancellationToken ct);

    /// <summary>
    /// The facts token and the accounts token (<see cref="AccountsGeneration"/>) in one read: what a
    /// request checks its cached facts and its portal session against, for the price of one.
    /// </summary>
    ValueTask<(string Facts, string Accounts)> ReadBothAsync(CancellationToken ct);
}

/// <summary>
/// SQLite: connections kept open with the statements prepared, one per concurrent reader (taken
/// from a bag and given back, so concurrent requests do not queue behind one lock). In WAL mode
/// each execution is a fresh read transaction, which sees every commit finished before it — from
/// any process.
/// </summary>
internal sealed class SqliteGenerationProbe(string connectionString) : IGenerationProbe, IDisposable
{
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        public readonly SqliteCommand Facts;
        public readonly SqliteCommand Both;

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Facts = Prepared(FactsGeneration.Sql);
            Both = Prepared(AccountsGeneration.BothSql);
        }

        private SqliteCommand Prepared(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            return command;
        }

        public void Dispose()
        {
            Facts.Dispose();
            Both.Dispose();
            _connection.Dispose();
        }
    }

    // More kept than this (a burst of readers) are closed when given back.
    private static readonly int Kept = Math.Max(4, Environment.ProcessorCount * 2);
    private readonly ConcurrentBag<Reader> _idle = [];
    private int _disposed;

    public ValueTask<string> ReadAsync(CancellationToken ct) => ValueTask.FromResult(Use(r => FactsGeneration.Checked(r.Facts.ExecuteScalar())));

    public ValueTask<(string Facts, string Accounts)> ReadBothAsync(CancellationToken ct) =>
        ValueTask.FromResult(Use(r =>
        {
            using var reader = r.Both.ExecuteReader();
            return AccountsGeneration.Both(reader);
        }));

    private T Use<T>(Func<Reader, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (!_idle.TryTake(out var reader)) reader = new Reader(connectionString);
        try
        {
            return read(reader);
        }
        finally
        {
            if (_idle.Count < Kept && Volatile.Read(ref _disposed) == 0) _idle.Add(reader);
            else reader.Dispose();
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        while (_idle.TryTake(out var reader)) reader.Dispose();
    }
}

/// <summary>
/// PostgreSQL: a connection from the server's one pool (the same connection string as its
/// contexts, so the same Npgsql pool and the same cap) for one round trip.
/// </summary>
internal sealed class PostgresGenerationProbe(string connectionString) : IGenerationProbe
{
    public async ValueTask<string> ReadAsync(CancellationToken ct) => FactsGeneration.Checked(await ScalarAsync(FactsGeneration.Sql, ct));

    public async ValueTask<(string Facts, string Accounts)> ReadBothAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(AccountsGeneration.BothSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return AccountsGeneration.Both(reader);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
