using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Forewarn.Storage;

/// <summary>
/// Inserts many rows of one simple entity type (scalar properties only) in multi-row INSERT
/// statements, through the model's own column names, value converters and type mappings — so
/// the rows are exactly what EF would have written, at a fraction of the cost per row. Used where
/// one event writes a row per partner (a wave's notices and webhook deliveries). It runs on the
/// context's connection and joins its current transaction; it does not touch the change tracker,
/// so it is only for types that do not change the facts generation.
/// </summary>
public static class BulkInsert
{
    // Both providers allow far more; this keeps statements a reasonable size.
    private const int MaxParameters = 10_000;

    public static async Task AddAsync<T>(ForewarnDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        db.NoteAddedInBulk(typeof(T));
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        if (entity.GetNavigations().Any() || entity.GetComplexProperties().Any())
            throw new InvalidOperationException($"{typeof(T).Name} has navigations or complex properties; BulkInsert takes scalar properties only.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var head = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            // SQLite: one prepared single-row statement, bound and stepped per row — its fastest
            // path (it also looks parameters up by name one by one, so long VALUES lists cost
            // more per row, not less). PostgreSQL: many rows per statement, one round trip each.
            var perStatement = db.ProviderName == "sqlite" ? 1 : Math.Max(1, MaxParameters / columns.Count);
            DbCommand? reused = null;
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    var reuse = reused is not null && chunk.Length == perStatement;
                    var command = reuse ? reused! : connection.CreateCommand();
                    if (!reuse)
                    {
                        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                        command.CommandText = head + string.Join(", ", Enumerable.Range(0, chunk.Length)
                            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, columns.Count).Select(c => $"@p{r}_{c}")) + ")"));
                    }
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var column = columns[c];
                            var parameter = column.Mapping.CreateParameter(command, $"@p{r}_{c}", column.Getter.GetClrValue(chunk[r]), column.Property.IsNullable);
                            if (reuse) command.Parameters[r * columns.Count + c].Value = parameter.Value;
                            else command.Parameters.Add(parameter);
                        }
                    }
                    await command.ExecuteNonQueryAsync(ct);
                    if (reused is null && chunk.Length == perStatement) reused = command;
                    else if (!reuse) await command.DisposeAsync();
                }
            }
            finally
            {
                if (reused is not null) await reused.DisposeAsync();
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
