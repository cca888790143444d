using Forewarn.Csaf.Signing;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Transparency;
using Forewarn.Storage;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Rotates the programme's CSAF OpenPGP key: a new key signs from now on and is listed first in
/// provider-metadata.json; the old public key stays listed and served under <c>openpgp/</c>, so the
/// signatures already published (kept with each document) still verify. Logged, with both fingerprints.
/// </summary>
public sealed class SigningKeyRotation(IServiceScopeFactory scopes, ProgramSigningKey key, ProgramSecrets secrets, CsafSettings settings,
    TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<KeyRotated> RotateAsync(Actor user, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var old = await key.GetAsync(ct);
            var at = clock.GetUtcNow();
            var next = OpenPgpKey.Generate(settings.SigningIdentity, at);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
                db.Settings.Update(new ProgramSetting(ProgramSigningKey.SettingKey, secrets.Protect(ProgramSigningKey.SettingKey, next.ExportSecretKey())));
                await key.Retired.AddAsync(db, new RetiredKey(old.Fingerprint, old.ExportPublicKey(), at), ct);
                db.Stage(LogEvents.ProgramKeyRotated("csaf", null, old.Fingerprint, next.Fingerprint, at, user));
                await db.SaveChangesAsync(ct);
            }
            key.Forget();
            return new KeyRotated("csaf", old.Fingerprint, next.Fingerprint, at);
        }
        finally
        {
            gate.Release();
        }
    }
}
