namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Who issues the CSAF documents Forewarn writes: CSAF 2.0's <c>document/publisher</c>.
/// </summary>
/// <param name="Name">The publisher's name, e.g. "Example PSIRT".</param>
/// <param name="Namespace">The publisher's URL, which makes its tracking ids unique (e.g. https://psirt.example.com).</param>
/// <param name="Category">One of CSAF's publisher categories: coordinator, discoverer, other, translator, user or vendor.</param>
/// <param name="ContactDetails">How to reach the publisher, if given.</param>
/// <param name="IssuingAuthority">Who may issue the documents and under what rules, if given.</param>
public sealed record CsafPublisher(
    string Name,
    string Namespace,
    string Category = "vendor",
    string? ContactDetails = null,
    string? IssuingAuthority = null);
