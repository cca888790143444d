using System.Net.Http.Json;
using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Transparency;
using FsCheck.Fluent;
using FsCheck;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// A partner reads exactly the entries about itself — its downloads (served or not), its keys,
/// changes to its membership — and never an entry about another partner, over random sequences
/// of partners and actions from FsCheck.
/// </summary>
public sealed class PartnerLogProperty : IAsyncLifetime
{
    private static readonly string[] Partners =
        [DemoFacts.Trusted, DemoFacts.Validate, DemoFacts.Entry, DemoFacts.China, DemoFacts.Restricted, DemoFacts.Probation];

    private enum Act { Download, IssueKey, ChangeContract }

    private sealed record Step(int Partner, Act Act, int Pick)
    {
        public override string ToString() => $"{Partners[Partner]}:{Act}:{Pick}";
    }

    private static readonly Gen<Step[]> Plans =
        Gen.ArrayOf(
            from partner in Gen.Choose(0, Partners.Length - 1)
            from act in Gen.Frequency((4, Gen.Constant(Act.Download)), (1, Gen.Constant(Act.IssueKey)), (1, Gen.Constant(Act.ChangeContract)))
            from pick in Gen.Choose(0, 1000)
            select new Step(partner, act, pick), 15);

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Each_partner_reads_all_its_own_entries_and_no_other()
    {
        var staff = _f.Staff();
        var artifacts = new List<string>();
        foreach (var reference in new[] { DemoFacts.Replay, DemoFacts.EmbargoReference(_f) })
            artifacts.AddRange((await DemoFacts.Advisory(staff, reference))["artifacts"]!.AsArray().Select(a => (string)a!["id"]!));
        artifacts.Add(Guid.NewGuid().ToString()); // no such artifact: denied, and logged as such

        // What each partner's own entries must hold: kind → count (content not served counted as "content.other").
        var expected = Partners.ToDictionary(p => p, _ => new Dictionary<string, int>());
        void Expect(string partner, string kind) => expected[partner][kind] = expected[partner].GetValueOrDefault(kind) + 1;
        var day = 0;
        foreach (var plan in Plans.Sample(3))
        {
            foreach (var step in plan)
            {
                var name = Partners[step.Partner];
                var id = _f.PartnerInfo(name).Id;
                switch (step.Act)
                {
                    case Act.Download:
                        var response = await _f.Partner(name).GetAsync($"/api/v1/me/artifacts/{artifacts[step.Pick % artifacts.Count]}/content");
                        Expect(name, response.StatusCode == HttpStatusCode.OK ? LogKinds.ContentServed : "content.other");
                        break;
                    case Act.IssueKey:
                        await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = id, name = $"key {step.Pick}" }, HttpStatusCode.Created);
                        Expect(name, LogKinds.KeyIssued);
                        break;
                    case Act.ChangeContract:
                        var changed = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{id}")
                        {
                            Content = JsonContent.Create(new { contract = new { expiresAt = ForewarnFactory.Start.AddDays(400 + ++day) } }),
                        });
                        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                        Expect(name, LogKinds.PartnerChanged);
                        break;
                }
            }
        }

        var everything = await LogEntries.AllAsync(staff);
        foreach (var name in Partners)
        {
            var me = _f.PartnerInfo(name).Id.ToString();
            var mine = await LogEntries.AllAsync(_f.Partner(name), path: "/api/v1/me/log/entries");
            Assert.All(mine, e => Assert.Equal(me, (string?)e["partner_id"]));
            // All of them: exactly the staff view's entries about this partner, in the same order.
            Assert.Equal(everything.Where(e => (string?)e["partner_id"] == me).Select(e => (long)e["index"]!), mine.Select(e => (long)e["index"]!));
            var counts = mine.GroupBy(e => (string)e["kind"]! is var k && LogKinds.Content.Contains(k) && k != LogKinds.ContentServed ? "content.other" : k)
                .ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected[name].OrderBy(x => x.Key), counts.OrderBy(x => x.Key));
            Assert.All(mine.Where(e => LogKinds.Content.Contains((string)e["kind"]!)), e => Assert.Equal(me, (string?)e["entry"]!["partner"]));

            // Another partner's entry is not there to read, not even its receipt.
            if (everything.FirstOrDefault(e => e["partner_id"] is not null && (string?)e["partner_id"] != me) is { } other)
                Assert.Equal(HttpStatusCode.NotFound, (await _f.Partner(name).GetAsync($"/api/v1/me/log/entries/{other["index"]}/receipt")).StatusCode);
        }
    }
}
