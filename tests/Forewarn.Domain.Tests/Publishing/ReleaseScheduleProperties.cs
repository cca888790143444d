using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;

namespace Forewarn.Domain.Tests.Publishing;

/// <summary>
/// The release scheduler's rule, run against random histories: clocks that jump by random
/// amounts, postponements, revisions, withdrawals and servers that are down for a while and come
/// back. A pass publishes what <see cref="ReleaseSchedule"/> says is due. Whatever happens:
/// never early, never the same version twice, and never lost once a server runs after the release.
/// </summary>
public sealed class ReleaseScheduleProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private enum Step { Pass, Advance, Postpone, Revise, Withdraw, Down, Up }

    private sealed record Publication(int Version, DateTimeOffset At, DateTimeOffset ReleaseAtThen);

    private static readonly Gen<(Step Step, int Minutes)[]> Histories =
        Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(
            Gen.Elements(Step.Pass, Step.Pass, Step.Advance, Step.Advance, Step.Advance, Step.Postpone, Step.Revise, Step.Withdraw, Step.Down, Step.Up)
                .Zip(Gen.Choose(0, 600), (s, m) => (s, m)), n));

    [Property(MaxTest = 3000)]
    public Property Never_early_never_twice_never_lost() =>
        Prop.ForAll(Histories.ToArbitrary(), Gen.Choose(1, 720).ToArbitrary(), (history, releaseMinutes) =>
        {
            var now = T0;
            var advisory = Advisory.Create("FW-2026-0001", "Overflow", null, ["CVE-2026-1000"], ["Gateway"], null,
                T0.AddMinutes(releaseMinutes), T0, "staff");
            advisory.Schedule(T0, "staff");
            var published = new List<Publication>();
            var up = true;

            void Pass()
            {
                if (!up) return;
                var last = published.Count == 0 ? 0 : published[^1].Version;
                if (ReleaseSchedule.IsDue(advisory, last, now))
                    published.Add(new Publication(ReleaseSchedule.PublicVersionAt(advisory, now), now, advisory.ReleaseAt));
            }

            foreach (var (step, minutes) in history)
            {
                switch (step)
                {
                    case Step.Pass: Pass(); break;
                    case Step.Advance: now = now.AddMinutes(minutes).AddTicks(minutes % 7); break;
                    case Step.Down: up = false; break;
                    // A server that starts runs a pass at once.
                    case Step.Up: up = true; Pass(); break;
                    case Step.Postpone:
                        Try(() => advisory.MoveRelease(now.AddMinutes(minutes + 1), "postponed", now, "staff"));
                        break;
                    case Step.Revise:
                        Try(() => advisory.Revise(advisory.Title, "revised " + minutes, advisory.CveIds, advisory.AffectedProducts, null,
                            "change " + minutes, now, "staff"));
                        break;
                    case Step.Withdraw: Try(() => advisory.Withdraw("withdrawn", now, "staff")); break;
                }
            }

            var neverEarly = published.All(p => p.At >= p.ReleaseAtThen && p.ReleaseAtThen == advisory.ReleaseAt);
            var neverTwice = published.Select(p => p.Version).Zip(published.Select(p => p.Version).Skip(1), (a, b) => a < b).All(x => x);
            var withdrawnFirst = advisory.WithdrawnAt is { } w && w < advisory.ReleaseAt;
            var neverBeforeWithdrawal = !withdrawnFirst || published.Count == 0;

            // Finally a server runs after everything: whatever is due must now be out.
            up = true;
            now = now.AddMinutes(1);
            Pass();
            var expected = ReleaseSchedule.PublicVersionAt(advisory, now);
            var neverLost = expected == 0 ? published.Count == 0 : published[^1].Version == expected;
            var releasedMeansPublished = now < advisory.ReleaseAt || withdrawnFirst || published.Count > 0;

            return (neverEarly && neverTwice && neverBeforeWithdrawal && neverLost && releasedMeansPublished)
                .Label($"release {advisory.ReleaseAt:O}, withdrawn {advisory.WithdrawnAt:O}, now {now:O}, published " +
                       string.Join(", ", published.Select(p => $"v{p.Version}@{p.At:O}")));
        });

    [Fact]
    public void A_revision_after_release_makes_the_next_version_and_one_before_does_not()
    {
        var a = Advisory.Create("FW-2026-0002", "Overflow", null, [], [], null, T0.AddHours(1), T0, "staff");
        a.Schedule(T0, "staff");
        a.Revise("Overflow in parser", null, [], [], null, "title", T0.AddMinutes(30), "staff");
        Assert.Equal(0, ReleaseSchedule.PublicVersionAt(a, T0.AddHours(1).AddTicks(-1)));
        Assert.Equal(1, ReleaseSchedule.PublicVersionAt(a, T0.AddHours(1)));
        a.Revise("Overflow in the parser", null, [], [], null, "title again", T0.AddHours(2), "staff");
        Assert.Equal(1, ReleaseSchedule.PublicVersionAt(a, T0.AddHours(2).AddTicks(-1)));
        Assert.Equal(2, ReleaseSchedule.PublicVersionAt(a, T0.AddHours(2)));
        Assert.Equal(T0.AddHours(1), ReleaseSchedule.NextReleaseAfter([a], T0));
        Assert.Null(ReleaseSchedule.NextReleaseAfter([a], T0.AddHours(1)));
    }

    [Fact]
    public void A_withdrawal_at_the_release_moment_itself_comes_after_the_release()
    {
        var a = Advisory.Create("FW-2026-0003", "Overflow", null, [], [], null, T0.AddHours(1), T0, "staff");
        a.Schedule(T0, "staff");
        Assert.True(ReleaseSchedule.IsDue(a, 0, T0.AddHours(1)));
        a.Withdraw("withdrawn", T0.AddHours(1), "staff");
        Assert.Equal(1, ReleaseSchedule.PublicVersionAt(a, T0.AddHours(1)));

        var b = Advisory.Create("FW-2026-0004", "Overflow", null, [], [], null, T0.AddHours(1), T0, "staff");
        b.Schedule(T0, "staff");
        b.Withdraw("withdrawn", T0.AddHours(1).AddTicks(-1), "staff");
        Assert.Equal(0, ReleaseSchedule.PublicVersionAt(b, T0.AddHours(2)));
    }

    private static void Try(Action change)
    {
        try
        {
            change();
        }
        catch (DomainException)
        {
            // Refused by the domain (e.g. moving a release that has happened): the history goes on.
        }
    }
}
