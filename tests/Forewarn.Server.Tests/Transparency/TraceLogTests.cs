using System.Net;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Tracing;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// Every trace is logged before its verdict is shown: the artifact, the leak's SHA-256 (never its
/// text), the marks read, the verdict and the accused — on an entry no partner reads, not even the accused.
/// </summary>
public sealed class TraceLogTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_trace_is_one_entry_with_the_leak_hash_marks_verdict_and_accused()
    {
        var staff = _f.Staff();
        var advisory = await TraceProgramme.AddAdvisoryAsync(staff);
        var bastion = _f.PartnerInfo(DemoFacts.Trusted);
        var copy = await TraceProgramme.CopyForAsync(_f, advisory.Description, bastion.Id);
        // The traces of the demo's own investigation ran at the first start.
        var earlier = (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Count;

        var trace = await staff.PostJson("/api/v1/trace", new { artifactId = advisory.Description, leaked = copy }, HttpStatusCode.OK);

        var entry = Assert.Single((await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Skip(earlier));
        Assert.Equal(advisory.Description, (string?)entry["artifact_id"]);
        Assert.Null(entry["partner_id"]);
        var body = entry["entry"]!;
        Assert.Equal(advisory.Description, (string?)body["artifact"]);
        Assert.Equal(advisory.Reference, (string?)body["reference"]);
        Assert.False((bool)body["artifact_found"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy))), (string?)body["leak_sha256"]);
        Assert.Equal((int)trace["marksRead"]!, (int)body["marks_read"]!);
        Assert.Equal((int)trace["sites"]!, (int)body["sites"]!);
        Assert.Equal((string?)trace["verdict"], (string?)body["verdict"]);
        Assert.Equal([bastion.Id.ToString()], body["accused"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(1e-6, (double)body["epsilon"]!);
        Assert.Equal($"({_f.Credentials.Staff.ApiKey[3..15]})", ((string)body["actor"]!)[^14..]);
        Assert.DoesNotContain(copy[..200], body.ToJsonString(), StringComparison.Ordinal);

        // The accused does not learn of the trace from its own entries.
        var mine = await LogEntries.AllAsync(_f.Partner(DemoFacts.Trusted), path: "/api/v1/me/log/entries");
        Assert.DoesNotContain(mine, e => (string?)e["kind"] == LogKinds.TraceRun);

        // A trace that finds the artifact itself says so.
        await staff.PostJson("/api/v1/trace", new { leaked = copy }, HttpStatusCode.OK);
        var found = (await LogEntries.OfKindAsync(staff, LogKinds.TraceRun)).Last();
        Assert.True((bool)found["entry"]!["artifact_found"]!);
    }
}
