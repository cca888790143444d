using Forewarn.Server.Demo;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Forewarn.Storage.History;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies the provider's migrations, settles the master
/// key and encrypts any secret an older version kept in plain text, loads the demo programme into
/// an empty store (unless <c>demo=false</c>; never into a store that holds anything of a
/// programme), and settles the programme's CSAF publisher.
/// </summary>
public sealed class StoreStartup(IServiceProvider services, StoreSettings settings, IOptions<StoreOptions> options, TimeProvider clock,
    MasterKey masterKey, ProgramSecrets secrets, ProgramPublisher publisher, ILogger<StoreStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.ProviderName == "sqlite")
        {
            // WAL lets readers run while a writer commits; the mode sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        log.LogInformation("Store ready: {Store}", settings.Describe());
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);
        await masterKey.SettleAsync(MasterKeyXmlEncryptor.MasterKeysOf(ring), cancellationToken);
        if (await secrets.SettleAsync(db, cancellationToken) is > 0 and var encrypted)
            log.LogInformation("Encrypted {Count} programme secrets that an earlier version kept in plain text", encrypted);
        if (options.Value.Demo && await DemoProgram.IsEmptyStoreAsync(db, cancellationToken))
        {
            var credentials = await DemoProgram.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
            credentials = credentials with
            {
                Portal = await DemoPortalUsers.AddAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), clock.GetUtcNow(), cancellationToken),
            };
            await FactHistory.ReachBackAsync(db, cancellationToken);
            await credentials.WriteAsync(DemoCredentialsPath(settings), cancellationToken);
            log.LogInformation("Demo programme loaded; keys written to {Path}", DemoCredentialsPath(settings));
        }
        if (await FactHistory.BaselineAsync(db, clock.GetUtcNow(), cancellationToken) is > 0 and var first)
            log.LogInformation("Began the history of {Count} facts (partners, tiers, jurisdictions, advisories, waves)", first);
        await publisher.LoadAsync(db, cancellationToken);
        if (publisher.Current is null)
            log.LogWarning("No CSAF publisher is configured (csaf:publisherName, csaf:publisherNamespace, csaf:contactDetails): " +
                           "this programme cannot publish CSAF documents at release until one is");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string DemoCredentialsPath(StoreSettings settings) => Path.Combine(settings.DataDirectory, "demo-credentials.json");
}
