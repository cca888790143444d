using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The programme's log key: an Ed25519 note key whose name is the log's origin, made once and kept
/// in the store like the programme's other keys, so every server signs checkpoints with it. The
/// origin is <c>log:origin</c> when configured before the key is made, else the publisher's
/// namespace host followed by <c>/forewarn/log</c>; once made, the key's name is the origin.
/// </summary>
public sealed class LogKey(IServiceScopeFactory scopes, CsafSettings csaf, IConfiguration config)
{
    public const string SettingKey = "log.signer-key";
    private readonly SemaphoreSlim gate = new(1, 1);
    private NoteKey? key;

    public async Task<NoteKey> GetAsync(CancellationToken ct)
    {
        if (key is not null) return key;
        await gate.WaitAsync(ct);
        try
        {
            if (key is not null) return key;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            return key = NoteKey.FromSignerKey(await ProgramSettings.GetOrAddAsync(db, SettingKey, () => NoteKey.Generate(Origin()).SignerKey, ct));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The checkpoint of a tree of <paramref name="size"/> leaves with <paramref name="root"/>, signed.</summary>
    public static string Sign(NoteKey key, long size, byte[] root) => SignedNote.Sign(new Checkpoint(key.Name, size, root).ToText(), key);

    private string Origin()
    {
        if (config["log:origin"] is { Length: > 0 } configured) return configured.Trim();
        var host = Uri.TryCreate(csaf.PublisherNamespace, UriKind.Absolute, out var uri) ? uri.Host : "forewarn.local";
        return $"{host}/forewarn/log";
    }
}
