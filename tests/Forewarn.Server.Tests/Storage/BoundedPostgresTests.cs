using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Npgsql;

namespace Forewarn.Server.Tests.Storage;

/// <summary>
/// PostgreSQL under ordinary load (issue 13, finding 7): two servers on one database that admits
/// only a few more sessions than their two pools, 200 downloads at once against each — every one
/// served, never more sessions than the pools hold, room left for an operator's session, and the
/// sessions given back after. Runs when FOREWARN_TEST_POSTGRES is set. The limit is a role's
/// CONNECTION LIMIT (PostgreSQL does not hold superusers to one), standing in for a server's
/// max_connections without touching the shared cluster's settings.
/// </summary>
public sealed class BoundedPostgresTests
{
    private const int Pool = 10;
    private const int InFlight = 200;

    // Each server's pool and its one listening session (PostgresGenerationWatch), and two more:
    // one for the operator's session this test opens, one spare.
    private const int PerServer = Pool + 1;
    private const int Limit = 2 * PerServer + 2;

    [Fact]
    public async Task Two_servers_under_200_downloads_each_serve_every_one_within_their_pools_and_give_the_sessions_back()
    {
        var f = new ForewarnFactory(fromTemplate: false);
        if (!f.OnPostgres)
        {
            await f.DisposeAsync();
            return;
        }
        var role = "fw_pool_" + Guid.NewGuid().ToString("N")[..12];
        var password = Guid.NewGuid().ToString("N");
        await ExecuteAsync(f.PostgresAdmin!, $"CREATE ROLE {role} LOGIN PASSWORD '{password}' CONNECTION LIMIT {Limit}");
        SecondServer? second = null;
        try
        {
            // The servers connect as the limited role, to a database it owns (its first start migrates it and loads the demo).
            await ExecuteAsync(f.PostgresAdmin!, $"CREATE DATABASE \"{f.PostgresDatabase}\" OWNER {role}");
            var asRole = new NpgsqlConnectionStringBuilder(f.PostgresConnectionString) { Username = role, Password = password };
            asRole.Remove("Maximum Pool Size"); // the setting sizes the pool
            f.Settings["database"] = asRole.ConnectionString;
            f.Settings["databasePool"] = $"{Pool}";
            // Two servers in one test process would share one Npgsql pool (one per connection string):
            // an application name of its own gives the second its own pool, as its own process would have.
            second = new SecondServer(f);
            second.Settings["database"] = new NpgsqlConnectionStringBuilder(asRole.ConnectionString) { ApplicationName = "forewarn-second" }.ConnectionString;
            second.Settings["databasePool"] = $"{Pool}";

            var trusted = f.PartnerInfo(DemoFacts.Trusted);
            var downloads = await OpenArtifactsAsync(f.WithKey(trusted.ApiKey));
            var clients = new[] { f.WithKey(trusted.ApiKey), second.WithKey(trusted.ApiKey) };
            Assert.Equal(HttpStatusCode.OK, (await clients[1].GetAsync(downloads[0])).StatusCode);

            using var loaded = new CancellationTokenSource();
            var watching = WatchAsync(f.PostgresAdmin!, role, loaded.Token);
            var load = clients.SelectMany(c => Enumerable.Range(0, InFlight).Select(i => StatusAsync(c, downloads[i % downloads.Count]))).ToList();
            // An operator's session while the load runs: the pools leave room for it.
            await Task.Delay(100);
            var operatorSession = await SessionCountAsync(asRole.ConnectionString, role);
            var statuses = await Task.WhenAll(load);
            await loaded.CancelAsync();
            var mostHeld = await watching;

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.InRange(mostHeld, 1, 2 * PerServer);
            Assert.NotNull(operatorSession);
            // Given back: each server keeps at most its pool and its listener (idle sessions close after the pool's idle lifetime).
            Assert.InRange(await SessionCountAsync(f.PostgresAdmin!, role) ?? int.MaxValue, 0, 2 * PerServer);
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            await f.DisposeAsync();
            await ExecuteAsync(f.PostgresAdmin!, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task<List<string>> OpenArtifactsAsync(HttpClient partner)
    {
        var inbox = await partner.GetJson("/api/v1/me/advisories");
        var open = inbox.AsArray().SelectMany(a => a!["artifacts"]!.AsArray()).Where(x => (bool)x!["open"]!)
            .Select(x => $"/api/v1/me/artifacts/{(string)x!["id"]!}/content").ToList();
        Assert.NotEmpty(open);
        return open;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private const string OperatorName = "operator";

    /// <summary>The most sessions the servers (the role, but not the operator) held at once, looked at every few milliseconds until cancelled.</summary>
    private static async Task<int> WatchAsync(string admin, string role, CancellationToken stop)
    {
        var most = 0;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE usename = @role AND application_name <> '{OperatorName}'", connection);
        command.Parameters.AddWithValue("role", role);
        while (!stop.IsCancellationRequested)
        {
            most = Math.Max(most, Convert.ToInt32(await command.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await Task.Delay(5, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return most;
    }

    /// <summary>An operator's session (outside any pool) counting the role's other sessions; null when PostgreSQL refused it.</summary>
    private static async Task<int?> SessionCountAsync(string connectionString, string role)
    {
        try
        {
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = OperatorName }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE usename = @role AND pid <> pg_backend_pid()", connection);
            command.Parameters.AddWithValue("role", role);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.TooManyConnections)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
