using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Forewarn.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDb>
{
    public SqliteDb CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteDb>();
        StoreRegistration.ConfigureSqlite(b, "design.db");
        return new SqliteDb(b.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDb>
{
    public PostgresDb CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresDb>();
        StoreRegistration.ConfigurePostgres(b, "Host=localhost;Database=forewarn_design");
        return new PostgresDb(b.Options);
    }
}
