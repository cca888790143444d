using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// CSAF 2.0 speaks TLP v1 (WHITE, GREEN, AMBER, RED); Forewarn holds TLP 2.0 labels. The mapping
/// follows FIRST's guidance: CLEAR is WHITE, and AMBER+STRICT travels as AMBER with its extra
/// restriction spelled out in the distribution text.
/// </summary>
internal static class CsafTlp
{
    public const string Url = "https://www.first.org/tlp/";

    /// <summary>The distribution text that carries AMBER+STRICT's restriction.</summary>
    public const string AmberStrictText =
        "TLP:AMBER+STRICT — recipients may share this only within their own organisation, " +
        "not with its clients or customers. CSAF 2.0 has no label for this, so the document is marked TLP:AMBER.";

    public static string Label(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "WHITE",
        TlpLabel.Green => "GREEN",
        TlpLabel.Amber or TlpLabel.AmberStrict => "AMBER",
        TlpLabel.Red => "RED",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown TLP label."),
    };

    /// <summary>The label of an imported document; a document without one is treated as AMBER.</summary>
    public static TlpLabel Read(string? label, string? distributionText) => label?.Trim().ToUpperInvariant() switch
    {
        "WHITE" => TlpLabel.Clear,
        "GREEN" => TlpLabel.Green,
        "RED" => TlpLabel.Red,
        "AMBER" when distributionText?.Contains("TLP:AMBER+STRICT", StringComparison.OrdinalIgnoreCase) == true
            => TlpLabel.AmberStrict,
        _ => TlpLabel.Amber,
    };
}
