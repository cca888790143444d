using Forewarn.Storage.History;
using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forewarn.Storage;

/// <summary>The provider switch: SQLite by default, PostgreSQL when a connection string is given.</summary>
public static class StoreRegistration
{
    /// <summary>
    /// Registers both providers' contexts; the <see cref="StoreSettings"/> registered by the host
    /// (from its validated options) decide, when first resolved, which one <see cref="ForewarnDb"/> is.
    /// </summary>
    public static IServiceCollection AddForewarnStore(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(sp => new FactHistoryRecorder(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddDbContextPool<PostgresDb>((sp, o) =>
        {
            var settings = sp.GetRequiredService<StoreSettings>();
            Intercepted(sp, o);
            if (settings.ListensForChanges) o.AddInterceptors(new GenerationEcho(sp.GetRequiredService<PostgresGenerationWatch>()));
            ConfigurePostgres(o, settings.PooledConnectionString!);
        });
        services.AddDbContextPool<SqliteDb>((sp, o) => ConfigureSqlite(Intercepted(sp, o), sp.GetRequiredService<StoreSettings>().SqlitePath));
        services.AddScoped<ForewarnDb>(sp => sp.GetRequiredService<StoreSettings>().UsesPostgres ? sp.GetRequiredService<PostgresDb>() : sp.GetRequiredService<SqliteDb>());
        services.AddSingleton<IGenerationProbe>(sp =>
        {
            var settings = sp.GetRequiredService<StoreSettings>();
            if (settings.ListensForChanges) return sp.GetRequiredService<PostgresGenerationWatch>();
            if (settings.UsesPostgres) return new PostgresGenerationProbe(settings.PooledConnectionString!);
            Directory.CreateDirectory(settings.DataDirectory);
            return new SqliteGenerationProbe(SqliteConnectionString(settings.SqlitePath));
        });
        services.AddSingleton(sp => new PostgresGenerationWatch(sp.GetRequiredService<StoreSettings>().PooledConnectionString!,
            sp.GetService<ILogger<PostgresGenerationWatch>>()));
        return services;
    }

    // What the host adds to every unit of work (the server follows up each commit: wakes jobs, waits for the log).
    private static DbContextOptionsBuilder Intercepted(IServiceProvider services, DbContextOptionsBuilder o) =>
        o.AddInterceptors(services.GetServices<IInterceptor>());

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string path) => o.UseSqlite(SqliteConnectionString(path));

    private static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Default, Pooling = true, DefaultTimeout = 30 }.ToString();

    /// <summary>
    /// PostgreSQL with the connection string as given (the server passes its pooled one,
    /// <see cref="StoreSettings.PooledConnectionString"/>); failures that pass are retried, but a
    /// wait for a busy pool is not waited again (<see cref="StoreRetry"/>).
    /// </summary>
    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.ExecutionStrategy(d => new StoreRetry(d)));
}
