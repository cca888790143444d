using Forewarn.Tracing.Tardos;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Tracing.Tests.Tardos;

/// <summary>
/// The threshold is a bound: over random secrets, populations, designs and read patterns, the
/// share of leaks in which anyone innocent is accused stays below ε (checked by Monte Carlo at a
/// loose ε); the design rule grows with the sites; and the lone-leaker case holds.
/// </summary>
public sealed class AccusationBoundTests
{
    private enum Pattern { OutsidersCopy, RandomBits, AllOnes, RareVariant }

    private static Arbitrary<(int Seed, int Population, int Sites, int Design, double ReadShare, Pattern Pattern)> Cases() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from population in Gen.Choose(100, 800)
         from sites in Gen.Choose(5, 300)
         from design in Gen.Choose(1, 10)
         from readShare in Gen.Choose(10, 100)
         from pattern in Gen.Elements(Enum.GetValues<Pattern>())
         select (seed, population, sites, design, readShare / 100.0, pattern)).ToArbitrary();

    [Property(MaxTest = 10)]
    public Property Innocents_are_accused_in_at_most_an_epsilon_share_of_leaks() =>
        Prop.ForAll(Cases(), c =>
        {
            const double epsilon = 0.05;
            const int trials = 300;
            var random = new Random(c.Seed);
            var names = Enumerable.Range(0, c.Population).Select(j => $"innocent-{j}").ToArray();
            var leaksAccusingSomeone = 0;
            for (var t = 0; t < trials; t++)
            {
                var secret = new byte[32];
                random.NextBytes(secret);
                var code = TardosCode.ForArtifact(secret, "a", c.Sites, c.Design);
                var outsider = code.CodewordOf(secret, "a", "the-leaker-is-none-of-them");
                var read = new byte?[c.Sites];
                for (var i = 0; i < c.Sites; i++)
                {
                    if (random.NextDouble() >= c.ReadShare) continue;
                    read[i] = c.Pattern switch
                    {
                        Pattern.OutsidersCopy => outsider[i],
                        Pattern.RandomBits => (byte)random.Next(2),
                        Pattern.AllOnes => 1,
                        _ => (byte)(code.Biases[i] < 0.5 ? 1 : 0),
                    };
                }
                var threshold = AccusationThreshold.For(code, read, c.Population, epsilon);
                if (code.ScoreAll(secret, "a", names, read, parallel: false).Any(s => s > threshold)) leaksAccusingSomeone++;
            }
            return leaksAccusingSomeone <= epsilon * trials;
        });

    [Fact]
    public void The_design_grows_with_the_sites_and_the_length_rule_with_the_colluders()
    {
        var previous = 1;
        for (var sites = 0; sites <= 40_000; sites += 37)
        {
            var design = TardosCode.DesignColluders(sites);
            Assert.InRange(design, previous, BiasDistribution.MaxDesign);
            previous = design;
        }
        Assert.Equal(1, TardosCode.DesignColluders(88));
        Assert.Equal(2, TardosCode.DesignColluders(500));
        Assert.Equal(3, TardosCode.DesignColluders(1500));
        foreach (var population in new[] { 10, 1000, 100_000 })
            for (var c = 1; c < BiasDistribution.MaxDesign; c++)
                Assert.True(AccusationThreshold.SitesNeeded(c, population, 1e-6) < AccusationThreshold.SitesNeeded(c + 1, population, 1e-6), $"c = {c}");
        // A lone leaker: log(N/ε)/ln 2 marks at p = 1/2 (34 for 10,000 recipients at 10⁻⁶).
        Assert.Equal(34, AccusationThreshold.SitesNeeded(1, 10_000, 1e-6));
    }

    [Fact]
    public void A_lone_leaker_among_10000_is_named_from_40_marks_and_no_one_else()
    {
        var names = Enumerable.Range(0, 10_000).Select(j => $"partner-{j:00000}").ToArray();
        var random = new Random(40);
        for (var trial = 0; trial < 5; trial++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            var code = TardosCode.ForArtifact(secret, "advisory", 500);
            var leaker = random.Next(names.Length);
            var copy = code.CodewordOf(secret, "advisory", names[leaker]);
            var read = new byte?[500];
            foreach (var i in Enumerable.Range(0, 500).OrderBy(_ => random.Next()).Take(40)) read[i] = copy[i];
            var threshold = AccusationThreshold.For(code, read, names.Length, 1e-6);
            var scores = code.ScoreAll(secret, "advisory", names, read);
            Assert.Equal([leaker], Enumerable.Range(0, names.Length).Where(j => scores[j] > threshold));
        }
    }

    [Theory]
    [InlineData(Attack.Minority)]
    [InlineData(Attack.Majority)]
    [InlineData(Attack.Interleave)]
    [InlineData(Attack.RandomPerMark)]
    public void More_colluders_than_designed_for_accuse_no_innocent(Attack attack)
    {
        for (var run = 0; run < 20; run++)
        {
            var leak = CollusionRun.Simulate(700 + run, 200, 3 + run % 4, attack, 1e-6, sites: 300, design: TardosCode.DesignColluders(300));
            Assert.False(leak.InnocentAccused, $"run {run}");
        }
    }
}
