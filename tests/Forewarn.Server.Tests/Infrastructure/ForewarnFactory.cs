using System.Net.Http.Headers;
using Forewarn.Server.Demo;
using Forewarn.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process over a real store: a fresh SQLite file in a temporary data
/// directory, or — when FOREWARN_TEST_POSTGRES holds a connection string — a fresh database on
/// that PostgreSQL server. The clock is a <see cref="FakeTimeProvider"/> the test controls.
/// The demo programme is loaded at the fake "now", so tests work on realistic data; the store
/// starts as a copy of the run's <see cref="StoreTemplate"/> where that is what a first start
/// would have made, so each server skips the migrations and the demo load.
/// </summary>
public sealed class ForewarnFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly bool _fromTemplate;
    private bool _keepStore;

    public ForewarnFactory() : this(fromTemplate: true)
    {
    }

    /// <param name="fromTemplate">False for a server whose own first start migrates the store and loads the demo.</param>
    internal ForewarnFactory(bool fromTemplate)
    {
        _fromTemplate = fromTemplate;
        DataDirectory = Path.Combine(Path.GetTempPath(), "forewarn-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        PostgresAdmin = Environment.GetEnvironmentVariable("FOREWARN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(PostgresAdmin))
        {
            PostgresDatabase = "fw_test_" + Guid.NewGuid().ToString("N")[..16];
            // Many servers run side by side in the suite (and some spawn child processes): a small
            // pool each keeps the whole run well under the PostgreSQL server's connection limit.
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(PostgresAdmin)
            {
                Database = PostgresDatabase,
                MaxPoolSize = 15,
                ConnectionIdleLifetime = 15,
            }.ToString();
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public string DataDirectory { get; }
    public string? PostgresConnectionString { get; }
    public bool OnPostgres => PostgresConnectionString is not null;
    internal string? PostgresDatabase { get; }
    internal string? PostgresAdmin { get; }

    /// <summary>
    /// Extra configuration for the server, set before it starts (e.g. <c>csaf:scheduler</c>). Four
    /// eyes start off, so a test of one feature makes its changes directly (the behaviour with the
    /// gate off); the approval tests switch it on (<see cref="FourEyes"/>).
    /// </summary>
    public Dictionary<string, string> Settings { get; } = new(FourEyes.Off);

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

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (_fromTemplate && StoreTemplate.Fits(this)) StoreTemplate.CopyInto(this);
        return base.CreateHost(builder);
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

    /// <summary>The demo's second staff member's key: another pair of eyes.</summary>
    public HttpClient SecondStaff() => WithKey(Credentials.SecondStaff!.ApiKey);

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

    /// <summary>Stops the server and leaves its store behind (the template is made this way).</summary>
    internal async Task StopKeepingStoreAsync()
    {
        _keepStore = true;
        await DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepStore) return;
        if (PostgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        DeleteDirectory(DataDirectory);
    }

    internal static void DeleteDirectory(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
