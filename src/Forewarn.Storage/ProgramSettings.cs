using Forewarn.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage;

/// <summary>Programme-wide values made once and kept in <c>program_settings</c> (keys, secrets).</summary>
public static class ProgramSettings
{
    /// <summary>
    /// The stored value of <paramref name="key"/>, or — when there is none — a new one from
    /// <paramref name="make"/>, written once: two servers making one at the same moment settle on
    /// whichever was written first.
    /// </summary>
    public static async Task<string> GetOrAddAsync(ForewarnDb db, string key, Func<string> make, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        if (stored is not null) return stored.Value;
        var made = make();
        db.Settings.Add(new ProgramSetting(key, made));
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException e) when (StoreErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return (await db.Settings.AsNoTracking().FirstAsync(s => s.Key == key, ct)).Value;
        }
    }
}
