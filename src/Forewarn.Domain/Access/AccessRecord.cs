using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Access;

/// <summary>
/// A decision to serve or deny content, recorded before any content leaves the server: who
/// asked, with which key, for what, when, the verdict and the rules that decided it — and, when
/// something was served, which copy: its SHA-256 and how many fingerprint marks it carries.
/// </summary>
public sealed class AccessRecord
{
    private AccessRecord() { }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public Guid KeyId { get; private set; }
    public AdvisoryId? AdvisoryId { get; private set; }
    public ArtifactId ArtifactId { get; private set; }
    public string Channel { get; private set; } = "";
    public bool Allowed { get; private set; }
    public string Verdict { get; private set; } = "";
    /// <summary>Ids of the deciding rules, comma-separated.</summary>
    public string Rules { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>SHA-256 (lowercase hex) of the bytes served: the recipient's own marked copy, or the artifact as it is. Null when nothing was served.</summary>
    public string? CopySha256 { get; private set; }

    /// <summary>How many fingerprint marks the served copy carries (0: served as it is). Null when nothing was served.</summary>
    public int? Marks { get; private set; }

    /// <summary>The verdict of a request the policy allowed but whose copy could not be made, so nothing was served.</summary>
    public const string RefusedCopy = "refused-copy";

    public static AccessRecord Of(PartnerId partner, Guid keyId, ArtifactId artifact, AdvisoryId? advisory,
        string channel, Entitlement decision) => new()
    {
        Id = Guid.CreateVersion7(),
        At = decision.At,
        PartnerId = partner,
        KeyId = keyId,
        AdvisoryId = advisory,
        ArtifactId = artifact,
        Channel = channel,
        Allowed = decision.Allowed,
        Verdict = decision.Verdict,
        Rules = string.Join(",", decision.Deciding.Select(f => f.Rule)),
        Explanation = decision.Explanation,
    };

    /// <summary>An allowed request and the copy it was served: the copy's SHA-256 and its number of marks.</summary>
    public static AccessRecord Served(PartnerId partner, Guid keyId, ArtifactId artifact, AdvisoryId? advisory,
        string channel, Entitlement decision, string copySha256, int marks)
    {
        if (!decision.Allowed) throw new ArgumentException("Only an allowed decision serves a copy.", nameof(decision));
        ArgumentException.ThrowIfNullOrWhiteSpace(copySha256);
        ArgumentOutOfRangeException.ThrowIfNegative(marks);
        var record = Of(partner, keyId, artifact, advisory, channel, decision);
        record.CopySha256 = copySha256;
        record.Marks = marks;
        return record;
    }

    /// <summary>
    /// An allowed request whose copy could not be made (a PoC copy that failed its compile or parse
    /// check): recorded as refused, with the reason, and nothing served.
    /// </summary>
    public static AccessRecord CopyRefused(PartnerId partner, Guid keyId, ArtifactId artifact, AdvisoryId? advisory,
        string channel, Entitlement decision, string reasonCode, string reason)
    {
        var record = Of(partner, keyId, artifact, advisory, channel, decision);
        record.Allowed = false;
        record.Verdict = RefusedCopy;
        record.Rules = record.Rules.Length == 0 ? reasonCode : record.Rules + "," + reasonCode;
        record.Explanation = $"refused: the policy allows it ({decision.Explanation}), but no copy could be made: {reason}";
        return record;
    }

    /// <summary>A request for something that does not exist (or may not be known): recorded as denied.</summary>
    public static AccessRecord Unknown(PartnerId partner, Guid keyId, ArtifactId artifact, string channel, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        At = at,
        PartnerId = partner,
        KeyId = keyId,
        ArtifactId = artifact,
        Channel = channel,
        Allowed = false,
        Verdict = "denied",
        Rules = "unknown-artifact",
        Explanation = "denied: no artifact with this id is known to this partner",
    };
}
