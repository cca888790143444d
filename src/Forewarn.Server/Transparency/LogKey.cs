using Forewarn.Server.Hosting;
using Forewarn.Server.Publishing;
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

    private readonly ProgramValue<NoteKey> key = new(scopes, SettingKey, () => NoteKey.Generate(Origin(csaf, config)).SignerKey, NoteKey.FromSignerKey);

    public Task<NoteKey> GetAsync(CancellationToken ct) => key.GetAsync(ct);

    /// <summary>The checkpoint of a tree of <paramref name="size"/> leaves with <paramref name="root"/>, signed.</summary>
    public static string Sign(NoteKey key, long size, byte[] root) => SignedNote.Sign(new Checkpoint(key.Name, size, root).ToText(), key);

    private static string Origin(CsafSettings csaf, IConfiguration config)
    {
        if (config["log:origin"] is { Length: > 0 } configured) return configured.Trim();
        var host = Uri.TryCreate(csaf.PublisherNamespace, UriKind.Absolute, out var uri) ? uri.Host : "forewarn.local";
        return $"{host}/forewarn/log";
    }
}
