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
/// SQLite: one connection kept open with the statement prepared. In WAL mode each execution is a
/// fresh read transaction, which sees every commit finished before it — from any process.
/// </summary>
internal sealed class SqliteGenerationProbe(string connectionString) : IGenerationProbe, IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private SqliteCommand? _both;

    public ValueTask<string> ReadAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            Open();
            return ValueTask.FromResult(FactsGeneration.Checked(_command!.ExecuteScalar()));
        }
    }

    public ValueTask<(string Facts, string Accounts)> ReadBothAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            Open();
            using var reader = _both!.ExecuteReader();
            return ValueTask.FromResult(AccountsGeneration.Both(reader));
        }
    }

    private void Open()
    {
        if (_command is not null) return;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _command = Prepared(FactsGeneration.Sql);
        _both = Prepared(AccountsGeneration.BothSql);
    }

    private SqliteCommand Prepared(string sql)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _command?.Dispose();
            _both?.Dispose();
            _connection?.Dispose();
            _command = null;
            _both = null;
            _connection = null;
        }
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
