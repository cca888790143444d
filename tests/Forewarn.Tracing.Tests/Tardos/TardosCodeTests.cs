using Forewarn.Tracing.Tardos;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Tracing.Tests.Tardos;

/// <summary>
/// The fingerprinting code under random populations, collusions and the standard attacks: no
/// innocent recipient is ever accused (the threshold's bound), and the colluders are caught.
/// </summary>
public sealed class TardosCodeTests
{
    private const double Epsilon = 1e-6;

    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static Arbitrary<(int Seed, int Population, int Colluders, Attack Attack)> Leaks() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from population in Gen.Choose(20, 150)
         from colluders in Gen.Choose(1, 4)
         from attack in Gen.Elements(Enum.GetValues<Attack>())
         select (seed, population, colluders, attack)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property No_innocent_recipient_is_ever_accused() =>
        Prop.ForAll(Leaks(), l =>
        {
            var run = CollusionRun.Simulate(l.Seed, l.Population, l.Colluders, l.Attack, Epsilon);
            return !run.InnocentAccused;
        });

    [Fact]
    public void Colluders_are_caught_in_nearly_every_leak_at_twice_the_length_rule()
    {
        var runs = Enumerable.Range(0, 100).Select(i =>
            CollusionRun.Simulate(1000 + i, 40 + i, 1 + i % 4, (Attack)(i % 5), Epsilon, lengthFactor: 2.0)).ToList();
        Assert.All(runs, r => Assert.False(r.InnocentAccused));
        var caught = runs.Count(r => r.GuiltyCaught);
        Assert.True(caught >= 95, $"caught in {caught} of 100 leaks");
    }

    [Fact]
    public void The_same_secret_artifact_and_recipient_give_the_same_codeword_and_others_differ()
    {
        var code = TardosCode.ForArtifact(Secret, "A", 500, 3);
        Assert.Equal(code.Biases, TardosCode.ForArtifact(Secret, "A", 500, 3).Biases);
        Assert.Equal(code.CodewordOf(Secret, "A", "r1"), code.CodewordOf(Secret, "A", "r1"));
        Assert.NotEqual(code.CodewordOf(Secret, "A", "r1"), code.CodewordOf(Secret, "A", "r2"));
        Assert.NotEqual(code.Biases, TardosCode.ForArtifact(Secret, "B", 500, 3).Biases);
        var other = new byte[32];
        Assert.NotEqual(code.Biases, TardosCode.ForArtifact(other, "A", 500, 3).Biases);
        Assert.All(code.Biases, p => Assert.InRange(p, code.Cutoff, 1 - code.Cutoff));
    }

    [Fact]
    public void An_innocent_score_has_mean_zero_and_variance_one_per_site()
    {
        var code = TardosCode.ForArtifact(Secret, "A", 2000, 2);
        var leaked = code.CodewordOf(Secret, "A", "leaker").Select(b => (byte?)b).ToArray();
        var scores = Enumerable.Range(0, 400).Select(j => code.Score(code.CodewordOf(Secret, "A", $"innocent-{j}"), leaked)).ToList();
        var mean = scores.Average();
        var variance = scores.Select(s => (s - mean) * (s - mean)).Average();
        Assert.InRange(mean, -3 * Math.Sqrt(2000.0 / 400) * 1.5, 3 * Math.Sqrt(2000.0 / 400) * 1.5);
        Assert.InRange(variance / 2000, 0.8, 1.2);
        Assert.True(code.Score(code.CodewordOf(Secret, "A", "leaker"), leaked) > AccusationThreshold.For(code, leaked, 400, Epsilon));
    }

    [Fact]
    public void Capacity_follows_the_length_rule_both_ways()
    {
        for (var c = 1; c <= 10; c++)
            Assert.True(AccusationThreshold.ColludersResisted(AccusationThreshold.SitesNeeded(c, 100, Epsilon), 100, Epsilon) >= c);
        Assert.Equal(0, AccusationThreshold.ColludersResisted(10, 100, Epsilon));
    }
}
