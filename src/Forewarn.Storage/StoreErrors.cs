using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Forewarn.Storage;

/// <summary>Recognises the store's answers that are part of normal operation, on either provider.</summary>
public static class StoreErrors
{
    /// <summary>
    /// Whether the save failed because a unique index refused a row: another writer got there
    /// first (SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, PostgreSQL's 23505).
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Whether the store could not take the work now, though nothing is wrong with it: no pooled
    /// connection came free within the pool's wait, PostgreSQL refused a new session because it is
    /// at its connection limit (53300 too_many_connections, or the database's or role's own limit)
    /// or is starting up (57P03). Looked for through the whole chain, as EF wraps what Npgsql throws.
    /// </summary>
    public static bool IsBusy(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (IsPoolWaitOver(x)) return true;
            if (x is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow }) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the store did not answer in time: above all no pooled connection came free within the
    /// pool's <c>Timeout</c> (also a connect or a command that ran out of its time), which Npgsql
    /// reports as an <see cref="NpgsqlException"/> over a <see cref="TimeoutException"/>.
    /// </summary>
    public static bool IsPoolWaitOver(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is NpgsqlException and not PostgresException && x.InnerException is TimeoutException) return true;
        return false;
    }
}
