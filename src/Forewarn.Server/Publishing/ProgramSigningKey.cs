using Forewarn.Csaf.Signing;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Publishing;

/// <summary>
/// The programme's OpenPGP key that signs its public CSAF documents. Made once, on first use,
/// and kept in the store so that every server signs with the same key; two servers making one at
/// the same moment settle on whichever was written first.
/// </summary>
public sealed class ProgramSigningKey(IServiceScopeFactory scopes, CsafSettings settings, TimeProvider clock)
{
    public const string SettingKey = "csaf.openpgp.secret-key";
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenPgpKey? key;

    public async Task<OpenPgpKey> GetAsync(CancellationToken ct)
    {
        if (key is not null) return key;
        await gate.WaitAsync(ct);
        try
        {
            return key ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string> SignAsync(byte[] data, DateTimeOffset at, CancellationToken ct) =>
        (await GetAsync(ct)).SignDetached(data, at);

    private async Task<OpenPgpKey> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (stored is not null) return OpenPgpKey.FromArmoredSecretKey(stored.Value);
        var made = OpenPgpKey.Generate(settings.SigningIdentity, clock.GetUtcNow());
        db.Settings.Add(new ProgramSetting(SettingKey, made.ExportSecretKey()));
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException e) when (StoreErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var winner = await db.Settings.AsNoTracking().FirstAsync(s => s.Key == SettingKey, ct);
            return OpenPgpKey.FromArmoredSecretKey(winner.Value);
        }
    }
}
