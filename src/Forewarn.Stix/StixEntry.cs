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
    /// <summary>The object's STIX id.</summary>
    public string Id => (string)Object["id"]!;

    /// <summary>The object's STIX type.</summary>
    public string Type => (string)Object["type"]!;
}
