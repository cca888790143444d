namespace Forewarn.Domain.Webhooks;

/// <summary>
/// When a failed webhook delivery is tried again: exponential backoff from <see cref="First"/>,
/// multiplied by <see cref="Factor"/> per failure up to <see cref="Cap"/>, spread by ±<see cref="Jitter"/>
/// so that endpoints which failed together do not retry together; after
/// <see cref="MaxAttempts"/> attempts the delivery is dead-lettered.
/// </summary>
public sealed record RetryPolicy(TimeSpan First, double Factor, TimeSpan Cap, int MaxAttempts, double Jitter)
{
    /// <summary>10 s, 20 s, 40 s … capped at 6 h, ±20 %, 12 attempts (about a day and a half in all).</summary>
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(10), 2, TimeSpan.FromHours(6), 12, 0.2);

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1, without jitter.</summary>
    public TimeSpan BaseDelay(int failedAttempts)
    {
        var exponent = Math.Max(0, failedAttempts - 1);
        var seconds = First.TotalSeconds * Math.Pow(Factor, Math.Min(exponent, 60));
        return seconds >= Cap.TotalSeconds ? Cap : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// When to try again after the <paramref name="failedAttempts"/>-th failed attempt at
    /// <paramref name="failedAt"/>, or null when the delivery is to be dead-lettered.
    /// <paramref name="random"/> in [0, 1) picks the jitter (injected, so tests choose it).
    /// </summary>
    public DateTimeOffset? NextAttemptAt(int failedAttempts, DateTimeOffset failedAt, double random)
    {
        if (failedAttempts >= MaxAttempts) return null;
        var spread = 1 - Jitter + 2 * Jitter * Math.Clamp(random, 0, 1);
        return failedAt + TimeSpan.FromTicks((long)(BaseDelay(failedAttempts).Ticks * spread));
    }
}
