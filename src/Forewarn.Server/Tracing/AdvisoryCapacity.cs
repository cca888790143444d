using System.Globalization;
using Forewarn.Server.Api.Contracts;
using Forewarn.Tracing.Tardos;

namespace Forewarn.Server.Tracing;

/// <summary>
/// The capacity of an advisory's fingerprinted artifacts together. A trace reads a leak against
/// all of them and sums the scores (one code across the advisory), so what matters against a
/// coalition is the advisory's marks, not one artifact's: how many colluders they name among the
/// partners the advisory opens to, and what staff can add to reach two or three — more prose at
/// the advisory's own density, or detail alternatives (<c>{{fw:A|B|C|D|E|F|G|H}}</c>, three marks
/// each) such as example host names and sample values, which survive a rewrite that keeps the facts.
/// </summary>
public static class AdvisoryCapacity
{
    /// <summary>Marks one eight-way detail alternative carries.</summary>
    public const int MarksPerDetail = 3;

    public static AdvisoryCapacityDto? Of(IReadOnlyList<FingerprintDto> fingerprints, IReadOnlyList<int> words)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        if (fingerprints.Count == 0) return null;
        var sites = fingerprints.Sum(f => f.Sites);
        var recipients = fingerprints.Max(f => f.Recipients);
        var population = Math.Max(recipients, 1);
        var epsilon = CapacityEstimate.Epsilon;
        // Below 1,030 marks an artifact's code has every bias 1/2, which two colluders cannot beat
        // whatever they do; three who find the marks and vote with their minority can: so "whatever
        // they do" stops at two unless every artifact's code is designed against more.
        var resisted = Math.Min(AccusationThreshold.ColludersResisted(sites, population, epsilon), 2);
        var mixing = AccusationThreshold.ColludersResistedMixing(sites, population, epsilon);
        var needed2 = AccusationThreshold.SitesNeeded(2, population, epsilon);
        var needed3 = AccusationThreshold.SitesNeededMixing(3, population, epsilon);
        var textSites = fingerprints.Where(f => f.MarksPer1000Words is not null).Sum(f => f.Sites);
        var textWords = words.Sum();
        double? density = textWords > 0 ? Math.Round(textSites * 1000.0 / textWords, 1) : null;
        var advice = new List<string>();
        if (sites < needed2) advice.Add(Add("two colluders whatever they do", needed2 - sites, density));
        if (sites < needed3) advice.Add(Add("three colluders who mix their copies passage by passage", needed3 - sites, density));
        if (advice.Count == 0)
            advice.Add($"The advisory's {sites} marks name two colluders whatever they do and {mixing} who mix their copies, among {Partners(recipients)}.");
        return new AdvisoryCapacityDto(sites, recipients, epsilon, resisted, mixing, needed2, needed3, density, advice);
    }

    private static string Add(string whom, int missing, double? density)
    {
        var details = (missing + MarksPerDetail - 1) / MarksPerDetail;
        var prose = density is > 0 ? $"about {Math.Ceiling(missing * 1000 / density.Value).ToString("#,0", CultureInfo.InvariantCulture)} more words of prose at this advisory's density ({density.Value.ToString("0.#", CultureInfo.InvariantCulture)} marks per 1,000 words), or " : "";
        return $"To name {whom}, add {missing} marks: {prose}{details} detail alternatives with eight variants ({{{{fw:A|B|C|D|E|F|G|H}}}}, "
            + $"{MarksPerDetail} marks each) for non-essential details such as example host names, user names or sample values.";
    }

    private static string Partners(int n) => n == 1 ? "its 1 recipient" : $"its {n} recipients";
}
