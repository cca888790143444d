namespace Forewarn.Server.Transparency;

/// <summary>The kinds of entry the programme's transparency log holds.</summary>
public static class LogKinds
{
    /// <summary>Content (or its STIX objects) left the server for a partner.</summary>
    public const string ContentServed = "content.served";
    /// <summary>A partner asked for content and the policy said no (or the artifact is unknown to it).</summary>
    public const string ContentDenied = "content.denied";
    /// <summary>The policy allowed it but the partner's copy could not be made, so nothing was served.</summary>
    public const string ContentRefused = "content.refused";
    /// <summary>Staff issued an API key (never its token): prefix, owner, partner, scopes, expiry.</summary>
    public const string KeyIssued = "key.issued";
    /// <summary>Staff revoked an API key.</summary>
    public const string KeyRevoked = "key.revoked";
    /// <summary>Staff published a new policy version: its number, rules and their SHA-256.</summary>
    public const string PolicyChanged = "policy.changed";
    /// <summary>Staff added a partner or changed its fields, tier or status: each field's old and new value.</summary>
    public const string PartnerChanged = "partner.changed";
    /// <summary>A wave's time came and the server announced it (once per wave, whichever server did).</summary>
    public const string WavePublished = "wave.published";
    /// <summary>An advisory's embargo ended and version 1 of its public CSAF document was published.</summary>
    public const string AdvisoryReleased = "advisory.released";
    /// <summary>A later version of a released advisory's public CSAF document was published.</summary>
    public const string AdvisoryRevised = "advisory.revised";
    /// <summary>Staff traced a leaked text: the artifact, the leak's SHA-256, marks read, verdict, accused partners.</summary>
    public const string TraceRun = "trace.run";

    /// <summary>The kinds that record a content request (served, denied or refused).</summary>
    public static readonly IReadOnlyList<string> Content = [ContentServed, ContentDenied, ContentRefused];
}
