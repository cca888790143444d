using Forewarn.Server.Demo;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies the provider's migrations, then loads the
/// demo programme into an empty store (unless <c>demo=false</c>).
/// </summary>
public sealed class StoreStartup(IServiceProvider services, StoreSettings settings, TimeProvider clock, IConfiguration config,
    ILogger<StoreStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.ProviderName == "sqlite")
        {
            // WAL lets readers run while a writer commits; the mode sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        log.LogInformation("Store ready: {Store}", settings.Describe());
        var loadDemo = !string.Equals(config["demo"], "false", StringComparison.OrdinalIgnoreCase);
        if (!loadDemo || await db.Partners.AnyAsync(cancellationToken)) return;
        var credentials = await DemoProgram.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        Directory.CreateDirectory(settings.DataDirectory);
        await credentials.WriteAsync(DemoCredentialsPath(settings), cancellationToken);
        log.LogInformation("Demo programme loaded; keys written to {Path}", DemoCredentialsPath(settings));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string DemoCredentialsPath(StoreSettings settings) => Path.Combine(settings.DataDirectory, "demo-credentials.json");
}
