using Forewarn.Csaf.Signing;
using Forewarn.Server.Hosting;
using Forewarn.Server.ProgramKeys;

namespace Forewarn.Server.Publishing;

/// <summary>
/// The programme's OpenPGP key that signs its public CSAF documents. Made once, on first use (in
/// the programme publisher's name), kept encrypted in the store so that every server signs with
/// the same key; rotated by <see cref="SigningKeyRotation"/>, after which the earlier public keys
/// stay published (<see cref="RetiredKeys"/>) so older signatures still verify.
/// </summary>
public sealed class ProgramSigningKey(IServiceScopeFactory scopes, ProgramSecrets secrets, CsafSettings settings, TimeProvider clock)
{
    public const string SettingKey = "csaf.openpgp.secret-key";

    private readonly ProgramValue<OpenPgpKey> key = new(scopes, secrets, SettingKey,
        () => OpenPgpKey.Generate(settings.SigningIdentity, clock.GetUtcNow()).ExportSecretKey(), armored => OpenPgpKey.FromArmoredSecretKey(armored));

    /// <summary>The public keys the programme signed with before, newest first.</summary>
    public RetiredKeys Retired { get; } = new(scopes, "csaf.openpgp.retired-keys");

    public Task<OpenPgpKey> GetAsync(CancellationToken ct) => key.GetAsync(ct);

    public async Task<string> SignAsync(byte[] data, DateTimeOffset at, CancellationToken ct) =>
        (await GetAsync(ct)).SignDetached(data, at);

    /// <summary>Makes the next use read the (rotated) key from the store.</summary>
    internal void Forget() => key.Forget();
}
