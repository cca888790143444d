using Forewarn.Storage;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Releases advisories on time, and announces waves when their time comes. It sleeps until the next coordinated release time, or at most
/// the poll interval, then publishes everything due. What is due is worked out from the store
/// and the clock each time, so a release whose moment passed while no server ran happens at the
/// next start, and a postponement simply moves the next wake-up. Between release times a poll
/// costs one read of the facts generation: the full pass runs only when something changed
/// (on this server or another) or a release time has come.
/// </summary>
public sealed class ReleaseScheduler(ReleasePublisher publisher, WaveAnnouncer waves, ReleaseSignal signal, IGenerationProbe generation,
    ProgramSigningKey signingKey, ProgramPublisher programme, TimeProvider clock, CsafSettings settings, ILogger<ReleaseScheduler> log) : BackgroundService
{
    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private bool toldNoPublisher;

    // Without a publisher no CSAF document can be made; waves must still go out, so say it once and go on.
    private async Task PublishDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await publisher.PublishDueAsync(now, ct);
        }
        catch (PublisherMissingException e)
        {
            if (!toldNoPublisher) log.LogError("An advisory is due for release but its public CSAF document cannot be published: {Reason}", e.Message);
            toldNoPublisher = true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.SchedulerOn)
        {
            log.LogWarning("The release scheduler is off (csaf:scheduler=off): this server publishes nothing at release times");
            return;
        }
        string? seen = null;
        DateTimeOffset? next = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var current = await generation.ReadAsync(stoppingToken);
                // The key exists before "now" is read: a key made during the pass would postdate its signatures.
                if (programme.Current is not null) await signingKey.GetAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (current != seen || next <= now)
                {
                    seen = null;
                    await PublishDueAsync(now, stoppingToken);
                    await waves.AnnounceDueAsync(now, stoppingToken);
                    next = Earliest(await publisher.NextReleaseAsync(now, stoppingToken), await waves.NextWaveAsync(now, stoppingToken));
                    seen = current;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be briefly unavailable: what is due stays due, and the next pass retries.
                log.LogError(e, "Release pass failed; retrying");
                seen = null;
            }
            // Wake at the next release time, or after the poll interval to see other servers' changes.
            var deadline = clock.GetUtcNow() + settings.PollInterval;
            if (next is { } n && n < deadline) deadline = n;
            try
            {
                await signal.WaitUntilAsync(deadline, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
