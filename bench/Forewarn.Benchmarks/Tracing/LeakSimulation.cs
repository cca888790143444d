using Forewarn.Tracing.Tardos;

namespace Forewarn.Benchmarks.Tracing;

/// <summary>The collusion attacks simulated (under the marking assumption).</summary>
internal enum Attack
{
    /// <summary>Runs of 1–6 consecutive sites from one colluder's copy, then another's (copies mixed line by line).</summary>
    Interleave,
    /// <summary>At each site the variant most colluders hold; a tie is broken at random.</summary>
    Majority,
    /// <summary>At each site where they differ, the variant fewest colluders hold (the attack that defeats p = 1/2 with 3).</summary>
    Minority,
}

/// <summary>What a batch of simulated leaks gave.</summary>
internal sealed record LeakTally(int Trials, int Caught, int LeaksWithInnocentAccused, int InnocentsAccused, double MeanThreshold, double MeanBestGuilty)
{
    public double CaughtShare => (double)Caught / Trials;
}

/// <summary>
/// Simulated leaks: a fresh random programme secret per trial, the code of an artifact with the
/// given sites (designed by <see cref="TardosCode.DesignColluders"/>), colluders drawn at random
/// among the recipients, a forged copy, a fragment of it readable, every recipient scored with
/// <see cref="TardosCode.ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, IReadOnlyList{byte?}, bool)"/>
/// and accused above <see cref="AccusationThreshold.For(TardosCode, IReadOnlyList{byte?}, int, double)"/>.
/// Trials run in parallel on all cores.
/// </summary>
internal static class LeakSimulation
{
    public static LeakTally Run(int trials, int population, int sites, int colluders, Attack attack, int? readable, double epsilon, int seed, int? design = null)
    {
        var names = Enumerable.Range(0, population).Select(j => $"partner-{j:000000}").ToArray();
        var caught = 0;
        var leaksWithInnocent = 0;
        var innocents = 0;
        double thresholds = 0, best = 0;
        var gate = new object();
        Parallel.For(0, trials, t =>
        {
            var random = new Random(HashCode.Combine(seed, t));
            var secret = new byte[32];
            random.NextBytes(secret);
            const string artifact = "advisory-under-embargo";
            var code = design is { } d ? TardosCode.ForArtifact(secret, artifact, sites, d) : TardosCode.ForArtifact(secret, artifact, sites);
            var guilty = new HashSet<int>();
            while (guilty.Count < colluders) guilty.Add(random.Next(population));
            var copies = guilty.Select(g => code.CodewordOf(secret, artifact, names[g])).ToArray();
            var read = Forge(copies, sites, attack, random);
            if (readable is { } r)
            {
                var kept = Enumerable.Range(0, sites).OrderBy(_ => random.Next()).Take(r).ToHashSet();
                for (var i = 0; i < sites; i++) if (!kept.Contains(i)) read[i] = null;
            }
            var marks = new ReadMarks(code, read);
            var threshold = AccusationThreshold.For(marks, population, epsilon);
            var scores = code.ScoreAll(secret, artifact, names, marks, parallel: false);
            var accusedInnocents = Enumerable.Range(0, population).Count(j => scores[j] > threshold && !guilty.Contains(j));
            var bestGuilty = guilty.Max(g => scores[g]);
            lock (gate)
            {
                if (bestGuilty > threshold) caught++;
                if (accusedInnocents > 0) leaksWithInnocent++;
                innocents += accusedInnocents;
                thresholds += threshold;
                best += bestGuilty;
            }
        });
        return new LeakTally(trials, caught, leaksWithInnocent, innocents, thresholds / trials, best / trials);
    }

    private static byte?[] Forge(byte[][] copies, int sites, Attack attack, Random random)
    {
        var forged = new byte?[sites];
        var source = random.Next(copies.Length);
        var runLeft = random.Next(1, 7);
        for (var i = 0; i < sites; i++)
        {
            var ones = copies.Count(c => c[i] == 1);
            forged[i] = attack switch
            {
                Attack.Interleave => copies[source][i],
                Attack.Majority => (byte)(2 * ones > copies.Length ? 1 : 2 * ones < copies.Length ? 0 : random.Next(2)),
                _ => ones == 0 || ones == copies.Length ? copies[0][i] : (byte)(2 * ones < copies.Length ? 1 : 2 * ones > copies.Length ? 0 : random.Next(2)),
            };
            if (--runLeft == 0) (source, runLeft) = (random.Next(copies.Length), random.Next(1, 7));
        }
        return forged;
    }
}
