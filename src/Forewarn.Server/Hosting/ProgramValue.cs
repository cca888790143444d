using Forewarn.Server.ProgramKeys;
using Forewarn.Storage;

namespace Forewarn.Server.Hosting;

/// <summary>
/// A programme-wide secret made once and kept, encrypted (<see cref="ProgramSecrets"/>), in
/// <c>program_settings</c> (a key, a secret): read on first use and then held, so every server
/// uses the same one; two servers making it at the same moment settle on whichever was written
/// first (<see cref="ProgramSettings.GetOrAddAsync"/>). <see cref="Forget"/> lets a rotated key be read again.
/// </summary>
public sealed class ProgramValue<T>(IServiceScopeFactory scopes, ProgramSecrets secrets, string settingKey, Func<string> make, Func<string, T> read)
    where T : class
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private T? value;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (value is { } held) return held;
        await gate.WaitAsync(ct);
        try
        {
            if (value is not null) return value;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var stored = await ProgramSettings.GetOrAddAsync(db, settingKey, () => secrets.Protect(settingKey, make()), ct);
            return value = read(secrets.Unprotect(settingKey, stored));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the held value: the next use reads the store again (after a rotation).</summary>
    public void Forget() => value = null;
}
