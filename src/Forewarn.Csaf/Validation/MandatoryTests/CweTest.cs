using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;
using Forewarn.Csaf.Validation.Reference;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.11 CWE: the CWE given must exist and carry its name. Checked against the weaknesses of the CWE
/// List 4.0–4.17 shipped with Forewarn; a name any of those versions gave the weakness is accepted.
/// </summary>
internal sealed class UnknownCwe() : MandatoryTest("6.1.11")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var cwe = vulnerability.Get("cwe");
            if (cwe.Get("id").Text() is not { } id) continue;
            var pointer = "/vulnerabilities".Index(v).Property("cwe");
            if (!CweCatalogue.TryGetNames(id, out var names))
            {
                yield return Fail(pointer.Property("id"), $"{id} is not a weakness of the {CweCatalogue.Version}.");
                continue;
            }
            if (cwe.Get("name").Text() is { } name && !names.Contains(name, StringComparer.Ordinal))
                yield return Fail(pointer.Property("name"), $"The name of {id} is \"{names[0]}\", not \"{name}\".");
        }
    }
}
