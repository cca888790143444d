using System.Globalization;
using Forewarn.Domain.Policy;

namespace Forewarn.Benchmarks.Policy;

/// <summary>One line that shows the population is varied and the decisions are not all alike.</summary>
public static class PopulationSummary
{
    public static string Describe(ProgramPopulation population, PolicyVersion? policy)
    {
        int allowed = 0, later = 0, denied = 0;
        foreach (var partner in population.Partners)
        {
            var tier = population.Tiers.GetValueOrDefault(partner.Tier);
            foreach (var advisory in population.Advisories)
            {
                foreach (var artifact in advisory.Artifacts)
                {
                    var (ok, opens) = EntitlementPolicy.Check(population.Query(partner, tier, policy, advisory, artifact));
                    if (ok) allowed++;
                    else if (opens is null) denied++;
                    else later++;
                }
            }
        }
        var at = ProgramPopulation.DecisionTime;
        string Count<T>(IEnumerable<T> keys) where T : notnull =>
            string.Join(", ", keys.GroupBy(k => k).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        var cn = population.Partners.Count(p => p.AllJurisdictions.Contains("CN"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{population.Partners.Count:N0} partners (tiers: {Count(population.Partners.Select(p => p.Tier))}; " +
            $"status: {Count(population.Partners.Select(p => p.StatusAt(at)))}; under CN law: {cn}), " +
            $"{population.Advisories.Count} advisories x {population.ArtifactCount / population.Advisories.Count} artifacts, " +
            $"policy v{policy?.Number}; decisions: {allowed:N0} allowed, {later:N0} open later, {denied:N0} never");
    }
}
