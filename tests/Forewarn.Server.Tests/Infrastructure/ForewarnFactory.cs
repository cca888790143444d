using System.Net.Http.Headers;
using Forewarn.Server.Demo;
using Forewarn.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process over a real store: a fresh SQLite file in a temporary data
/// directory, or — when FOREWARN_TEST_POSTGRES holds a connection string — a fresh database on
/// that PostgreSQL server. The clock is a <see cref="FakeTimeProvider"/> the test controls.
/// The demo programme is loaded at the fake "now", so tests work on realistic data.
/// </summary>
public sealed class ForewarnFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly string? _postgresDatabase;
    private readonly string? _postgresAdmin;

    public ForewarnFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "forewarn-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _postgresAdmin = Environment.GetEnvironmentVariable("FOREWARN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(_postgresAdmin))
        {
            _postgresDatabase = "fw_test_" + Guid.NewGuid().ToString("N")[..16];
            // Many servers run side by side in the suite (and some spawn child processes): a small
            // pool each keeps the whole run well under the PostgreSQL server's connection limit.
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin)
            {
                Database = _postgresDatabase,
                MaxPoolSize = 15,
                ConnectionIdleLifetime = 15,
            }.ToString();
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public string DataDirectory { get; }
    public string? PostgresConnectionString { get; }
    public bool OnPostgres => PostgresConnectionString is not null;

    /// <summary>Extra configuration for the server, set before it starts (e.g. <c>csaf:scheduler</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataDirectory);
        if (PostgresConnectionString is not null) builder.UseSetting("database", PostgresConnectionString);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    private DemoCredentials? _credentials;

    /// <summary>The demo's keys, as the first start wrote them.</summary>
    public DemoCredentials Credentials
    {
        get
        {
            _ = Services; // make sure the host (and so the demo) has started, on TestServer or Kestrel
            return _credentials ??= DemoCredentials.ReadAsync(Path.Combine(DataDirectory, "demo-credentials.json"), CancellationToken.None)
                .GetAwaiter().GetResult() ?? throw new InvalidOperationException("The demo did not write its credentials.");
        }
    }

    public HttpClient Staff() => WithKey(Credentials.Staff.ApiKey);

    public HttpClient Partner(string namePrefix) =>
        WithKey(Credentials.Partners.First(p => p.Name.StartsWith(namePrefix, StringComparison.Ordinal)).ApiKey);

    public DemoPartnerKey PartnerInfo(string namePrefix) =>
        Credentials.Partners.First(p => p.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    public HttpClient WithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A scope on the server's own store, to look at what a request left behind.</summary>
    public async Task<T> InStoreAsync<T>(Func<ForewarnDb, Task<T>> look)
    {
        await using var scope = Services.CreateAsyncScope();
        return await look(scope.ServiceProvider.GetRequiredService<ForewarnDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
