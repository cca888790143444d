namespace Forewarn.Domain.Cvss;

/// <summary>
/// FIRST's qualitative severity rating scale, the same for CVSS v3.1 and v4.0:
/// None 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0.
/// </summary>
public static class CvssSeverity
{
    public static string Of(double score) => score switch
    {
        0 => "None",
        < 4.0 => "Low",
        < 7.0 => "Medium",
        < 9.0 => "High",
        _ => "Critical",
    };
}
