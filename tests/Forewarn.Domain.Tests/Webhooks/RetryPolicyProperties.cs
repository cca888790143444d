using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Domain.Tests.Webhooks;

/// <summary>Backoff grows, is capped, jitters within its bounds, and ends in the dead letter after the limit.</summary>
public sealed class RetryPolicyProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy P = RetryPolicy.Default;

    [Property(MaxTest = 2000)]
    public Property The_next_attempt_lies_within_the_jitter_of_the_capped_exponential_delay() =>
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, 999_999).ToArbitrary(), (failed, r) =>
        {
            var next = P.NextAttemptAt(failed, T0, r / 1_000_000.0);
            if (failed >= P.MaxAttempts) return (next is null).Label("dead after the limit");
            var delay = next!.Value - T0;
            var baseDelay = P.BaseDelay(failed);
            return (delay >= baseDelay * (1 - P.Jitter) - TimeSpan.FromTicks(1)
                    && delay <= baseDelay * (1 + P.Jitter) + TimeSpan.FromTicks(1)
                    && baseDelay <= P.Cap && delay > TimeSpan.Zero)
                .Label($"failed {failed}, delay {delay}, base {baseDelay}");
        });

    [Property(MaxTest = 500)]
    public Property Base_delays_never_shrink() =>
        Prop.ForAll(Gen.Choose(1, 60).ToArbitrary(), n => P.BaseDelay(n + 1) >= P.BaseDelay(n));

    [Fact]
    public void The_default_starts_at_ten_seconds_doubles_and_stops_at_six_hours()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), P.BaseDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(20), P.BaseDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(40), P.BaseDelay(3));
        Assert.Equal(TimeSpan.FromHours(6), P.BaseDelay(20));
        Assert.Equal(T0.AddSeconds(8), P.NextAttemptAt(1, T0, 0));
        Assert.Equal(T0.AddSeconds(12), P.NextAttemptAt(1, T0, 1));
        Assert.Null(P.NextAttemptAt(P.MaxAttempts, T0, 0.5));
    }
}
