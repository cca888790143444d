using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Investigations;

namespace Forewarn.Domain.Tests.Investigations;

/// <summary>
/// The suspicion model's promises, on random programmes: with nobody leaking, partners are flagged
/// no more often than the stated false-alarm rate; the p-value is the exact chance the model
/// describes; a repeat leaker is flagged; one appearance never is.
/// </summary>
public sealed class SuspicionProperties
{
    private static Arbitrary<(int Seed, int Population, int Incidents, int LargestShare)> Programmes() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from population in Gen.Choose(2, 150)
         from incidents in Gen.Choose(1, 40)
         from largestShare in Gen.Choose(1, 100)
         select (seed, population, incidents, largestShare)).ToArbitrary();

    [Property(MaxTest = 20)]
    public Property With_no_leaker_anyone_is_flagged_in_at_most_the_false_alarm_rate_of_analyses() =>
        Prop.ForAll(Programmes(), c =>
        {
            // A loose rate so that a wrong null model would show; no minimum appearances, so that the
            // p-values alone are tested, not the rule that protects single appearances.
            const double rate = 0.2;
            const int trials = 300;
            var settings = new SuspicionSettings(rate, 1, SuspicionWeights.Default);
            var random = new Random(c.Seed);
            var partners = RandomIncidents.Partners(c.Population);
            var largest = Math.Max(1, c.Population * c.LargestShare / 100);
            var analysesWithAFlag = 0;
            for (var t = 0; t < trials; t++)
            {
                var incidents = RandomIncidents.Programme(random, partners, c.Incidents, largest);
                if (SuspicionModel.Assess(incidents, c.Population, settings).Any(s => s.Flagged)) analysesWithAFlag++;
            }
            // Three standard deviations of a binomial at the rate.
            var allowed = rate * trials + 3 * Math.Sqrt(trials * rate * (1 - rate));
            return (analysesWithAFlag <= allowed).Label($"{analysesWithAFlag} of {trials} analyses flagged someone (allowed {allowed:0})");
        });

    [Property(MaxTest = 200)]
    public Property The_p_value_is_the_exact_chance_of_the_score_under_the_null_model() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (seed, population, count) =>
        {
            var random = new Random(seed);
            var partners = RandomIncidents.Partners(population);
            var incidents = RandomIncidents.Programme(random, partners, count, population);
            var results = SuspicionModel.Assess(incidents, population, SuspicionSettings.Default);
            return results.All(r => Math.Abs(r.PValue - Enumerated(incidents, r.Score)) < 1e-12)
                .Label(string.Join("; ", results.Select(r => $"{r.Score}: {r.PValue} vs {Enumerated(incidents, r.Score)}")));
        });

    [Property(MaxTest = 50)]
    public Property A_repeat_leaker_in_every_set_is_flagged_after_twenty_incidents_and_not_after_one() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (seed, largest) =>
        {
            var random = new Random(seed);
            var partners = RandomIncidents.Partners(1000);
            var leaker = partners[random.Next(partners.Length)];
            var incidents = new List<Incident>();
            bool FlaggedNow() => SuspicionModel.For(leaker, incidents, partners.Length, SuspicionSettings.Default).Flagged;
            var afterOne = false;
            for (var i = 0; i < 20; i++)
            {
                // The leaker fetched something (a leaker needs the detail); the others are chance.
                var planted = new Suspect(leaker, random.Next(2) == 0 ? Holding.FetchedOther : Holding.FetchedPoc);
                incidents.Add(RandomIncidents.Draw(random, partners, random.Next(1, largest + 1), $"incident {i}", planted));
                if (i == 0) afterOne = FlaggedNow();
            }
            return (!afterOne && FlaggedNow()).Label($"after one: {afterOne}; {SuspicionModel.For(leaker, incidents, partners.Length, SuspicionSettings.Default)}");
        });

    [Property(MaxTest = 200)]
    public Property One_appearance_is_never_flagged_however_strong() =>
        Prop.ForAll(Programmes(), c =>
        {
            var random = new Random(c.Seed);
            var partners = RandomIncidents.Partners(c.Population);
            var incidents = RandomIncidents.Programme(random, partners, c.Incidents, Math.Max(1, c.Population * c.LargestShare / 100));
            // An outsider accused alone, once, among a million partners: far below the threshold, still not a pattern.
            var outsider = Guid.NewGuid();
            var accusation = new Incident("the accusation", 1_000_000, [new Suspect(outsider, Holding.Accused)]);
            var alone = SuspicionModel.For(outsider, [accusation], c.Population + 1, SuspicionSettings.Default);
            var results = SuspicionModel.Assess(incidents, c.Population, SuspicionSettings.Default with { FalseAlarmRate = 0.5 });
            return (results.Where(r => r.Appearances < 2).All(r => !r.Flagged) && alone.PValue < alone.Threshold && !alone.Flagged)
                .Label($"{alone}");
        });

    /// <summary>The chance of a score at least <paramref name="score"/>, by walking every way the sets could have fallen on one partner.</summary>
    private static double Enumerated(IReadOnlyList<Incident> incidents, int score)
    {
        double Walk(int i, int sum) => i == incidents.Count
            ? (sum >= score ? 1 : 0)
            : Walk(i + 1, sum) * (1 - (double)incidents[i].Suspects.Count / incidents[i].Population)
              + incidents[i].Suspects.Sum(s => Walk(i + 1, sum + SuspicionWeights.Default.Of(s.Holding)) / incidents[i].Population);
        return Walk(0, 0);
    }
}
