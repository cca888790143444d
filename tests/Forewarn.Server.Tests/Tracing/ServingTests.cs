using System.Net;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>
/// Each partner is served its own copy: marked artifacts differ between partners only in their
/// marks and are the same on every download; unmarked ones are served as they are; the access
/// record names the copy.
/// </summary>
public sealed class ServingTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task OpenWave2Async(HttpClient staff, string reference)
    {
        var advisory = await DemoFacts.Advisory(staff, reference);
        _f.Clock.SetUtcNow(DateTimeOffset.Parse((string)advisory["waves"]![1]!["at"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<(byte[] Bytes, string Header)> DownloadAsync(HttpClient partner, string artifact)
    {
        var response = await partner.GetAsync($"/api/v1/me/artifacts/{artifact}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.GetValues(MeEndpoints.CopyHeader).Single());
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Two_partners_get_different_copies_of_a_description_each_the_same_on_every_download()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var added = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Technical description (full)", @class = "description", tlp = "AMBER", text = TracingSamples.Description }, HttpStatusCode.Created);
        var description = (string)added["id"]!;
        await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { description } }, HttpStatusCode.Created);

        var (bastion, bastionHeader) = await DownloadAsync(_f.Partner(DemoFacts.Trusted), description);
        var (corvid, corvidHeader) = await DownloadAsync(_f.Partner(DemoFacts.Validate), description);
        Assert.NotEqual(bastion, corvid);
        Assert.Equal(bastion, (await DownloadAsync(_f.Partner(DemoFacts.Trusted), description)).Bytes);
        Assert.Equal(corvid, (await DownloadAsync(_f.Partner(DemoFacts.Validate), description)).Bytes);
        Assert.Equal(Sha(bastion), bastionHeader);
        Assert.Equal(Sha(corvid), corvidHeader);

        // Each copy is the original with the partner's own codeword at the mark sites, and nothing else changed.
        var original = await staff.GetByteArrayAsync($"/api/v1/artifacts/{description}/content");
        var (prepared, secret) = await PreparedAsync(description, original);
        Assert.True(prepared.Sites >= 20, $"only {prepared.Sites} marks");
        foreach (var (name, copy) in new[] { (DemoFacts.Trusted, bastion), (DemoFacts.Validate, corvid) })
        {
            var codeword = prepared.Code.CodewordOf(secret, ArtifactMarking.ArtifactKey(prepared.ArtifactId),
                ArtifactMarking.RecipientKey(new PartnerId(_f.PartnerInfo(name).Id)));
            Assert.Equal(prepared.Marks.Render(codeword), Encoding.UTF8.GetString(copy));
            Assert.Equal(codeword.Select(b => (byte?)b), prepared.Marks.Read(Encoding.UTF8.GetString(copy)));
        }
        Assert.False(original.SequenceEqual(bastion) && original.SequenceEqual(corvid)); // variant 0 reads as the original

        var records = (await staff.GetJson($"/api/v1/access-records?artifact={description}")).AsArray();
        Assert.Equal(4, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("allowed", (string?)r!["verdict"]);
            Assert.Equal(prepared.Sites, (int?)r["marks"]);
        });
        Assert.Equal(2, records.Count(r => (string?)r!["copySha256"] == Sha(bastion) && (string?)r["partnerId"] == _f.PartnerInfo(DemoFacts.Trusted).Id.ToString()));
        Assert.Equal(2, records.Count(r => (string?)r!["copySha256"] == Sha(corvid) && (string?)r["partnerId"] == _f.PartnerInfo(DemoFacts.Validate).Id.ToString()));
    }

    [Fact]
    public async Task Indicators_are_served_as_they_are_and_the_record_says_so()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var indicators = await DemoFacts.ArtifactId(staff, reference, "indicators");
        await OpenWave2Async(staff, reference);
        var artifact = await staff.GetJson($"/api/v1/artifacts/{indicators}");

        var (bytes, header) = await DownloadAsync(_f.Partner(DemoFacts.Trusted), indicators);
        Assert.Equal(await staff.GetByteArrayAsync($"/api/v1/artifacts/{indicators}/content"), bytes);
        Assert.Equal((string?)artifact["sha256"], header);
        Assert.Equal((string?)artifact["sha256"], (await DownloadAsync(_f.Partner(DemoFacts.Validate), indicators)).Header);

        var records = (await staff.GetJson($"/api/v1/access-records?artifact={indicators}")).AsArray();
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal((string?)artifact["sha256"], (string?)r!["copySha256"]);
            Assert.Equal(0, (int?)r["marks"]);
        });
    }

    [Fact]
    public async Task A_refusal_records_no_copy()
    {
        var staff = _f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "poc");
        await (await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{poc}/content")).Problem(HttpStatusCode.Forbidden, "not-yet-open");
        var record = (await staff.GetJson($"/api/v1/access-records?artifact={poc}")).AsArray().Single()!;
        Assert.Equal("not-yet", (string?)record["verdict"]);
        Assert.Null((string?)record["copySha256"]);
        Assert.Null((int?)record["marks"]);
    }

    [Fact]
    public async Task A_copy_that_cannot_be_made_is_refused_with_503_recorded_and_nothing_served()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        // A PoC that does not parse, put in the store behind the upload check's back (as an older server might have).
        var id = await _f.InStoreAsync(async db =>
        {
            var advisory = await db.Advisories.FirstAsync(a => a.Reference == reference);
            var (artifact, content) = Forewarn.Domain.Advisories.Artifact.Create(advisory, "Broken PoC", Forewarn.Domain.Advisories.ContentClass.Poc,
                Forewarn.Domain.Advisories.TlpLabel.Red, "text/x-python", "broken.py", Encoding.UTF8.GetBytes(TracingSamples.BrokenPython), _f.Clock.GetUtcNow());
            db.Artifacts.Add(artifact);
            db.ArtifactContents.Add(content);
            await db.SaveChangesAsync();
            return artifact.Id.ToString();
        });
        var wave = await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { id } }, HttpStatusCode.Created);
        Assert.Empty(wave["fingerprints"]!.AsArray());
        Assert.Contains(wave["warnings"]!.AsArray(), w => ((string?)w)!.Contains("cannot be fingerprinted", StringComparison.Ordinal));
        _f.Clock.Advance(TimeSpan.FromDays(2)); // inside the Trusted tier's three days

        var response = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{id}/content");
        var problem = await response.Problem(HttpStatusCode.ServiceUnavailable, "copy-unavailable");
        Assert.DoesNotContain("def send", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("mark", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);

        var record = (await staff.GetJson($"/api/v1/access-records?artifact={id}")).AsArray().Single()!;
        Assert.Equal("refused-copy", (string?)record["verdict"]);
        Assert.False((bool)record["allowed"]!);
        Assert.Contains("poc-does-not-parse", (string?)record["rules"], StringComparison.Ordinal);
        Assert.Null((string?)record["copySha256"]);
    }

    private async Task<(PreparedArtifact Prepared, byte[] Secret)> PreparedAsync(string artifactId, byte[] original)
    {
        var artifact = await _f.InStoreAsync(db => db.Artifacts.AsNoTracking().FirstAsync(a => a.Id == new ArtifactId(Guid.Parse(artifactId))));
        var prepared = await _f.Services.GetRequiredService<ArtifactMarking>().PrepareAsync(artifact, original, CancellationToken.None);
        var secret = await _f.Services.GetRequiredService<ProgramTracingSecret>().GetAsync(CancellationToken.None);
        return (prepared!, secret);
    }
}
