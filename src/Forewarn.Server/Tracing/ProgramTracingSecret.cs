using System.Security.Cryptography;
using Forewarn.Server.Hosting;
using Forewarn.Server.ProgramKeys;

namespace Forewarn.Server.Tracing;

/// <summary>
/// The programme's fingerprinting secret: 32 random bytes from which every artifact's code and
/// every recipient's codeword are derived (nothing is stored per copy). Made once, on first use,
/// kept encrypted in the store so that every server marks alike. Whoever holds it can regenerate
/// any copy — it never leaves the server, and is never rotated (old copies must still trace).
/// </summary>
public sealed class ProgramTracingSecret(IServiceScopeFactory scopes, ProgramSecrets secrets)
{
    public const string SettingKey = "tracing.secret";

    private readonly ProgramValue<byte[]> secret = new(scopes, secrets, SettingKey,
        () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.FromBase64String);

    public Task<byte[]> GetAsync(CancellationToken ct) => secret.GetAsync(ct);
}
