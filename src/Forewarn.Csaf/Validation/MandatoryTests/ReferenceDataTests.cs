using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;
using Forewarn.Csaf.Validation.Reference;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.12 Language: the document language and source language are valid, registered BCP 47 tags.</summary>
internal sealed class InvalidLanguage() : MandatoryTest("6.1.12")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var property in new[] { "lang", "source_lang" })
            if (document.Get("document").Get(property).Text() is { } tag && !LanguageSubtags.IsValid(tag, out var why))
                yield return Fail("/document".Property(property), $"'{tag}' is not a valid language tag: {why} ({LanguageSubtags.Version}).");
    }
}

/// <summary>6.1.13 PURL: every package URL given in a product identification helper is valid.</summary>
internal sealed class InvalidPurl() : MandatoryTest("6.1.13")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var definition in ProductTree.Definitions(document))
            if (definition.Product.Get("product_identification_helper").Get("purl").Text() is { } purl
                && !PackageUrl.IsValid(purl, out var why))
                yield return Fail(definition.Pointer.Property("product_identification_helper").Property("purl"),
                    $"'{purl}' is not a valid package URL: {why}.");
    }
}
