using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
            services.AddDbContextPool<PostgresDb>(o => ConfigurePostgres(o, settings.PostgresConnectionString!));
            services.AddScoped<ForewarnDb>(sp => sp.GetRequiredService<PostgresDb>());
            services.AddSingleton<IGenerationProbe>(new PostgresGenerationProbe(settings.PostgresConnectionString!));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDirectory);
            services.AddDbContextPool<SqliteDb>(o => ConfigureSqlite(o, settings.SqlitePath));
            services.AddScoped<ForewarnDb>(sp => sp.GetRequiredService<SqliteDb>());
            services.AddSingleton<IGenerationProbe>(new SqliteGenerationProbe(SqliteConnectionString(settings.SqlitePath)));
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string path) => o.UseSqlite(SqliteConnectionString(path));

    private static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Default, Pooling = true, DefaultTimeout = 30 }.ToString();

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3));
}
