using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>
/// An advisory taken through random steps (schedule, waves, notices, revisions, release moves,
/// withdrawal) exports valid documents at any moment, and the public version is the one the
/// release schedule counts.
/// </summary>
public sealed class ExportProperties
{
    private enum Step { Schedule, Wave, Notice, Revise, Move, Withdraw }

    private static readonly string?[] Vectors = [null, Fixture.V31, Fixture.V40, "CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N"];
    private static readonly TlpLabel[] Labels = Enum.GetValues<TlpLabel>();

    // Withdrawal ends a story, so it is drawn less often than the other steps.
    private static readonly Step[] StepMix =
        [Step.Schedule, Step.Schedule, Step.Wave, Step.Wave, Step.Notice, Step.Revise, Step.Revise, Step.Move, Step.Withdraw];

    private static readonly Arbitrary<(Step Step, int Hours)[]> Steps = Arb.From(
        Gen.Zip(Gen.Elements(StepMix), Gen.Choose(1, 96)).ArrayOf());

    private sealed record Story(Advisory Advisory, IReadOnlyList<Wave> Waves, DateTimeOffset End);

    private static Story Play((Step Step, int Hours)[] steps, int seed)
    {
        var now = Fixture.Now;
        var details = AdvisoryDetails.Empty with { Tlp = Labels[seed % Labels.Length] };
        var a = Fixture.Draft(vector: Vectors[seed % Vectors.Length], cves: seed % 3 == 0 ? [] : ["CVE-2026-1001"],
            products: seed % 5 == 0 ? [] : null, details: details);
        var waves = new List<Wave>();
        foreach (var (step, hours) in steps)
        {
            now = now.AddHours(hours);
            try
            {
                switch (step)
                {
                    case Step.Schedule: a.Schedule(now, "staff"); break;
                    case Step.Wave: waves.Add(Fixture.Wave(a, waves, waves.Count == 0 ? WaveKind.Initial : WaveKind.Update, now.AddHours(hours % 48), now)); break;
                    case Step.Notice: waves.Add(Wave.Notice(a, waves, "The release moved.", now)); break;
                    case Step.Revise:
                        a.Revise(a.Title, $"Revised at {now:O}", a.CveIds, a.AffectedProducts, a.CvssVector, $"Revision after {hours} h", now, "staff");
                        break;
                    case Step.Move: a.MoveRelease(now.AddHours(hours * 2), "Vendor needs more time", now, "staff"); break;
                    case Step.Withdraw: a.Withdraw("Not a vulnerability", now, "staff"); break;
                }
            }
            catch (DomainException)
            {
                // A step the advisory's state refuses is simply not taken.
            }
        }
        return new Story(a, waves, now.AddDays(30));
    }

    [Fact]
    public void The_stories_reach_every_state()
    {
        var stories = Steps.Generator.Sample(300, 30).Select((steps, i) => Play(steps, i)).ToList();

        Assert.Contains(stories, s => s.Advisory.ScheduledAt is null);
        Assert.Contains(stories, s => s.Waves.Count >= 2 && s.Advisory.WithdrawnAt is null);
        Assert.Contains(stories, s => s.Waves.Any(w => w.Kind == WaveKind.Notice));
        Assert.Contains(stories, s => s.Advisory.WithdrawnAt is not null);
        Assert.Contains(stories, s => ReleaseSchedule.PublicVersionAt(s.Advisory, s.End) > 1);
    }

    [Property(MaxTest = 150)]
    public Property Embargoed_exports_are_valid_at_any_time() =>
        Prop.ForAll(Steps, Arb.From(Gen.Choose(0, 1000)), Arb.From(Gen.Choose(0, 2000)), (steps, seed, hour) =>
        {
            var story = Play(steps, seed);
            var at = Fixture.Now.AddHours(hour);
            Validity.Assert(CsafExport.Embargoed(story.Advisory, story.Waves, Fixture.Publisher, at));
        });

    [Property(MaxTest = 150)]
    public Property Public_exports_are_valid_and_carry_the_scheduled_version() =>
        Prop.ForAll(Steps, Arb.From(Gen.Choose(0, 1000)), Arb.From(Gen.Choose(0, 2000)), (steps, seed, hour) =>
        {
            var story = Play(steps, seed);
            var at = story.Advisory.ReleaseAt.AddHours(hour);
            var d = CsafExport.Public(story.Advisory, Fixture.Publisher, at);
            Validity.Assert(d);
            var expected = ReleaseSchedule.PublicVersionAt(story.Advisory, at);
            var version = int.Parse((string)d["document"]!["tracking"]!["version"]!, System.Globalization.CultureInfo.InvariantCulture);
            return expected == 0 || version == expected;
        });
}
