using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.17 Document Status Draft: a version 0, 0.y.z or with a pre-release part is a draft.</summary>
internal sealed class UnmarkedDraft() : MandatoryTest("6.1.17")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var tracking = RevisionHistory.Tracking(document);
        var status = tracking.Get("status").Text();
        if (DocumentVersion.Parse(tracking.Get("version").Text()) is { } version
            && (version.Major == 0 || version.IsPreRelease) && status is not null && status != "draft")
            yield return Fail(RevisionHistory.TrackingPointer.Property("status"),
                $"The document version {version.Text} is a draft version, but the document status is {status}.");
    }
}

/// <summary>6.1.18 Released Revision History: a final or interim document has no revision 0 or 0.y.z.</summary>
internal sealed class DraftRevisionInRelease() : MandatoryTest("6.1.18")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var status = RevisionHistory.Tracking(document).Get("status").Text();
        if (status is not ("final" or "interim")) yield break;
        foreach (var revision in RevisionHistory.Items(document))
            if (revision.Version is { Major: 0 })
                yield return Fail(revision.NumberPointer,
                    $"The document status is {status}, but the revision history has the draft revision {revision.Number}.");
    }
}

/// <summary>6.1.19 Revision History Entries for Pre-release Versions: no revision number has a pre-release part.</summary>
internal sealed class PreReleaseRevision() : MandatoryTest("6.1.19")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var revision in RevisionHistory.Items(document))
            if (revision.Version is { IsPreRelease: true })
                yield return Fail(revision.NumberPointer,
                    $"The revision number {revision.Number} is a pre-release ({revision.Version.PreRelease}); pre-releases have no revision history items.");
    }
}

/// <summary>6.1.20 Non-draft Document Version: a final or interim document's version has no pre-release part.</summary>
internal sealed class PreReleaseVersionInRelease() : MandatoryTest("6.1.20")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var tracking = RevisionHistory.Tracking(document);
        var status = tracking.Get("status").Text();
        if (status is "final" or "interim" && DocumentVersion.Parse(tracking.Get("version").Text()) is { IsPreRelease: true } version)
            yield return Fail(RevisionHistory.TrackingPointer.Property("version"),
                $"The document status is {status}, but the document version {version.Text} has the pre-release part -{version.PreRelease}.");
    }
}

/// <summary>6.1.30 Mixed Integer and Semantic Versioning: all versions of a document use the same scheme.</summary>
internal sealed class MixedVersioning() : MandatoryTest("6.1.30")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var revisions = RevisionHistory.Items(document).Where(r => r.Version is not null).ToList();
        var reference = DocumentVersion.Parse(RevisionHistory.Tracking(document).Get("version").Text()) ?? revisions.FirstOrDefault()?.Version;
        if (reference is null) yield break;
        var scheme = Scheme(reference);
        foreach (var revision in revisions.Where(r => r.Version!.IsInteger != reference.IsInteger))
            yield return Fail(revision.NumberPointer,
                $"The document version {reference.Text} uses {scheme}, but revision {revision.Number} uses {Scheme(revision.Version!)}.");
    }

    private static string Scheme(DocumentVersion version) => version.IsInteger ? "integer versioning" : "semantic versioning";
}
