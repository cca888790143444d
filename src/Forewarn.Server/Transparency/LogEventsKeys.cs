using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>Entries about the programme's own keys and store: rotations and backups.</summary>
public static partial class LogEvents
{
    /// <summary>
    /// A programme key was rotated: which (<c>csaf</c> or <c>log</c>), the public key (or
    /// fingerprint) it replaces and the new one. The log key's rotation is two entries: the
    /// <c>announced</c> one goes under a checkpoint the old key signs, the <c>signing</c> one under the new key's first.
    /// </summary>
    public static LogEvent ProgramKeyRotated(string key, string? stage, string previous, string next, DateTimeOffset at, Actor user) =>
        LogEvent.Of(LogKinds.ProgramKeyRotated, at, null, null,
            [Field("key", key), Field("stage", stage), Field("previous", previous), Field("next", next), .. By(user)]);

    /// <summary>Staff took a backup of the store: its size and SHA-256, so a copy found later can be matched to it.</summary>
    public static LogEvent StoreBackedUp(long bytes, string sha256, DateTimeOffset at, Actor user) =>
        LogEvent.Of(LogKinds.StoreBackedUp, at, null, null, [Field("bytes", bytes), Field("sha256", sha256), .. By(user)]);
}
