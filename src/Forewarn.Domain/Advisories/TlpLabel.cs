using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>FIRST Traffic Light Protocol 2.0 labels.</summary>
public enum TlpLabel
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

public static class TlpLabels
{
    /// <summary>The label as TLP 2.0 writes it: <c>TLP:AMBER+STRICT</c>.</summary>
    public static string Name(this TlpLabel label) => label switch
    {
        TlpLabel.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:" + label.ToString().ToUpperInvariant(),
    };

    public static TlpLabel Parse(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (t.StartsWith("TLP:", StringComparison.Ordinal)) t = t[4..];
        return t switch
        {
            "CLEAR" => TlpLabel.Clear,
            "GREEN" => TlpLabel.Green,
            "AMBER" => TlpLabel.Amber,
            "AMBER+STRICT" or "AMBER_STRICT" or "AMBERSTRICT" => TlpLabel.AmberStrict,
            "RED" => TlpLabel.Red,
            _ => throw new DomainException("unknown-tlp-label",
                $"'{text}' is not a TLP 2.0 label; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED."),
        };
    }
}
