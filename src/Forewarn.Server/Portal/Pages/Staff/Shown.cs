namespace Forewarn.Server.Portal.Pages.Staff;

/// <summary>How the staff pages write moments and hashes: UTC as everywhere in the programme, hashes cut to what a person compares.</summary>
public static class Shown
{
    public static string At(DateTimeOffset at) => Domain.Common.Moments.Show(at);

    public static string At(DateTimeOffset? at) => at is { } a ? At(a) : "—";

    public static string Short(string hex) => hex.Length <= 16 ? hex : hex[..16] + "…";
}
