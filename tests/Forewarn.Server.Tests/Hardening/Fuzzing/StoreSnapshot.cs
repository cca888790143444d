using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Hardening.Fuzzing;

/// <summary>
/// A digest of every domain table, row by row, read with plain SQL so that no mapping can hide a
/// change. Left out: the transparency log's own tables (a refusal is logged, as it should be — and
/// with it the request's source, stored beside its entry), the
/// outgoing webhook queue and the Data Protection key ring (both written by background work on
/// their own schedule). Failed sign-ins are counted in memory, not in a table.
/// </summary>
public static class StoreSnapshot
{
    private static readonly string[] NotDomain =
        ["LogEntry", "LogNode", "LogCheckpoint", "PendingLogEntry", "RequestSource", "DataProtectionKey", "WebhookDelivery"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(ForewarnDb db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && !NotDomain.Any(n => t.ClrType.Name.StartsWith(n, StringComparison.Ordinal)))
            .Select(t => t.GetTableName()!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try
        {
            var digests = new Dictionary<string, string>();
            foreach (var table in tables) digests[table] = await DigestAsync(connection, table);
            return digests;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>The tables whose digests differ, or empty when none do.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];

    private static async Task<string> DigestAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row.Append(value switch
                {
                    byte[] bytes => Convert.ToHexString(SHA256.HashData(bytes)),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                }).Append('\u001f');
            }
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
    }
}
