using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Forewarn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forewarn.Server.Tests.Storage;

/// <summary>
/// When every pooled PostgreSQL connection stays busy longer than a request may wait, the request
/// is answered 503 store-busy with Retry-After — an API problem or a TAXII error message — never
/// a 500, and the next request once a connection is free is served. Runs when FOREWARN_TEST_POSTGRES is set.
/// </summary>
public sealed class StoreBusyTests
{
    [Fact]
    public async Task A_request_that_waits_out_a_busy_pool_is_told_to_come_back_and_is_served_when_it_does()
    {
        await using var f = new ForewarnFactory();
        if (!f.OnPostgres) return;
        f.Settings["databaseWaitSeconds"] = "1";
        // No job may hold a connection of its own while the test takes them all.
        f.Settings["csaf:scheduler"] = "off";
        f.Settings["webhooks:sender"] = "off";
        var partner = f.Partner(DemoFacts.Trusted);
        var taxii = f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/me/advisories")).StatusCode);

        // Every connection of the server's pool taken (the same connection string is the same Npgsql pool).
        var settings = f.Services.GetRequiredService<StoreSettings>();
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < settings.PoolSize; i++)
            {
                var connection = new NpgsqlConnection(settings.PooledConnectionString);
                await connection.OpenAsync();
                held.Add(connection);
            }

            using var busy = await partner.GetAsync("/api/v1/me/advisories");
            var problem = await busy.Problem(HttpStatusCode.ServiceUnavailable, "store-busy");
            Assert.Contains("Try again", (string)problem["detail"]!);
            Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);

            using var busyTaxii = await taxii.GetAsync(Taxii.Taxii.Objects);
            var error = await busyTaxii.TaxiiError(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("store-busy", (string?)error["error_code"]);
            Assert.Equal(TimeSpan.FromSeconds(2), busyTaxii.Headers.RetryAfter?.Delta);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/me/advisories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await taxii.GetAsync(Taxii.Taxii.Objects)).StatusCode);
    }
}
