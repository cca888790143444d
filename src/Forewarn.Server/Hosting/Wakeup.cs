namespace Forewarn.Server.Hosting;

/// <summary>
/// Wakes a background worker early: it sleeps until a deadline or until someone on this
/// server pokes it because there is work (the other servers' work it finds by polling).
/// </summary>
public class Wakeup
{
    private readonly SemaphoreSlim poked = new(0, 1);

    public void Poke()
    {
        if (poked.CurrentCount == 0)
        {
            try { poked.Release(); }
            catch (SemaphoreFullException) { /* already poked */ }
        }
    }

    /// <summary>
    /// Waits until poked or until <paramref name="deadline"/> on <paramref name="clock"/>. The
    /// deadline is absolute and checked again once the timer is set, so a clock that jumps while
    /// the timer is being set cannot leave the wait hanging past it.
    /// </summary>
    public async Task WaitUntilAsync(DateTimeOffset deadline, TimeProvider clock, CancellationToken ct)
    {
        var remaining = deadline - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero) return;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(remaining, clock, both.Token);
        var signal = poked.WaitAsync(both.Token);
        if (clock.GetUtcNow() < deadline) await Task.WhenAny(timer, signal);
        await both.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
