using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.25 Multiple Use of Same Hash Algorithm: one hash per algorithm in each item of hashes.</summary>
internal sealed class DuplicateHashAlgorithm() : MandatoryTest("6.1.25")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var definition in ProductTree.Definitions(document))
        {
            var hashesPointer = definition.Pointer.Property("product_identification_helper").Property("hashes");
            foreach (var (hashes, h) in definition.Product.Get("product_identification_helper").Get("hashes").Items())
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (fileHash, i) in hashes.Get("file_hashes").Items())
                    if (fileHash.Get("algorithm").Text() is { } algorithm && !seen.Add(algorithm))
                        yield return Fail(hashesPointer.Index(h).Property("file_hashes").Index(i).Property("algorithm"),
                            $"The hash algorithm {algorithm} is used more than once for the same file.");
            }
        }
    }
}

/// <summary>
/// 6.1.31 Version Range in Product Version: a branch of category product_version names one version,
/// not a range. As the spec allows, a name is a range when it holds &lt; or &gt;, or, as a word of its
/// own, after, all, before, earlier, later, prior or versions.
/// </summary>
internal sealed class VersionRangeInProductVersion() : MandatoryTest("6.1.31")
{
    private static readonly string[] RangeWords = ["after", "all", "before", "earlier", "later", "prior", "versions"];

    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var (branch, pointer) in ProductTree.Branches(document))
        {
            if (branch.Get("category").Text() != "product_version" || branch.Get("name").Text() is not { } name) continue;
            var lower = name.ToLowerInvariant();
            var words = lower.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (lower.Contains('<', StringComparison.Ordinal) || lower.Contains('>', StringComparison.Ordinal) || words.Any(RangeWords.Contains))
                yield return Fail(pointer.Property("name"),
                    $"The product version '{name}' is a version range; use the branch category product_version_range for it.");
        }
    }
}
