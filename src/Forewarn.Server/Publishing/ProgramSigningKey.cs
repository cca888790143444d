using Forewarn.Csaf.Signing;
using Forewarn.Storage;

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
        return OpenPgpKey.FromArmoredSecretKey(await ProgramSettings.GetOrAddAsync(db, SettingKey,
            () => OpenPgpKey.Generate(settings.SigningIdentity, clock.GetUtcNow()).ExportSecretKey(), ct));
    }
}
