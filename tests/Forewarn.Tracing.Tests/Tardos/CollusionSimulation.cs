using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Tests.Tardos;

/// <summary>The standard collusion attacks on a binary code, under the marking assumption.</summary>
public enum Attack
{
    /// <summary>Line by line from different copies (runs of 1–6 sites from one colluder).</summary>
    Interleave,
    Majority,
    Minority,
    RandomPerMark,
    /// <summary>Majority, then a share of the marks deleted (unreadable).</summary>
    MajorityWithDeletion,
}

/// <summary>One simulated leak: a population, a code, a collusion, an attack, and the accusation.</summary>
public sealed record CollusionRun(int Population, int Colluders, int Sites, Attack Attack, IReadOnlyList<int> Accused,
    IReadOnlySet<int> Guilty, double Threshold, int Read)
{
    public bool InnocentAccused => Accused.Any(a => !Guilty.Contains(a));
    public bool GuiltyCaught => Accused.Any(Guilty.Contains);

    /// <summary>
    /// One leak: <paramref name="lengthFactor"/> times the length rule's sites (or exactly
    /// <paramref name="sites"/>), a code designed against the colluders (or <paramref name="design"/>),
    /// colluders drawn at random, every recipient scored with <see cref="TardosCode.ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, IReadOnlyList{byte?}, bool)"/>.
    /// </summary>
    public static CollusionRun Simulate(int seed, int population, int colluders, Attack attack, double epsilon, double lengthFactor = 1.0,
        int? sites = null, int? design = null)
    {
        var random = new Random(seed);
        var secret = new byte[32];
        random.NextBytes(secret);
        var m = sites ?? (int)(AccusationThreshold.SitesNeeded(colluders, population, epsilon) * lengthFactor);
        var artifact = $"artifact-{seed}";
        var code = TardosCode.ForArtifact(secret, artifact, m, design ?? colluders);
        var names = Enumerable.Range(0, population).Select(j => $"recipient-{j}").ToArray();
        var guilty = Enumerable.Range(0, population).OrderBy(_ => random.Next()).Take(colluders).ToHashSet();
        var copies = guilty.Select(g => code.CodewordOf(secret, artifact, names[g])).ToArray();
        var read = Forge(copies, m, attack, random);
        var threshold = AccusationThreshold.For(code, read, population, epsilon);
        var scores = code.ScoreAll(secret, artifact, names, read, parallel: false);
        var accused = Enumerable.Range(0, population).Where(j => scores[j] > threshold).ToList();
        return new CollusionRun(population, colluders, m, attack, accused, guilty, threshold, read.Count(r => r is not null));
    }

    private static byte?[] Forge(byte[][] copies, int sites, Attack attack, Random random)
    {
        var forged = new byte?[sites];
        var source = 0;
        var runLeft = 0;
        for (var i = 0; i < sites; i++)
        {
            var ones = copies.Count(c => c[i] == 1);
            if (ones == 0 || ones == copies.Length)
            {
                forged[i] = copies[0][i]; // the colluders cannot see a site where their copies agree
                if (attack == Attack.Interleave && --runLeft <= 0) { source = random.Next(copies.Length); runLeft = random.Next(1, 7); }
                continue;
            }
            forged[i] = attack switch
            {
                Attack.Interleave => copies[source][i],
                Attack.Majority or Attack.MajorityWithDeletion => (byte)(2 * ones > copies.Length ? 1 : 2 * ones < copies.Length ? 0 : random.Next(2)),
                Attack.Minority => (byte)(2 * ones < copies.Length ? 1 : 2 * ones > copies.Length ? 0 : random.Next(2)),
                _ => copies[random.Next(copies.Length)][i],
            };
            if (attack == Attack.Interleave && --runLeft <= 0) { source = random.Next(copies.Length); runLeft = random.Next(1, 7); }
        }
        if (attack == Attack.MajorityWithDeletion)
            for (var i = 0; i < sites; i++) if (random.NextDouble() < 0.3) forged[i] = null;
        return forged;
    }
}
