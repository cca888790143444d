using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// What Forewarn takes from a CSAF 2.0 document: the fields of <see cref="Advisory.Create"/> and
/// the structured details, plus a sentence for each kind of thing it had to leave behind.
/// </summary>
/// <param name="Reference">The tracking id made into a Forewarn reference, e.g. RHSA-2019:1862 → RHSA-2019-1862.</param>
/// <param name="Title">The document title.</param>
/// <param name="Summary">The first summary note (or else description note) of the document; empty when there is none.</param>
/// <param name="CveIds">The CVE ids of the vulnerabilities.</param>
/// <param name="CvssVector">Always null: the advisory then takes the highest-scoring vector of its vulnerabilities.</param>
/// <param name="ReleaseAt">The document's current release date (or else initial release date).</param>
/// <param name="Details">Label, notes, references, products and vulnerabilities.</param>
/// <param name="NotHeld">One sentence per kind of content Forewarn does not hold, with counts.</param>
public sealed record CsafImported(
    string Reference,
    string Title,
    string Summary,
    IReadOnlyList<string> CveIds,
    string? CvssVector,
    DateTimeOffset ReleaseAt,
    AdvisoryDetails Details,
    IReadOnlyList<string> NotHeld)
{
    /// <summary>A new draft advisory holding what was imported.</summary>
    public Advisory ToAdvisory(DateTimeOffset at, string actor) =>
        Advisory.Create(Reference, Title, Summary, CveIds, null, CvssVector, ReleaseAt, at, actor, Details);
}
