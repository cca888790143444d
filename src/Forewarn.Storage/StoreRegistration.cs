using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Storage;

/// <summary>The provider switch: SQLite by default, PostgreSQL when a connection string is given.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddForewarnStore(this IServiceCollection services, StoreSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.UsesPostgres)
        {
            services.AddDbContextPool<PostgresDb>((sp, o) => ConfigurePostgres(Intercepted(sp, o), settings.PostgresConnectionString!));
            services.AddScoped<ForewarnDb>(sp => sp.GetRequiredService<PostgresDb>());
            services.AddSingleton<IGenerationProbe>(new PostgresGenerationProbe(settings.PostgresConnectionString!));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDirectory);
            services.AddDbContextPool<SqliteDb>((sp, o) => ConfigureSqlite(Intercepted(sp, o), settings.SqlitePath));
            services.AddScoped<ForewarnDb>(sp => sp.GetRequiredService<SqliteDb>());
            services.AddSingleton<IGenerationProbe>(new SqliteGenerationProbe(SqliteConnectionString(settings.SqlitePath)));
        }
        return services;
    }

    // What the host adds to every unit of work (the server follows up each commit: wakes jobs, waits for the log).
    private static DbContextOptionsBuilder Intercepted(IServiceProvider services, DbContextOptionsBuilder o) =>
        o.AddInterceptors(services.GetServices<IInterceptor>());

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string path) => o.UseSqlite(SqliteConnectionString(path));

    private static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Default, Pooling = true, DefaultTimeout = 30 }.ToString();

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3));
}
