using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.14 Sorted Revision History: sorted by date, the revision numbers ascend.</summary>
internal sealed class UnsortedRevisionHistory() : MandatoryTest("6.1.14")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var sorted = RevisionHistory.SortedByDate(document);
        if (sorted is null) yield break;
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].Version!.CompareTo(sorted[i - 1].Version) < 0)
                yield return Fail(sorted[i].NumberPointer,
                    $"Revision {sorted[i].Number} is dated after revision {sorted[i - 1].Number}, but has a lower number.");
    }
}

/// <summary>
/// 6.1.16 Latest Document Version: the document version is the number of the last revision by date
/// (build metadata ignored; the pre-release part too when the document is a draft).
/// </summary>
internal sealed class OutdatedDocumentVersion() : MandatoryTest("6.1.16")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var tracking = RevisionHistory.Tracking(document);
        var version = DocumentVersion.Parse(tracking.Get("version").Text());
        var sorted = RevisionHistory.SortedByDate(document);
        if (version is null || sorted is not { Count: > 0 }) yield break;
        var draft = tracking.Get("status").Text() == "draft";
        var latest = sorted[^1];
        if (version.Core(draft) != latest.Version!.Core(draft))
            yield return Fail(RevisionHistory.TrackingPointer.Property("version"),
                $"The document version is {version.Text}, but the latest revision by date is {latest.Number}.");
    }
}

/// <summary>
/// 6.1.21 Missing Item in Revision History: sorted by date, the revisions start at (major) version 0 or
/// 1 and no (major) version number is left out.
/// </summary>
internal sealed class MissingRevision() : MandatoryTest("6.1.21")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var sorted = RevisionHistory.SortedByDate(document);
        if (sorted is not { Count: > 0 }) yield break;
        var first = sorted[0];
        if (first.Version!.Major > 1)
            yield return Fail(first.NumberPointer,
                $"The first revision is {first.Number}; the revision history must start with version 0 or 1.");
        var majors = sorted.Select(r => r.Version!.Major).Distinct().Order().ToList();
        for (var i = 1; i < majors.Count; i++)
        {
            if (majors[i] == majors[i - 1] + 1) continue;
            var (from, to) = (majors[i - 1] + 1, majors[i] - 1);
            yield return Fail(RevisionHistory.TrackingPointer.Property("revision_history"), from == to
                ? $"The revision history has no item for version {from}."
                : $"The revision history has no items for versions {from} to {to}.");
        }
    }
}

/// <summary>6.1.22 Multiple Definition in Revision History: no two revisions have the same number.</summary>
internal sealed class DuplicateRevision() : MandatoryTest("6.1.22")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var revision in RevisionHistory.Items(document))
            if (!seen.Add(revision.Number))
                yield return Fail(revision.NumberPointer, $"The revision history has more than one item with number {revision.Number}.");
    }
}
