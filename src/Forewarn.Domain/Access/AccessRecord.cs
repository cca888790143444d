using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Access;

/// <summary>
/// A decision to serve or deny content, recorded before any content leaves the server: who
/// asked, with which key, for what, when, the verdict and the rules that decided it.
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
