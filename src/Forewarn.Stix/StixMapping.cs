using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Stix.Mapping;

namespace Forewarn.Stix;

/// <summary>
/// Maps an advisory and its artifacts to STIX 2.1 objects (docs/stix.md). Pure: the same input
/// always gives the same objects with the same ids, so TAXII can version them by <c>modified</c>.
/// </summary>
public static class StixMapping
{
    /// <summary>The id of the advisory's STIX report: what a sighting reported without STIX (a form, plain JSON) names as sighted.</summary>
    public static string ReportIdOf(Advisory advisory) => AdvisoryObjects.ReportId(advisory);

    /// <summary>
    /// The STIX objects of <paramref name="advisory"/> and of <paramref name="artifacts"/>, each tied
    /// to the artifact it came from (or to the advisory itself).
    /// </summary>
    /// <exception cref="DomainException">an artifact belongs to another advisory, or its content to another artifact.</exception>
    public static StixObjectSet Map(Advisory advisory, IEnumerable<StixArtifact> artifacts, StixProgramme programme)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        ArgumentNullException.ThrowIfNull(programme);
        var createdBy = programme.IdentityId;
        var vulnerabilities = AdvisoryObjects.Vulnerabilities(advisory, createdBy);
        var vulnerabilityIds = vulnerabilities.Select(v => (string)v["id"]!).ToList();
        var report = AdvisoryObjects.Report(advisory, vulnerabilityIds, createdBy);
        var entries = new List<StixEntry> { new(AdvisoryObjects.Identity(programme), null) };
        entries.AddRange(vulnerabilities.Select(v => new StixEntry(v, null)));
        entries.Add(new StixEntry(report, null));

        var mapper = new ArtifactObjects(advisory, vulnerabilityIds, (string)report["id"]!, createdBy);
        foreach (var input in artifacts.OrderBy(a => a.Artifact.CreatedAt).ThenBy(a => a.Artifact.Id.Value))
        {
            if (input.Artifact.AdvisoryId != advisory.Id)
                throw new DomainException("invalid-stix", $"Artifact {input.Artifact.Id} belongs to another advisory than {advisory.Reference}.");
            if (input.Content.ArtifactId != input.Artifact.Id)
                throw new DomainException("invalid-stix", $"The content given for artifact {input.Artifact.Id} belongs to artifact {input.Content.ArtifactId}.");
            var copy = ArtifactObjects.CopyObjectId(input);
            entries.AddRange(mapper.Map(input).Select(o => new StixEntry(o, input.Artifact.Id) { CarriesCopy = copy is not null && (string)o["id"]! == copy }));
        }
        return new StixObjectSet(entries);
    }
}
