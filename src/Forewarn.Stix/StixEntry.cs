using System.Text.Json.Nodes;
using Forewarn.Domain.Common;

namespace Forewarn.Stix;

/// <summary>
/// One STIX object and what it came from: an artifact, or (<see cref="Artifact"/> null) the
/// advisory itself and the programme's identity. The server filters by entitlement on this,
/// without reading the JSON.
/// </summary>
public sealed record StixEntry(JsonObject Object, ArtifactId? Artifact)
{
    /// <summary>
    /// The object carries a fingerprinted artifact's text: as it stands it only points to each
    /// partner's own copy, and a recipient gets it as an object of its own with its copy
    /// (<see cref="StixCopies"/>).
    /// </summary>
    public bool CarriesCopy { get; init; }

    /// <summary>The object's STIX id.</summary>
    public string Id => (string)Object["id"]!;

    /// <summary>The object's STIX type.</summary>
    public string Type => (string)Object["type"]!;
}
