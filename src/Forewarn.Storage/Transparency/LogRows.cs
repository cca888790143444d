using System.Data.Common;
using Forewarn.Transparency.Tree;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Forewarn.Storage.Transparency;

/// <summary>
/// Writes a batch's entries and nodes on the context's connection, inside its transaction, by each
/// provider's fastest path. PostgreSQL: binary COPY into the same columns with the types the
/// model maps them to (bigint, varchar, uuid, bytea, integer). SQLite: one prepared single-row
/// INSERT per table, its parameters made once from the model's own type mappings and only their
/// values set per row. Either way the rows are the ones EF would have written.
/// </summary>
internal static class LogRows
{
    public static async Task AddAsync(ForewarnDb db, IReadOnlyList<LogEntry> entries, IReadOnlyList<MerkleNode> nodes, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, entries, nodes, ct);
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await InsertAsync(db, connection, transaction, entries,
            [nameof(LogEntry.Index), nameof(LogEntry.Kind), nameof(LogEntry.PartnerId), nameof(LogEntry.ArtifactId), nameof(LogEntry.Body)],
            (e, values) =>
            {
                values[0] = e.Index;
                values[1] = e.Kind;
                values[2] = e.PartnerId;
                values[3] = e.ArtifactId;
                values[4] = e.Body;
            }, ct);
        await InsertAsync(db, connection, transaction, nodes,
            [nameof(LogNode.Level), nameof(LogNode.Index), nameof(LogNode.Hash)],
            (n, values) =>
            {
                values[0] = n.Level;
                values[1] = n.Index;
                values[2] = n.Hash;
            }, ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<LogEntry> entries, IReadOnlyList<MerkleNode> nodes, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"log_entries\" (\"Index\", \"Kind\", \"PartnerId\", \"ArtifactId\", \"Body\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in entries)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Index, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.Kind, NpgsqlDbType.Varchar, ct);
                if (e.PartnerId is { } partner) await copy.WriteAsync(partner, NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
                if (e.ArtifactId is { } artifact) await copy.WriteAsync(artifact, NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(e.Body, NpgsqlDbType.Bytea, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"log_nodes\" (\"Level\", \"Index\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var n in nodes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(n.Level, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(n.Index, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(n.Hash, NpgsqlDbType.Bytea, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    /// <summary>Rows of <typeparamref name="T"/> into its table through one prepared statement whose parameters are made once.</summary>
    private static async Task InsertAsync<T>(ForewarnDb db, DbConnection connection, DbTransaction? transaction, IReadOnlyList<T> rows,
        string[] properties, Action<T, object?[]> read, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var entity = rows[0] is MerkleNode ? db.Model.FindEntityType(typeof(LogNode))! : db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = properties.Select(name => entity.FindProperty(name)!).ToArray();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var parameters = columns.Select((c, i) => mappings[i].CreateParameter(command, $"@p{i}", null, c.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        var values = new object?[columns.Length];
        foreach (var row in rows)
        {
            read(row, values);
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i] is { } v && mappings[i].Converter is { } converter ? converter.ConvertToProvider(v) : values[i];
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
