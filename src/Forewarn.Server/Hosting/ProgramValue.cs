using Forewarn.Storage;

namespace Forewarn.Server.Hosting;

/// <summary>
/// A programme-wide value made once and kept in <c>program_settings</c> (a key, a secret): read on
/// first use and then held, so every server uses the same one; two servers making it at the same
/// moment settle on whichever was written first (<see cref="ProgramSettings.GetOrAddAsync"/>).
/// </summary>
public sealed class ProgramValue<T>(IServiceScopeFactory scopes, string settingKey, Func<string> make, Func<string, T> read) where T : class
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private T? value;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (value is not null) return value;
        await gate.WaitAsync(ct);
        try
        {
            if (value is not null) return value;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            return value = read(await ProgramSettings.GetOrAddAsync(db, settingKey, make, ct));
        }
        finally
        {
            gate.Release();
        }
    }
}
