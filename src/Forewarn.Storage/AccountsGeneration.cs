using Forewarn.Storage.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage;

/// <summary>
/// A token that changes, in the same transaction, with every change to a portal user (password,
/// second factor, security stamp, disabled, deleted). A server may keep what it checks on each
/// portal request — a user's security stamp, partner and whether they are disabled — in memory
/// for as long as the token it reads is the one it loaded them under, across processes too.
/// Kept apart from <see cref="FactsGeneration"/>: a failed sign-in changes a user, and must not
/// make every server reload the programme's facts or start a new facts version.
/// </summary>
public static class AccountsGeneration
{
    public const string Key = "accounts.generation";
    public const string Initial = "0";

    /// <summary>Stamps a new token into the pending changes when any of them touches a portal user; the token stamped, or null.</summary>
    internal static string? StampIfAccountsChanged(ForewarnDb db)
    {
        var changed = db.ChangeTracker.Entries<PortalUser>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        return changed ? FactsGeneration.Stamp(db, Key) : null;
    }

    internal const string BothSql = "SELECT \"Key\", \"Value\" FROM program_settings WHERE \"Key\" IN ('facts.generation', 'accounts.generation')";

    /// <summary>Both tokens from the rows <see cref="BothSql"/> returns.</summary>
    internal static (string Facts, string Accounts) Both(System.Data.Common.DbDataReader reader)
    {
        string? facts = null, accounts = null;
        while (reader.Read())
        {
            if (reader.GetString(0) == FactsGeneration.Key) facts = reader.GetString(1);
            else accounts = reader.GetString(1);
        }
        return (FactsGeneration.Checked(facts),
            accounts ?? throw new InvalidOperationException("The store has no accounts generation row; its migrations did not run."));
    }
}
