using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Access;

/// <summary>
/// A decision to serve or deny content, logged before any content leaves the server: who asked,
/// with which key, for what, when, the verdict and the rules that decided it — and, when
/// something was served, which copy: its SHA-256 and how many fingerprint marks it carries. It
/// lives only as a transparency-log entry; the server writes and reads that entry (its
/// <c>Transparency/LogEventsContent.cs</c>), the domain only says what a decision holds.
/// </summary>
public sealed record AccessRecord
{
    public DateTimeOffset At { get; private init; }
    public PartnerId PartnerId { get; private init; }
    public Guid KeyId { get; private init; }
    public AdvisoryId? AdvisoryId { get; private init; }
    public ArtifactId ArtifactId { get; private init; }
    public string Channel { get; private init; } = "";
    public bool Allowed { get; private init; }
    public string Verdict { get; private init; } = "";
    /// <summary>Ids of the deciding rules, comma-separated.</summary>
    public string Rules { get; private init; } = "";
    public string Explanation { get; private init; } = "";

    /// <summary>SHA-256 (lowercase hex) of the bytes served: the recipient's own marked copy, or the artifact as it is. Null when nothing was served.</summary>
    public string? CopySha256 { get; private init; }

    /// <summary>How many fingerprint marks the served copy carries (0: served as it is). Null when nothing was served.</summary>
    public int? Marks { get; private init; }

    /// <summary>
    /// The facts generation the decision was made from (the store's token that every change to
    /// the facts moves, and that each row of the facts' history names): which facts were known.
    /// </summary>
    public string? FactsVersion { get; init; }

    /// <summary>
    /// The request's source address as the public log may name it: HMAC-SHA256 under the store's
    /// own secret salt (lowercase hex). Equal for equal addresses, so staff can see "the same
    /// address" across entries; the address itself is kept only in the store. Null when the
    /// address was not known (an in-process call).
    /// </summary>
    public string? SourceHmac { get; init; }

    /// <summary>
    /// The person behind a request made in the portal, by id (<c>portal-user:&lt;id&gt;</c>, never an
    /// e-mail address); null for a request made with an API key, which <see cref="KeyId"/> names.
    /// </summary>
    public string? User { get; init; }

    /// <summary>The verdict of a request the policy allowed but whose copy could not be made, so nothing was served.</summary>
    public const string RefusedCopy = "refused-copy";

    public static AccessRecord Of(PartnerId partner, Guid keyId, ArtifactId artifact, AdvisoryId? advisory,
        string channel, Entitlement decision) => new()
    {
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
        return Of(partner, keyId, artifact, advisory, channel, decision) with { CopySha256 = copySha256, Marks = marks };
    }

    /// <summary>
    /// An allowed request whose copy could not be made (a PoC copy that failed its compile or parse
    /// check): recorded as refused, with the reason, and nothing served.
    /// </summary>
    public static AccessRecord CopyRefused(PartnerId partner, Guid keyId, ArtifactId artifact, AdvisoryId? advisory,
        string channel, Entitlement decision, string reasonCode, string reason)
    {
        var record = Of(partner, keyId, artifact, advisory, channel, decision);
        return record with
        {
            Allowed = false,
            Verdict = RefusedCopy,
            Rules = record.Rules.Length == 0 ? reasonCode : record.Rules + "," + reasonCode,
            Explanation = $"refused: the policy allows it ({decision.Explanation}), but no copy could be made: {reason}",
        };
    }

    /// <summary>A request for something that does not exist (or may not be known): recorded as denied.</summary>
    public static AccessRecord Unknown(PartnerId partner, Guid keyId, ArtifactId artifact, string channel, DateTimeOffset at) => new()
    {
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

    /// <summary>
    /// A decision as it was recorded (read back from its log entry): every field as stored, none
    /// derived, so that reading an entry gives exactly the decision that was written.
    /// </summary>
    public static AccessRecord Recorded(DateTimeOffset at, PartnerId partner, Guid keyId, AdvisoryId? advisory, ArtifactId artifact,
        string channel, bool allowed, string verdict, string rules, string explanation, string? copySha256, int? marks,
        string? factsVersion = null, string? sourceHmac = null, string? user = null) => new()
    {
        At = at,
        PartnerId = partner,
        KeyId = keyId,
        AdvisoryId = advisory,
        ArtifactId = artifact,
        Channel = channel,
        Allowed = allowed,
        Verdict = verdict,
        Rules = rules,
        Explanation = explanation,
        CopySha256 = copySha256,
        Marks = marks,
        FactsVersion = factsVersion,
        SourceHmac = sourceHmac,
        User = user,
    };
}
