using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Keys;

/// <summary>
/// Investigations once needed only <c>staff:read</c>; they now need <c>staff:investigate</c>. On
/// the first start of a version that knows the new scope, every unrevoked staff key that could
/// read gains it — so no one loses what they could do — each with a log entry, once per store.
/// Keys issued afterwards hold it only when asked for (or by default, with all staff scopes).
/// </summary>
public static class InvestigationScopeUpgrade
{
    public const string DoneSetting = "keys.investigate-granted";

    private const string Reason = "staff:read allowed investigations before staff:investigate existed";

    public static async Task<int> RunAsync(ForewarnDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Settings.AsNoTracking().AnyAsync(s => s.Key == DoneSetting, ct)) return 0;
        var keys = await db.ApiKeys.Where(k => k.Owner == KeyOwner.Staff && k.RevokedAt == null).ToListAsync(ct);
        var granted = 0;
        foreach (var key in keys.Where(k => k.Scopes.Contains(KeyScopes.StaffRead)))
        {
            if (!key.Grant(KeyScopes.StaffInvestigate)) continue;
            db.Stage(LogEvents.KeyScopeGranted(key, KeyScopes.StaffInvestigate, Reason, now));
            granted++;
        }
        db.Settings.Add(new ProgramSetting(DoneSetting, now.ToString("O")));
        try
        {
            await db.SaveChangesAsync(ct);
            return granted;
        }
        catch (DbUpdateException e) when (StoreErrors.IsUniqueViolation(e))
        {
            // Another server starting at the same moment did it.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
