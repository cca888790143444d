using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Auth;

/// <summary>
/// At the end of each record window, writes one <c>auth.failures</c> log entry per real key that
/// failed at least <c>auth:recordAfterFailures</c> times in it (fewer is a typo, not an attack).
/// The entry names the key, the count, the window and the sources' networks; the whole addresses
/// go only to the server's own log, which the operator keeps as long as their rules allow. On
/// shutdown the open window is written as far as it went. Each server writes its own entries.
/// </summary>
public sealed class FailedKeyRecorder(
    FailedKeyAttempts attempts, IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider clock,
    ILogger<FailedKeyRecorder> logger) : BackgroundService
{
    private readonly List<FailedKeyWindow> _unwritten = [];

    /// <summary>How often ended windows are looked for, on the machine's clock.</summary>
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A plain one-second check against the programme's clock rather than a timer on it: the
        // check costs a lock and an (almost always empty) scan, and a clock that jumps (a test's,
        // or a corrected system clock) needs no timer arithmetic to close every window it passed.
        using var timer = new PeriodicTimer(Check);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await WriteAsync(attempts.TakeEnded(clock.GetUtcNow()), stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(attempts.TakeEnded(clock.GetUtcNow(), everything: true), cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<FailedKeyWindow> ended, CancellationToken ct)
    {
        _unwritten.AddRange(ended.Where(w => w.Failures >= options.Value.RecordAfterFailures));
        if (_unwritten.Count == 0) return;
        foreach (var w in _unwritten)
            logger.LogWarning("{Failures} failed authentications against key {Prefix} from {Sources} sources between {From:u} and {To:u}, e.g. {SomeSources}",
                w.Failures, w.Prefix, w.Sources, w.From, w.To, string.Join(", ", w.SomeSources));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            foreach (var w in _unwritten) db.Stage(LogEvents.AuthFailures(w));
            await db.SaveChangesAsync(ct);
            _unwritten.Clear();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept for the next window's pass: a store that is briefly away loses no record.
            logger.LogError(e, "Could not record {Count} auth.failures entries; will try again at the next window", _unwritten.Count);
        }
    }
}
