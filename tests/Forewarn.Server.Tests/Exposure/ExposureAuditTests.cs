using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Tests.Exposure;

/// <summary>
/// The exposure report is computable from the log: exposure_audit.py, written from the public
/// documents and sharing no code with the server, reads the served entries over HTTP, checks each
/// against the public leaves, the signed checkpoints and RFC 9162 inclusion proofs, and comes to
/// the same groups, in the same order, with the same first fetches and covering checkpoints.
/// </summary>
public sealed class ExposureAuditTests(ExposureStoryServer story) : IClassFixture<ExposureStoryServer>
{
    [Theory]
    [InlineData(0)]   // T as in the story: a PoC fetch, a detection fetch, a fetch after T
    [InlineData(2)]   // later: the fetch after T counts too
    [InlineData(-50)] // before anything was fetched
    public async Task An_independent_recomputation_from_the_log_gives_the_same_groups(int hours)
    {
        var t = ExposureStory.T.AddHours(hours);
        var report = await story.Server.Staff().GetJson(
            $"/api/v1/advisories/{story.Reference}/exposure?before={Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture))}");
        var audit = await AuditAsync(t);

        foreach (var group in new[] { "fetchedPoc", "fetchedOther", "entitledNotFetched", "nothing" })
            Assert.Equal(report["groups"]![group]!.AsArray().Select(r => (string)r!["partnerId"]!), audit["groups"]![group]!.AsArray().Select(p => (string)p!));

        var fromReport = report["groups"]!.AsObject().SelectMany(g => g.Value!.AsArray())
            .SelectMany(r => r!["classes"]!.AsArray().Where(c => c!["firstFetch"] is not null)
                .Select(c => ($"{r["partnerId"]}/{c!["class"]}", (long)c["firstFetch"]!["logIndex"]!, (long)c["firstFetch"]!["checkpoint"]!["size"]!)))
            .Order().ToList();
        var fromLog = audit["fetches"]!.AsObject()
            .Select(f => (f.Key, (long)f.Value!["logIndex"]!, (long)f.Value!["checkpointSize"]!)).Order().ToList();
        Assert.Equal(fromReport, fromLog);
        if (hours >= 0) Assert.NotEmpty(fromLog);
    }

    private async Task<JsonNode> AuditAsync(DateTimeOffset t)
    {
        var done = await ChildProcess.RunAsync("python3",
            [Path.Combine(AppContext.BaseDirectory, "Exposure", "exposure_audit.py"), story.Server.Address, story.Reference, LogEvent.Time(t)],
            [new("FOREWARN_AUDIT_KEY", story.Server.StaffKey)], TimeSpan.FromMinutes(3));
        Assert.True(done.Exit == 0, done.Output);
        return JsonNode.Parse(done.Stdout)!;
    }
}
