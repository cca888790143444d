using Forewarn.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forewarn.Storage;

/// <summary>The durable outboxes whose rows senders claim (ADR 6): each has the same claim columns.</summary>
public enum Outbox
{
    WebhookDeliveries,
    MailMessages,
}

/// <summary>
/// Claims outbox rows for one sender in one statement, so that senders in several processes
/// never take the same row at once (ADR 6). The candidates are chosen by the caller (it knows
/// each endpoint's free capacity); the UPDATE re-checks that each is still claimable, and on
/// PostgreSQL skips rows another sender holds locked at that instant. Webhook deliveries and
/// mail messages share it: the same columns ("Id", "State", "NextAttemptAt", "ClaimedBy",
/// "ClaimedUntil"), the same rule.
/// </summary>
public static class WebhookOutbox
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>Claims those of <paramref name="ids"/> still claimable at <paramref name="now"/>; returns the ids this sender got.</summary>
    public static Task<IReadOnlyList<string>> ClaimAsync(ForewarnDb db, IReadOnlyCollection<string> ids, string sender,
        DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        ClaimAsync(db, Outbox.WebhookDeliveries, ids, sender, now, lease, ct);

    /// <summary>Claims rows of <paramref name="outbox"/>, as <see cref="ClaimAsync(ForewarnDb, IReadOnlyCollection{string}, string, DateTimeOffset, TimeSpan, CancellationToken)"/>.</summary>
    public static async Task<IReadOnlyList<string>> ClaimAsync(ForewarnDb db, Outbox outbox, IReadOnlyCollection<string> ids, string sender,
        DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var pending = nameof(DeliveryState.Pending);
        // The table's name comes from this closed list, never from input.
        var table = outbox switch
        {
            Outbox.WebhookDeliveries => "webhook_deliveries",
            Outbox.MailMessages => "mail_messages",
            _ => throw new ArgumentOutOfRangeException(nameof(outbox)),
        };
#pragma warning disable EF1002 // Only the table's name (from the list above) and parameter names are interpolated; every value is a parameter.
        if (db.ProviderName == "postgresql")
        {
            return await db.Database.SqlQueryRaw<string>($"""
                UPDATE {table} SET "ClaimedBy" = @sender, "ClaimedUntil" = @until
                WHERE "Id" IN (
                    SELECT "Id" FROM {table}
                    WHERE "Id" = ANY(@ids) AND "State" = @pending AND "NextAttemptAt" <= @now
                      AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= @now)
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """,
                new Npgsql.NpgsqlParameter("sender", sender),
                new Npgsql.NpgsqlParameter("until", (now + lease).ToUniversalTime()),
                new Npgsql.NpgsqlParameter("ids", ids.ToArray()),
                new Npgsql.NpgsqlParameter("pending", pending),
                new Npgsql.NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(ct);
        }
        // SQLite has one writer at a time: the UPDATE's own check is already exclusive.
        var at = (long)SqliteTime.ConvertToProvider(now)!;
        var until = (long)SqliteTime.ConvertToProvider(now + lease)!;
        var claimed = new List<string>();
        foreach (var chunk in ids.Chunk(200))
        {
            var list = string.Join(",", chunk.Select((_, i) => $"@id{i}"));
            var parameters = new List<object>
            {
                new Microsoft.Data.Sqlite.SqliteParameter("@sender", sender),
                new Microsoft.Data.Sqlite.SqliteParameter("@until", until),
                new Microsoft.Data.Sqlite.SqliteParameter("@now", at),
                new Microsoft.Data.Sqlite.SqliteParameter("@pending", pending),
            };
            parameters.AddRange(chunk.Select((id, i) => new Microsoft.Data.Sqlite.SqliteParameter($"@id{i}", id)));
            claimed.AddRange(await db.Database.SqlQueryRaw<string>($"""
                UPDATE {table} SET "ClaimedBy" = @sender, "ClaimedUntil" = @until
                WHERE "Id" IN ({list}) AND "State" = @pending AND "NextAttemptAt" <= @now
                  AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= @now)
                RETURNING "Id" AS "Value"
                """, [.. parameters]).ToListAsync(ct));
        }
#pragma warning restore EF1002
        return claimed;
    }
}
