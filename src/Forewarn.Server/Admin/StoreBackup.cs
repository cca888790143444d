using System.Security.Cryptography;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Admin;

/// <summary>A consistent copy of the store in a file that deletes itself once read.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// A backup of an SQLite store taken while the server runs: <c>VACUUM INTO</c> writes a consistent
/// snapshot (one read transaction; writers carry on) with everything of the programme — its data,
/// the log, the key ring and the secrets, encrypted as they rest. The master key is not in it:
/// it travels apart (docs/operations.md). PostgreSQL stores are backed up with <c>pg_dump</c>.
/// Each backup is logged with its size and SHA-256.
/// </summary>
public sealed class StoreBackup(ForewarnDb db, StoreSettings store, ILogAppender log, TimeProvider clock)
{
    public bool Supported => !store.UsesPostgres;

    public async Task<BackupFile> TakeAsync(Actor user, CancellationToken ct)
    {
        if (!Supported) throw new InvalidOperationException("PostgreSQL stores are backed up with pg_dump.");
        // In the data directory: the same disk as the store, and never another user's temp folder.
        var path = Path.Combine(store.DataDirectory, $"backup-{Guid.NewGuid():N}.partial");
        try
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [path], ct);
            string sha256;
            await using (var read = File.OpenRead(path)) sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            var bytes = new FileInfo(path).Length;
            await log.AppendAsync(LogEvents.StoreBackedUp(bytes, sha256, clock.GetUtcNow(), user), ct);
            return new BackupFile(path, bytes, sha256);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
