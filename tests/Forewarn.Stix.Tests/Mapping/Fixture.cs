using System.Text;
using Forewarn.Domain.Advisories;

namespace Forewarn.Stix.Tests.Mapping;

/// <summary>Advisories and artifacts made the way the programme makes them.</summary>
internal static class Fixture
{
    public static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero);

    public static readonly StixProgramme Programme = new("Forewarn Test Programme", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "psirt@example.org");

    public static Advisory Advisory(params string[] cves) => Domain.Advisories.Advisory.Create(
        "FW-2026-0001", "Halcyon Collaboration Server ToolPane deserialization", "Unauthenticated code execution through the ToolPane endpoint.",
        cves, ["Halcyon Collaboration Server"], null, Created.AddDays(14), Created, "analyst");

    public static StixArtifact Artifact(Advisory advisory, ContentClass cls, string text, TlpLabel tlp = TlpLabel.Amber, string title = "Artifact") =>
        Bytes(advisory, cls, Encoding.UTF8.GetBytes(text), tlp, title);

    public static StixArtifact Bytes(Advisory advisory, ContentClass cls, byte[] content, TlpLabel tlp = TlpLabel.Amber, string title = "Artifact", string? mediaType = null)
    {
        var (artifact, bytes) = Domain.Advisories.Artifact.Create(advisory, title, cls, tlp, mediaType, null, content, Created.AddHours(1));
        return new StixArtifact(artifact, bytes);
    }

    public static StixObjectSet Map(Advisory advisory, params StixArtifact[] artifacts) => StixMapping.Map(advisory, artifacts, Programme);
}
