using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.1 Document Notes: informational advisories and incident responses have a describing note.</summary>
internal sealed class MissingDescribingNote() : ProfileTest("6.1.27.1", "csaf_informational_advisory", "csaf_security_incident_response")
{
    private static readonly string[] Describing = ["description", "details", "general", "summary"];

    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        if (!document.Get("document").Get("notes").Items().Any(n => Describing.Contains(n.Item.Get("category").Text())))
            yield return Fail(document.Get("document").Has("notes") ? "/document/notes" : "/document",
                $"A {category} document needs a note of category description, details, general or summary.");
    }
}

/// <summary>6.1.27.2 Document References: informational advisories and incident responses have an external reference.</summary>
internal sealed class MissingExternalReference() : ProfileTest("6.1.27.2", "csaf_informational_advisory", "csaf_security_incident_response")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        if (!document.Get("document").Get("references").Items().Any(r => r.Item.Get("category").Text() == "external"))
            yield return Fail(document.Get("document").Has("references") ? "/document/references" : "/document",
                $"A {category} document needs a reference of category external.");
    }
}

/// <summary>6.1.27.3 Vulnerabilities: an informational advisory has no vulnerabilities.</summary>
internal sealed class VulnerabilitiesInInformationalAdvisory() : ProfileTest("6.1.27.3", "csaf_informational_advisory")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        if (document.Has("vulnerabilities"))
            yield return Fail("/vulnerabilities", "An informational advisory has no vulnerabilities; use the category csaf_base or csaf_security_advisory instead.");
    }
}

/// <summary>6.1.27.4 Product Tree: security advisories and VEX documents have a product tree.</summary>
internal sealed class MissingProductTree() : ProfileTest("6.1.27.4", "csaf_security_advisory", "csaf_vex")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        if (!document.Has("product_tree"))
            yield return Fail(Pointer.Root, $"A {category} document needs a product tree (/product_tree).");
    }
}

/// <summary>6.1.27.11 Vulnerabilities: security advisories and VEX documents have vulnerabilities.</summary>
internal sealed class MissingVulnerabilities() : ProfileTest("6.1.27.11", "csaf_security_advisory", "csaf_vex")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        if (!document.Has("vulnerabilities"))
            yield return Fail(Pointer.Root, $"A {category} document needs vulnerabilities (/vulnerabilities).");
    }
}
