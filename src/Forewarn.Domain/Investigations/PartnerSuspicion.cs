using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Investigations;

/// <summary>One partner's standing across incidents: how often it was a suspect against what chance gives.</summary>
/// <param name="Partner">The partner's id.</param>
/// <param name="Incidents">How many incidents were weighed.</param>
/// <param name="Appearances">In how many of their suspect sets the partner was.</param>
/// <param name="ExpectedAppearances">How many chance alone gives: the sum over incidents of set size ÷ population.</param>
/// <param name="Score">The sum of its weights over the sets it was in.</param>
/// <param name="ExpectedScore">The score chance alone gives on average: the sum over incidents of set weight ÷ population.</param>
/// <param name="PValue">The chance of a score at least this high when chance alone put it in the sets.</param>
/// <param name="Threshold">The p-value below which it is flagged (the false-alarm rate ÷ the number of partners).</param>
/// <param name="Flagged">Whether it stands out: p-value below the threshold, and enough appearances.</param>
public sealed record PartnerSuspicion(
    Guid Partner, int Incidents, int Appearances, double ExpectedAppearances,
    int Score, double ExpectedScore, double PValue, double Threshold, bool Flagged)
{
    /// <summary>For people: "in 3 of 4 suspect sets, 0.6 expected by chance".</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture,
            $"in {Appearances} of {Incidents} {Counted.Noun(Incidents, "suspect set", "suspect sets")}, {ExpectedAppearances:0.0##} expected by chance");
}
