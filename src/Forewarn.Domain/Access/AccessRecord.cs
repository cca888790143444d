using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Transparency;

namespace Forewarn.Domain.Access;

/// <summary>
/// A decision to serve or deny content, logged before any content leaves the server: who asked,
/// with which key, for what, when, the verdict and the rules that decided it — and, when
/// something was served, which copy: its SHA-256 and how many fingerprint marks it carries. It
/// lives only as a transparency-log entry (<see cref="ToLogEvent"/>, <see cref="FromEntry"/>).
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

    /// <summary>The verdict of a request the policy allowed but whose copy could not be made, so nothing was served.</summary>
    public const string RefusedCopy = "refused-copy";

    /// <summary>The log entry kind: served, denied, or refused (allowed but no copy could be made).</summary>
    public string Kind => Allowed ? LogKinds.ContentServed : Verdict == RefusedCopy ? LogKinds.ContentRefused : LogKinds.ContentDenied;

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

    /// <summary>The log entry of this decision.</summary>
    public LogEvent ToLogEvent() => LogEvent.Of(Kind, At, PartnerId.Value, ArtifactId.Value,
        new("partner", PartnerId.Value.ToString()),
        new("key", KeyId.ToString()),
        new("advisory", AdvisoryId?.Value.ToString()),
        new("artifact", ArtifactId.Value.ToString()),
        new("channel", Channel),
        new("verdict", Verdict),
        new("rules", new JsonArray([.. Rules.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => (JsonNode)r)])),
        new("explanation", Explanation),
        new("copy_sha256", CopySha256),
        new("marks", Marks is { } m ? JsonValue.Create(m) : null));

    /// <summary>The decision a content entry holds (its body as written by <see cref="ToLogEvent"/>).</summary>
    public static AccessRecord FromEntry(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var e = document.RootElement;
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var kind = Text("kind");
        return new AccessRecord
        {
            At = DateTimeOffset.Parse(Text("at")!, System.Globalization.CultureInfo.InvariantCulture),
            PartnerId = new PartnerId(Guid.Parse(Text("partner")!)),
            KeyId = Guid.Parse(Text("key")!),
            AdvisoryId = Text("advisory") is { } a ? new AdvisoryId(Guid.Parse(a)) : null,
            ArtifactId = new ArtifactId(Guid.Parse(Text("artifact")!)),
            Channel = Text("channel") ?? "",
            Allowed = kind == LogKinds.ContentServed,
            Verdict = Text("verdict") ?? "",
            Rules = e.TryGetProperty("rules", out var rules) ? string.Join(",", rules.EnumerateArray().Select(r => r.GetString())) : "",
            Explanation = Text("explanation") ?? "",
            CopySha256 = Text("copy_sha256"),
            Marks = e.TryGetProperty("marks", out var marks) ? marks.GetInt32() : null,
        };
    }
}
