using Forewarn.Domain.Keys;
using Forewarn.Domain.Staff;
using Forewarn.Storage;
using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Forewarn.Server.Tests.Approvals;

/// <summary>
/// A store from before staff members: its staff keys all go to one member on upgrade, so they
/// cannot approve each other's proposals; partner keys get none. On SQLite, and on PostgreSQL when the suite runs there.
/// </summary>
public sealed class StaffMembersUpgradeTests
{
    private const string Before = "DataProtectionKeys";

    /// <summary>On the suite's store: PostgreSQL when FOREWARN_TEST_POSTGRES is set, else an SQLite file.</summary>
    [Fact]
    public async Task Staff_keys_of_an_older_store_belong_to_one_member_after_the_upgrade()
    {
        var admin = Environment.GetEnvironmentVariable("FOREWARN_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            var path = Path.Combine(Path.GetTempPath(), "forewarn-tests", $"upgrade-{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                var options = new DbContextOptionsBuilder<SqliteDb>();
                StoreRegistration.ConfigureSqlite(options, path);
                await using var db = new SqliteDb(options.Options);
                await UpgradeAsync(db, "'{0}'", "{0}");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(path);
            }
            return;
        }
        var name = "fw_upgrade_" + Guid.NewGuid().ToString("N")[..16];
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 4 }.ToString();
        try
        {
            await using var db = new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(connection).Options);
            await UpgradeAsync(db, "'{0}'::uuid", "'{0}'::timestamptz");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task UpgradeAsync(ForewarnDb db, string uuid, string time)
    {
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Last(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        var staffKeys = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var at = db.ProviderName == "sqlite"
            ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUniversalTime().UtcDateTime.ToBinary().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, time, "2026-01-01T00:00:00Z");
        var i = 0;
        foreach (var id in staffKeys)
        {
            i++;
            var sql = "INSERT INTO api_keys (\"Id\", \"Prefix\", \"SecretHash\", \"Owner\", \"PartnerId\", \"Name\", \"Scopes\", \"CreatedAt\", \"ExpiresAt\", \"RevokedAt\", \"CreatedBy\") " +
                      $"VALUES ({string.Format(System.Globalization.CultureInfo.InvariantCulture, uuid, db.ProviderName == "sqlite" ? id.ToString().ToUpperInvariant() : id)}, " +
                      $"'00000000000{i}', '{new string('a', 64)}', 'Staff', NULL, 'ops {i}', '[\"staff:read\",\"staff:write\"]', {at}, {at}, NULL, 'staff:someone')";
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await db.Database.MigrateAsync();

        var members = await db.StaffMembers.AsNoTracking().ToListAsync();
        var earlier = Assert.Single(members);
        Assert.Equal(StaffMember.Earlier, earlier.Id);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Equal(StaffMember.Earlier, k.MemberId));
        Assert.All(keys, k => Assert.Equal(KeyOwner.Staff, k.Owner));
    }
}
