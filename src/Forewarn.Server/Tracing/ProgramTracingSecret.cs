using System.Security.Cryptography;
using Forewarn.Storage;

namespace Forewarn.Server.Tracing;

/// <summary>
/// The programme's fingerprinting secret: 32 random bytes from which every artifact's code and
/// every recipient's codeword are derived (nothing is stored per copy). Made once, on first use,
/// kept in the store so that every server marks alike; two servers making one at the same moment
/// settle on whichever was written first. Whoever holds it can regenerate any copy — it never
/// leaves the server.
/// </summary>
public sealed class ProgramTracingSecret(IServiceScopeFactory scopes)
{
    public const string SettingKey = "tracing.secret";
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? secret;

    public async Task<byte[]> GetAsync(CancellationToken ct)
    {
        if (secret is not null) return secret;
        await gate.WaitAsync(ct);
        try
        {
            return secret ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        return Convert.FromBase64String(await ProgramSettings.GetOrAddAsync(db, SettingKey,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ct));
    }
}
