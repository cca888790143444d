using Forewarn.Server.Hosting;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Publishing;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The programme's log key: an Ed25519 note key whose name is the log's origin, made once and kept
/// encrypted in the store like the programme's other keys, so every server signs checkpoints with
/// it. The origin is <c>log:origin</c> when configured before the key is made, else the publisher's
/// namespace host followed by <c>/forewarn/log</c>; once made, the key's name is the origin, and a
/// rotation (<see cref="LogKeyRotation"/>) keeps it. Earlier keys stay published (<see cref="Retired"/>)
/// so that the checkpoints they signed still verify.
/// </summary>
public sealed class LogKey(IServiceScopeFactory scopes, ProgramSecrets secrets, IOptions<LogOptions> options, ProgramPublisher publisher,
    ILogger<LogKey> log)
{
    public const string SettingKey = "log.signer-key";

    private readonly ProgramValue<NoteKey> key = new(scopes, secrets, SettingKey,
        () => NoteKey.Generate(Origin(options.Value, publisher, log)).SignerKey, NoteKey.FromSignerKey);

    public RetiredKeys Retired { get; } = new(scopes, "log.retired-keys");

    public Task<NoteKey> GetAsync(CancellationToken ct) => key.GetAsync(ct);

    /// <summary>The verifier keys of the log, the signing one first, then those it signed with before (newest first).</summary>
    public async Task<IReadOnlyList<string>> VerifierKeysAsync(CancellationToken ct) =>
        [(await GetAsync(ct)).VerifierKey, .. (await Retired.ListAsync(ct)).Select(r => r.PublicKey)];

    /// <summary>The checkpoint of a tree of <paramref name="size"/> leaves with <paramref name="root"/>, signed.</summary>
    public static string Sign(NoteKey key, long size, byte[] root) => SignedNote.Sign(new Checkpoint(key.Name, size, root).ToText(), key);

    /// <summary>Makes the next use read the (rotated) key from the store.</summary>
    internal void Forget() => key.Forget();

    private static string Origin(LogOptions options, ProgramPublisher publisher, ILogger log)
    {
        if (options.Origin is { Length: > 0 } configured) return configured.Trim();
        if (publisher.Current is { } p && Uri.TryCreate(p.Namespace, UriKind.Absolute, out var uri)) return $"{uri.Host}/forewarn/log";
        log.LogWarning("The transparency log is named forewarn.local/forewarn/log for good: neither log:origin nor a CSAF publisher was configured when its key was made");
        return "forewarn.local/forewarn/log";
    }
}
