using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Approvals;

/// <summary>
/// Two servers on one store approving the same proposal at the same moment: the change is made
/// once — one approval succeeds, the other is refused as already decided — on SQLite and PostgreSQL.
/// </summary>
public sealed class ConcurrentApprovalTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public ConcurrentApprovalTests() => FourEyes.On(_f.Settings);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Two_servers_approving_at_once_make_the_change_once()
    {
        var staff = _f.Staff();
        await using var other = new SecondServer(_f);
        var onFirst = _f.SecondStaff();
        var onSecond = other.WithKey(_f.Credentials.SecondStaff!.ApiKey);
        var current = await staff.GetJson("/api/v1/policy");
        const int Rounds = 6;
        for (var round = 0; round < Rounds; round++)
        {
            var before = (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count;
            var proposal = await Proposals.ProposeAsync(staff, "/api/v1/policy/versions", new { reason = $"Round {round}", rules = current["rules"] });
            var url = $"/api/v1/approvals/{proposal["id"]}/approve";
            using var go = new SemaphoreSlim(0, 2);
            async Task<HttpResponseMessage> Approve(HttpClient client)
            {
                await go.WaitAsync();
                return await client.PostAsJsonAsync(url, new { });
            }
            var both = new[] { Task.Run(() => Approve(onFirst)), Task.Run(() => Approve(onSecond)) };
            go.Release(2);
            var answers = await Task.WhenAll(both);

            var statuses = answers.Select(a => a.StatusCode).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
                $"Round {round}: {string.Join(", ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")))}");
            await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Problem(HttpStatusCode.Conflict, "proposal-decided");
            Assert.Equal(before + 1, (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count);
            var id = (string)proposal["id"]!;
            await LogEntries.SingleAsync(staff, LogKinds.ChangeApproved, "proposal", id);
            await LogEntries.SingleAsync(staff, LogKinds.PolicyChanged, "proposal", id);
        }
    }
}
