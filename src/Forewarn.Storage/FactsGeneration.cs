using Forewarn.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage;

/// <summary>
/// A token that changes, in the same transaction, with every change to the facts
/// (<see cref="FactTypes"/>: what decisions and partners' views are made from). A server may keep
/// those facts — and anything computed from them alone — in memory for as long as the token it
/// reads is the one it loaded them under; across processes too, since the token lives in the
/// shared store.
/// </summary>
public static class FactsGeneration
{
    public const string Key = "facts.generation";
    public const string Initial = "0";

    /// <summary>Stamps a new token into the pending changes when any of them touches the facts; the token stamped, or null.</summary>
    internal static string? StampIfFactsChanged(ForewarnDb db)
    {
        var factsChanged = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && FactTypes.Contains(e.Metadata));
        return factsChanged ? Stamp(db, Key) : null;
    }

    /// <summary>A new token for <paramref name="key"/> in the pending changes, replacing one stamped earlier in them.</summary>
    internal static string Stamp(ForewarnDb db, string key)
    {
        var tracked = db.ChangeTracker.Entries<ProgramSetting>().FirstOrDefault(e => e.Entity.Key == key);
        if (tracked is not null) tracked.State = EntityState.Detached;
        var token = Guid.NewGuid().ToString("N");
        db.Settings.Update(new ProgramSetting(key, token));
        return token;
    }

    internal const string Sql = "SELECT \"Value\" FROM program_settings WHERE \"Key\" = 'facts.generation'";

    internal static string Checked(object? value) =>
        value as string ?? throw new InvalidOperationException("The store has no facts generation row; its migrations did not run.");

    /// <summary>The token as the store holds it now, read on the context's own connection.</summary>
    public static async Task<string> ReadAsync(ForewarnDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            return Checked(await command.ExecuteScalarAsync(ct));
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
