using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.15 Translator: a document published by a translator gives its source language.</summary>
internal sealed class TranslatorWithoutSourceLanguage() : MandatoryTest("6.1.15")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var meta = document.Get("document");
        if (meta.Get("publisher").Get("category").Text() == "translator" && meta.Get("source_lang").Text() is not { Length: > 0 })
            yield return Fail(meta.Has("source_lang") ? "/document/source_lang" : "/document", "The publisher is a translator, but the document does not give its source language (source_lang).");
    }
}

/// <summary>
/// 6.1.26 Prohibited Document Category Name: a CSAF Base document's category is neither the name nor
/// the value of another profile (compared case-insensitively, without dashes, underscores and white
/// space) and does not start with the reserved prefix <c>csaf_</c>.
/// </summary>
internal sealed class ProhibitedDocumentCategory() : MandatoryTest("6.1.26")
{
    private static readonly HashSet<string> ProfileValues = new(StringComparer.Ordinal)
    {
        "csaf_base", "csaf_security_incident_response", "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex",
    };

    private static readonly HashSet<string> Prohibited = new(StringComparer.Ordinal)
    {
        "securityincidentresponse", "informationaladvisory", "securityadvisory", "vex",
        "csafsecurityincidentresponse", "csafinformationaladvisory", "csafsecurityadvisory", "csafvex",
    };

    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        if (document.Get("document").Get("category").Text() is not { } category || ProfileValues.Contains(category))
            yield break;
        var normalized = new string(category.Where(c => c is not ('-' or '_') && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        if (Prohibited.Contains(normalized))
            yield return Fail("/document/category", $"The category '{category}' is the name of a CSAF profile; use that profile's value or another name.");
        else if (category.StartsWith("csaf_", StringComparison.OrdinalIgnoreCase))
            yield return Fail("/document/category", $"The category '{category}' starts with the prefix csaf_, which is reserved for the CSAF profiles.");
    }
}

/// <summary>6.1.28 Translation: the document language differs from the source language.</summary>
internal sealed class TranslationIntoSameLanguage() : MandatoryTest("6.1.28")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var meta = document.Get("document");
        if (meta.Get("lang").Text() is { } lang && meta.Get("source_lang").Text() is { } source
            && string.Equals(lang, source, StringComparison.OrdinalIgnoreCase))
            yield return Fail("/document/source_lang", $"The document language and the source language are both {lang}.");
    }
}
