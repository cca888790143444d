using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.ProgramKeys;
using Forewarn.Storage;
using Forewarn.Transparency.Notes;

namespace Forewarn.Server.Transparency;

/// <summary>The outcome of a key rotation: which key, the public key (or fingerprint) it replaced and the new one.</summary>
public sealed record KeyRotated(string Key, string Previous, string Next, DateTimeOffset At);

/// <summary>
/// Rotates the log key without breaking what it signed: a new Ed25519 key of the same origin. The
/// rotation is announced in the log first, so the checkpoint the old key signs vouches for the new
/// key; then the new key signs, and the old one stays published at <c>/log/v1/keys</c> so every
/// earlier checkpoint and receipt still verifies. Other servers of the programme take the new key
/// when they next start (until then they sign with the old one, which still verifies).
/// </summary>
public sealed class LogKeyRotation(IServiceScopeFactory scopes, LogKey key, ProgramSecrets secrets, ILogAppender log, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<KeyRotated> RotateAsync(Actor user, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var old = await key.GetAsync(ct);
            var next = NoteKey.Generate(old.Name);
            await log.AppendAsync(LogEvents.ProgramKeyRotated("log", "announced", old.VerifierKey, next.VerifierKey, clock.GetUtcNow(), user), ct);
            var at = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
                db.Settings.Update(new ProgramSetting(LogKey.SettingKey, secrets.Protect(LogKey.SettingKey, next.SignerKey)));
                await key.Retired.AddAsync(db, new RetiredKey(Convert.ToHexStringLower(old.KeyId), old.VerifierKey, at), ct);
                await db.SaveChangesAsync(ct);
            }
            key.Forget();
            await log.AppendAsync(LogEvents.ProgramKeyRotated("log", "signing", old.VerifierKey, next.VerifierKey, clock.GetUtcNow(), user), ct);
            return new KeyRotated("log", old.VerifierKey, next.VerifierKey, at);
        }
        finally
        {
            gate.Release();
        }
    }
}
