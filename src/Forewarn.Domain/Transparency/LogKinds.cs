namespace Forewarn.Domain.Transparency;

/// <summary>The kinds of entry the programme's transparency log holds.</summary>
public static class LogKinds
{
    /// <summary>Content (or its STIX objects) left the server for a partner.</summary>
    public const string ContentServed = "content.served";
    /// <summary>A partner asked for content and the policy said no (or the artifact is unknown to it).</summary>
    public const string ContentDenied = "content.denied";
    /// <summary>The policy allowed it but the partner's copy could not be made, so nothing was served.</summary>
    public const string ContentRefused = "content.refused";
    public const string KeyIssued = "key.issued";
    public const string KeyRevoked = "key.revoked";
    public const string PolicyChanged = "policy.changed";
    public const string PartnerChanged = "partner.changed";
    public const string WavePublished = "wave.published";
    public const string AdvisoryReleased = "advisory.released";
    public const string TraceRun = "trace.run";

    /// <summary>The kinds that record a content request (served, denied or refused).</summary>
    public static readonly IReadOnlyList<string> Content = [ContentServed, ContentDenied, ContentRefused];
}
