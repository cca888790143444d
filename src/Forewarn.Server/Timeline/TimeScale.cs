using System.Globalization;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The time axis: moments to x positions. An incident's moments come in clusters far apart (waves over
/// two weeks, a case opened a year later), so a gap wider than a third of the whole span is cut out and
/// drawn as a break; each cluster is linear in its own stretch of the axis, wide in proportion to its span.
/// </summary>
public sealed class TimeScale
{
    /// <summary>A stretch of the axis: moments From..To drawn from X0 to X1.</summary>
    public sealed record Segment(DateTimeOffset From, DateTimeOffset To, float X0, float X1)
    {
        public float X(DateTimeOffset t) =>
            To <= From ? (X0 + X1) / 2 : X0 + (float)((t - From).TotalSeconds / (To - From).TotalSeconds) * (X1 - X0);
    }

    private const float BreakWidth = 26;
    private const float MinSegmentWidth = 160;
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
        TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(91), TimeSpan.FromDays(365),
    ];

    private TimeScale(IReadOnlyList<Segment> segments) => Segments = segments;

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The x positions where the axis is broken (between segments).</summary>
    public IEnumerable<float> Breaks => Segments.Skip(1).Select(s => s.X0 - BreakWidth / 2);

    public static TimeScale Over(IEnumerable<DateTimeOffset> moments, float left, float right)
    {
        var times = moments.Select(t => t.ToUniversalTime()).Distinct().Order().ToList();
        if (times.Count == 0) times.Add(DateTimeOffset.UnixEpoch);
        var span = times[^1] - times[0];
        var clusters = new List<(DateTimeOffset From, DateTimeOffset To)>();
        var start = times[0];
        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] - times[i - 1] <= span / 3 || clusters.Count == 3) continue;
            clusters.Add((start, times[i - 1]));
            start = times[i];
        }
        clusters.Add((start, times[^1]));
        var padded = clusters.Select(c => Pad(c.From, c.To)).ToList();

        // Each cluster gets at least a readable width; the rest is shared in proportion to the spans.
        var usable = right - left - BreakWidth * (padded.Count - 1);
        var spare = Math.Max(0, usable - MinSegmentWidth * padded.Count);
        var total = padded.Sum(c => (c.To - c.From).TotalSeconds);
        var segments = new List<Segment>(padded.Count);
        var x = left;
        foreach (var (from, to) in padded)
        {
            var width = Math.Min(usable, MinSegmentWidth) + (float)(spare * (to - from).TotalSeconds / total);
            segments.Add(new Segment(from, to, x, x + width));
            x += width + BreakWidth;
        }
        return new TimeScale(segments);
    }

    public float X(DateTimeOffset t)
    {
        foreach (var s in Segments)
            if (t <= s.To) return t < s.From ? s.X0 : s.X(t);
        return Segments[^1].X1;
    }

    /// <summary>
    /// Tick moments and their labels: per segment on whole hours or days, at most one per ~90 px (a segment too
    /// short for two gets one at its middle), and none closer than 80 px to the one before, across breaks too.
    /// </summary>
    public IEnumerable<(float X, string Label)> Ticks()
    {
        var last = float.MinValue;
        foreach (var s in Segments)
        {
            var room = Math.Max(1, (int)((s.X1 - s.X0) / 90));
            var step = Steps.FirstOrDefault(st => (s.To - s.From) / st <= room, Steps[^1]);
            var ticks = new List<DateTimeOffset>();
            for (var t = Align(s.From, step); t <= s.To; t = Plus(t, step))
            {
                ticks.Add(t);
                if (t == DateTimeOffset.MaxValue) break;
            }
            if (ticks.Count < 2) (ticks, step) = ([s.From + (s.To - s.From) / 2], TimeSpan.FromDays(1));
            foreach (var t in ticks)
            {
                var x = s.X(t);
                if (x - last < 80) continue;
                last = x;
                yield return (x, t.ToString(step < TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To) Pad(DateTimeOffset from, DateTimeOffset to)
    {
        var pad = TimeSpan.FromTicks(Math.Max((to - from).Ticks / 20, TimeSpan.FromHours(12).Ticks));
        return (Plus(from, -pad), Plus(to, pad));
    }

    /// <summary><paramref name="t"/> moved by <paramref name="by"/>, held at the ends of the calendar (a moment near year 1 or 9999 is still drawn).</summary>
    private static DateTimeOffset Plus(DateTimeOffset t, TimeSpan by) =>
        by >= TimeSpan.Zero
            ? (DateTimeOffset.MaxValue - t < by ? DateTimeOffset.MaxValue : t + by)
            : (t - DateTimeOffset.MinValue < by.Duration() ? DateTimeOffset.MinValue : t + by);

    private static DateTimeOffset Align(DateTimeOffset t, TimeSpan step)
    {
        var unit = step >= TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : step;
        var ticks = t.UtcTicks - t.UtcTicks % unit.Ticks;
        var aligned = new DateTimeOffset(ticks, TimeSpan.Zero);
        return aligned < t ? Plus(aligned, unit) : aligned;
    }
}
