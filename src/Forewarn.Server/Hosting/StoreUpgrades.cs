using Forewarn.Server.Keys;
using Forewarn.Storage;

namespace Forewarn.Server.Hosting;

/// <summary>
/// One-off changes a new version makes to an older store's records, each logged and each done
/// once per store. They run once the transparency log takes entries (so their saves are logged
/// and not left waiting) and before the server takes requests.
/// </summary>
public sealed class StoreUpgrades(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StoreUpgrades> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        if (await InvestigationScopeUpgrade.RunAsync(db, clock.GetUtcNow(), cancellationToken) is > 0 and var granted)
            log.LogInformation("Gave {Count} staff keys the staff:investigate scope their staff:read scope used to imply", granted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
