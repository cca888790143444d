namespace Forewarn.Domain.Investigations;

/// <summary>
/// The distribution of a partner's score when chance alone put it in the suspect sets: in each
/// incident it takes the place of a partner drawn uniformly from the incident's population, so it
/// gets one of the set's weights with that weight's share of the population, and nothing
/// otherwise; incidents are independent. An exact dynamic programme over incidents and scores
/// (a Poisson-binomial with weights), capped at the largest score anyone reached: everything
/// above the cap is kept in the cap's bin, which is all a tail at or below the cap needs.
/// </summary>
internal sealed class ChanceScores
{
    private readonly double[] _atLeast;

    private ChanceScores(double[] atLeast) => _atLeast = atLeast;

    /// <summary>The distribution over <paramref name="incidents"/>, exact up to <paramref name="cap"/>.</summary>
    public static ChanceScores Over(IReadOnlyList<WeightedIncident> incidents, int cap)
    {
        var now = new double[cap + 1];
        var next = new double[cap + 1];
        now[0] = 1;
        var reached = 0; // highest bin with any mass: keeps the work proportional to what is reachable
        foreach (var incident in incidents)
        {
            var none = 1.0;
            foreach (var (_, chance) in incident.Levels) none -= chance;
            none = Math.Max(0, none);
            Array.Clear(next, 0, Math.Min(cap, reached + incident.MaxWeight) + 1);
            for (var s = 0; s <= reached; s++)
            {
                var p = now[s];
                if (p == 0) continue;
                next[s] += p * none;
                foreach (var (weight, chance) in incident.Levels)
                    next[Math.Min(cap, s + weight)] += p * chance;
            }
            reached = Math.Min(cap, reached + incident.MaxWeight);
            (now, next) = (next, now);
        }
        // Tails summed from the top: small probabilities are added, never found by subtraction.
        var atLeast = new double[cap + 2];
        for (var s = cap; s >= 0; s--) atLeast[s] = Math.Min(1, atLeast[s + 1] + (s <= reached ? now[s] : 0));
        return new ChanceScores(atLeast);
    }

    /// <summary>The chance of a score of at least <paramref name="score"/> (0 ≤ score ≤ cap).</summary>
    public double AtLeast(int score) => _atLeast[Math.Clamp(score, 0, _atLeast.Length - 1)];
}

/// <summary>An incident reduced to what chance needs: each distinct weight and its share of the population.</summary>
internal sealed record WeightedIncident((int Weight, double Chance)[] Levels, int MaxWeight, double ExpectedMembership, double ExpectedScore);
