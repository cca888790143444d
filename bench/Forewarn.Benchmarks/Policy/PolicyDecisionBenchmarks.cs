using BenchmarkDotNet.Attributes;
using Forewarn.Domain.Policy;

namespace Forewarn.Benchmarks.Policy;

/// <summary>
/// Entitlement decisions per second on one core: a full sweep of 10,000 partners × 100
/// artifacts (1,000,000 decisions) with the fast <see cref="EntitlementPolicy.Check"/>, and a
/// 500-partner sample with the explained <see cref="EntitlementPolicy.Decide"/> for comparison.
/// Each benchmark runs on a single thread; with <c>OperationsPerInvoke</c> set to the number of
/// decisions, BenchmarkDotNet's Mean is the time of one decision and Op/s is decisions per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DecisionsConfig))]
public class PolicyDecisionBenchmarks
{
    public const int Partners = 10_000;
    public const int ExplainedPartners = 500;
    public const int ArtifactsPerPartner = 100;
    public const int SweepDecisions = Partners * ArtifactsPerPartner;
    public const int ExplainedDecisions = ExplainedPartners * ArtifactsPerPartner;

    private ProgramPopulation population = null!;
    private PolicyVersion? policy;

    [GlobalSetup]
    public void Setup()
    {
        population = ProgramPopulation.Build(Partners);
        policy = PolicyVersion.InForce(population.Versions, ProgramPopulation.DecisionTime);
        if (population.ArtifactCount != ArtifactsPerPartner)
            throw new InvalidOperationException($"Expected {ArtifactsPerPartner} artifacts, built {population.ArtifactCount}.");
        Console.WriteLine("// " + PopulationSummary.Describe(population, policy));
    }

    /// <summary>Every partner × every artifact, as a list or a notification fan-out would ask.</summary>
    [Benchmark(OperationsPerInvoke = SweepDecisions, Description = "Check: 10,000 partners x 100 artifacts")]
    public int CheckSweep() => Sweep(population.Partners.Count);

    /// <summary>The explained decision with its findings (no sentence joined).</summary>
    [Benchmark(OperationsPerInvoke = ExplainedDecisions, Description = "Decide: 500 partners x 100 artifacts")]
    public int DecideSample()
    {
        var allowed = 0;
        ForEachQuery(ExplainedPartners, q =>
        {
            if (EntitlementPolicy.Decide(q).Allowed) allowed++;
        });
        return allowed;
    }

    /// <summary>Decide plus the one-line explanation, which is what the partner API returns per artifact.</summary>
    [Benchmark(OperationsPerInvoke = ExplainedDecisions, Description = "Decide + Explanation: 500 partners x 100 artifacts")]
    public int DecideExplainedSample()
    {
        var chars = 0;
        ForEachQuery(ExplainedPartners, q => chars += EntitlementPolicy.Decide(q).Explanation.Length);
        return chars;
    }

    private int Sweep(int partnerCount)
    {
        var allowed = 0;
        var partners = population.Partners;
        var advisories = population.Advisories;
        for (var p = 0; p < partnerCount; p++)
        {
            var partner = partners[p];
            var tier = population.Tiers.GetValueOrDefault(partner.Tier);
            for (var a = 0; a < advisories.Count; a++)
            {
                var advisory = advisories[a];
                var artifacts = advisory.Artifacts;
                for (var x = 0; x < artifacts.Count; x++)
                {
                    if (EntitlementPolicy.Check(population.Query(partner, tier, policy, advisory, artifacts[x])).Allowed) allowed++;
                }
            }
        }
        return allowed;
    }

    private void ForEachQuery(int partnerCount, Action<EntitlementQuery> decide)
    {
        // Spread the sample over the whole population so it meets every status and jurisdiction.
        var stride = population.Partners.Count / partnerCount;
        for (var p = 0; p < partnerCount; p++)
        {
            var partner = population.Partners[p * stride];
            var tier = population.Tiers.GetValueOrDefault(partner.Tier);
            foreach (var advisory in population.Advisories)
            {
                foreach (var artifact in advisory.Artifacts)
                    decide(population.Query(partner, tier, policy, advisory, artifact));
            }
        }
    }
}
