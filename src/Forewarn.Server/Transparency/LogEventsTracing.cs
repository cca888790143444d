using System.Security.Cryptography;
using System.Text;
using Forewarn.Server.Auth;
using Forewarn.Server.Tracing;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of leak traces, an input to a case decision. A trace names no partner on its entry —
/// not even the accused — so it never shows in a partner's own entries and cannot tip off a suspect.
/// </summary>
public static partial class LogEvents
{
    /// <summary>A trace ran: the artifact, the leak's SHA-256 (not its text), marks read, the verdict and whom it accused.</summary>
    public static LogEvent TraceRun(TraceDto result, string leaked, DateTimeOffset at, Actor user) =>
        LogEvent.Of(LogKinds.TraceRun, at, null, result.ArtifactId,
        [
            Field("artifact", result.ArtifactId.ToString()),
            Field("reference", result.AdvisoryReference),
            Field("artifact_found", result.Candidates is not null),
            Field("leak_sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(leaked)))),
            Field("method", result.Method),
            Field("scope", result.Scope),
            Field("artifacts", Strings(result.Artifacts.Select(a => $"{a.ArtifactId}:{a.MarksRead}/{a.Sites}"))),
            Field("sites", result.Sites),
            Field("marks_read", result.MarksRead),
            Field("marks_set_aside", result.MarksSetAside),
            Field("population", result.Population),
            Field("epsilon", result.Epsilon),
            Field("threshold", result.Threshold),
            Field("unreached_marks_read", result.Unreached?.MarksRead),
            Field("unreached_threshold", result.Unreached?.Threshold),
            Field("accused", Strings(result.Accused.Select(a => a.PartnerId.ToString()))),
            Field("verdict", result.Verdict),
            .. By(user),
        ]);
}
