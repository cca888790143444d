namespace Forewarn.Server.Publishing;

/// <summary>
/// Wakes the release scheduler when this server changed an advisory (a revision after
/// release should be public at once, not at the next poll).
/// </summary>
public sealed class ReleaseSignal
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

    /// <summary>Waits until poked or until <paramref name="delay"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken ct)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, clock, both.Token);
        var signal = poked.WaitAsync(both.Token);
        await Task.WhenAny(timer, signal);
        await both.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
