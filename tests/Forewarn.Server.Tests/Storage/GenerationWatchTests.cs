using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Npgsql;

namespace Forewarn.Server.Tests.Storage;

/// <summary>
/// On PostgreSQL each server keeps the generation tokens while its listening connection hears
/// every change (PostgresGenerationWatch). When that connection breaks, a change made through
/// another server must still apply to the next request — the server reads the store until it
/// listens again — and once it listens again, changes are heard as before.
/// </summary>
public sealed class GenerationWatchTests : IAsyncLifetime
{
    private const string Listening = "LISTEN forewarn_generations";
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_server_whose_listener_broke_still_sees_the_other_servers_changes_and_listens_again()
    {
        if (!_f.OnPostgres) return;
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var trusted = _f.PartnerInfo(DemoFacts.Trusted);
        await using var second = new SecondServer(_f);
        var onSecond = second.WithKey(trusted.ApiKey);
        var content = $"/api/v1/me/artifacts/{detection}/content";
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(content)).StatusCode);
        await ListenersAsync(2);

        Assert.Equal(2, await TerminateListenersAsync());
        await SetStatusAsync(staff, trusted.Id, "suspended");
        await (await onSecond.GetAsync(content)).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
        await SetStatusAsync(staff, trusted.Id, "active");
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(content)).StatusCode);

        await ListenersAsync(2);
        await SetStatusAsync(staff, trusted.Id, "suspended");
        await (await onSecond.GetAsync(content)).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
    }

    private static Task SetStatusAsync(HttpClient staff, Guid partner, string status) =>
        staff.PostJson($"/api/v1/partners/{partner}/status", new { status, reason = "Generation watch test" }, HttpStatusCode.OK);

    // Both servers listen once each has served a request (the listener starts then, and reconnects a second after it broke).
    private async Task ListenersAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = '{Listening}'") < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {expected} servers listen for generation changes");
            await Task.Delay(100);
        }
    }

    private Task<long> TerminateListenersAsync() =>
        CountAsync($"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = '{Listening}') AS t");

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_f.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
