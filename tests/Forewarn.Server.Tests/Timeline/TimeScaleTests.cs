using Forewarn.Server.Timeline;

namespace Forewarn.Server.Tests.Timeline;

/// <summary>
/// The timeline's time axis takes any moments the store may hold — down to year 1 and up to 9999, as
/// malformed but accepted input once gave it — and places every one inside the axis, with ticks.
/// </summary>
public sealed class TimeScaleTests
{
    private static void Holds(IReadOnlyList<DateTimeOffset> moments)
    {
        var scale = TimeScale.Over(moments, 200, 1100);
        foreach (var t in moments)
        {
            var x = scale.X(t);
            Assert.InRange(x, 200, 1100);
        }
        var ticks = scale.Ticks().ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.InRange(t.X, 200, 1100));
    }

    [Fact]
    public void The_ends_of_the_calendar_are_drawn()
    {
        var now = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        Holds([DateTimeOffset.MinValue, now]);
        Holds([now, DateTimeOffset.MaxValue]);
        Holds([DateTimeOffset.MinValue, now, DateTimeOffset.MaxValue]);
        Holds([DateTimeOffset.MaxValue]);
        Holds([DateTimeOffset.MinValue]);
        Holds([]);
    }

    [Fact]
    public void Random_moments_all_fall_on_the_axis()
    {
        var random = new Random(20261206);
        var range = DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.MinValue.UtcTicks;
        for (var trial = 0; trial < 300; trial++)
        {
            var near = new DateTimeOffset(2025, 7, 7, 0, 0, 0, TimeSpan.Zero);
            var moments = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(4) switch
            {
                0 => new DateTimeOffset(DateTimeOffset.MinValue.UtcTicks + random.NextInt64(range), TimeSpan.Zero),
                1 => near + TimeSpan.FromMinutes(random.Next(-100_000, 100_000)),
                2 => near + TimeSpan.FromDays(random.Next(-800, 800)),
                _ => random.Next(2) == 0 ? DateTimeOffset.MaxValue : DateTimeOffset.MinValue,
            }).ToList();
            Holds(moments);
        }
    }
}
