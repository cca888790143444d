using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forewarn.Storage.Postgres;

/// <summary>The store on PostgreSQL (timestamptz columns, always written in UTC).</summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : ForewarnDb(options)
{
    public override string ProviderName => "postgresql";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
