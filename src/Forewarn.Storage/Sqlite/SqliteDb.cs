using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forewarn.Storage.Sqlite;

/// <summary>The store on an SQLite file (the default).</summary>
public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : ForewarnDb(options)
{
    public override string ProviderName => "sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date type EF can order or compare; UTC ticks in an integer sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
