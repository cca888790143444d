using Forewarn.Csaf.Signing;
using Forewarn.Server.Hosting;

namespace Forewarn.Server.Publishing;

/// <summary>
/// The programme's OpenPGP key that signs its public CSAF documents. Made once, on first use,
/// and kept in the store so that every server signs with the same key.
/// </summary>
public sealed class ProgramSigningKey(IServiceScopeFactory scopes, CsafSettings settings, TimeProvider clock)
{
    public const string SettingKey = "csaf.openpgp.secret-key";

    private readonly ProgramValue<OpenPgpKey> key = new(scopes, SettingKey,
        () => OpenPgpKey.Generate(settings.SigningIdentity, clock.GetUtcNow()).ExportSecretKey(), armored => OpenPgpKey.FromArmoredSecretKey(armored));

    public Task<OpenPgpKey> GetAsync(CancellationToken ct) => key.GetAsync(ct);

    public async Task<string> SignAsync(byte[] data, DateTimeOffset at, CancellationToken ct) =>
        (await GetAsync(ct)).SignDetached(data, at);
}
