using System.Net;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tracing;
using Forewarn.Tracing;
using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>
/// Copies served before a marker version change regenerate byte for byte: an artifact keeps the
/// version it was prepared with, its copies are the library's rendering at that version, and a
/// server started afresh (a new preparation) gives every partner the bytes its access record names.
/// </summary>
public sealed class MarkerVersionTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public void New_artifacts_get_the_current_marker_version() =>
        Assert.Equal(MarkerVersion.Current, Artifact.LatestMarkerVersion);

    [Fact]
    public async Task Copies_of_an_artifact_prepared_at_version_1_are_the_first_finders_rendering_and_regenerate_after_a_restart()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var text = TracingSamples.Description;
        var v1 = await AddAsync(staff, reference, "Description (stored before versions)", "description", text, null);
        var v2 = await AddAsync(staff, reference, "Description (new)", "description", text, null);
        var poc = await AddAsync(staff, reference, "PoC (stored before versions)", "poc", TracingSamples.PythonPoc, "poc.py");
        // As a store migrated from before marker versions holds them.
        await _f.InStoreAsync(db => db.Artifacts.Where(a => a.Id == v1.Id || a.Id == poc.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.MarkerVersion, 1)));
        await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { v1.Id.ToString(), v2.Id.ToString(), poc.Id.ToString() } }, HttpStatusCode.Created);
        var secret = await _f.Services.GetRequiredService<ProgramTracingSecret>().GetAsync(CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromHours(30)); // PoCs open to the Trusted tier three days before release

        foreach (var name in new[] { DemoFacts.Trusted, "Fjordwatch" })
        {
            var partner = new PartnerId(_f.PartnerInfo(name).Id);
            var first = await DownloadAsync(_f.Partner(name), v1.Id);
            var current = await DownloadAsync(_f.Partner(name), v2.Id);
            var code = await DownloadAsync(_f.Partner(name), poc.Id);

            Assert.Equal(Render(TextMarks.Prepare(text, MarkerVersion.First), secret, v1.Id, partner), first);
            Assert.Equal(Render(TextMarks.Prepare(text, MarkerVersion.Current), secret, v2.Id, partner), current);
            Assert.Equal(Render(CodeMarks.Prepare(TracingSamples.PythonPoc, CodeLanguage.Python, MarkerVersion.First), secret, poc.Id, partner), code);

            // A fresh preparation (what a restarted server does) gives the bytes each access record names.
            var restarted = new ArtifactMarking(_f.Services.GetRequiredService<ProgramTracingSecret>());
            foreach (var (artifact, served) in new[] { (v1.Id, first), (v2.Id, current), (poc.Id, code) })
            {
                var stored = await _f.InStoreAsync(db => db.Artifacts.AsNoTracking().FirstAsync(a => a.Id == artifact));
                var content = await _f.InStoreAsync(db => db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact));
                var again = await restarted.CopyForAsync(stored, content.Bytes, partner, CancellationToken.None);
                Assert.Equal(served, Encoding.UTF8.GetString(again.Bytes));
                var records = (await staff.GetJson($"/api/v1/access-records?artifact={artifact}")).AsArray()
                    .Where(r => (string?)r!["partnerId"] == partner.Value.ToString()).ToList();
                Assert.NotEmpty(records);
                Assert.All(records, r => Assert.Equal(again.Sha256, (string?)r!["copySha256"]));
            }
        }

        // The first finders and the current ones give different copies of the same text (new kinds of mark).
        Assert.NotEqual(TextMarks.Prepare(text, MarkerVersion.First).Sites.Count, TextMarks.Prepare(text, MarkerVersion.Current).Sites.Count);
    }

    [Fact]
    public async Task For_any_partner_a_version_1_copy_is_the_same_from_any_preparation()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var text = TracingSamples.Advisory;
        var added = await AddAsync(staff, reference, "Advisory text (version 1)", "mitigation", text, null);
        await _f.InStoreAsync(db => db.Artifacts.Where(a => a.Id == added.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.MarkerVersion, 1)));
        var stored = await _f.InStoreAsync(db => db.Artifacts.AsNoTracking().FirstAsync(a => a.Id == added.Id));
        var content = Encoding.UTF8.GetBytes(text);
        var secrets = _f.Services.GetRequiredService<ProgramTracingSecret>();
        var secret = await secrets.GetAsync(CancellationToken.None);
        var v1 = TextMarks.Prepare(text, MarkerVersion.First);

        Prop.ForAll(ArbMap.Default.GeneratorFor<Guid>().ToArbitrary(), id =>
        {
            var partner = new PartnerId(id);
            var a = new ArtifactMarking(secrets).CopyForAsync(stored, content, partner, CancellationToken.None).GetAwaiter().GetResult();
            var b = new ArtifactMarking(secrets).CopyForAsync(stored, content, partner, CancellationToken.None).GetAwaiter().GetResult();
            return a.Bytes.SequenceEqual(b.Bytes) && a.Sha256 == Convert.ToHexStringLower(SHA256.HashData(b.Bytes))
                && Encoding.UTF8.GetString(a.Bytes) == Render(v1, secret, added.Id, partner);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task An_artifact_prepared_by_a_newer_server_is_refused_not_served_with_other_bytes()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var added = await AddAsync(staff, reference, "Description (from a newer server)", "description", TracingSamples.Description, null);
        await _f.InStoreAsync(db => db.Artifacts.Where(a => a.Id == added.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.MarkerVersion, MarkerVersion.Current + 1)));
        await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { added.Id.ToString() } }, HttpStatusCode.Created);

        var response = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{added.Id}/content");
        await response.Problem(HttpStatusCode.ServiceUnavailable, "copy-unavailable");
        var record = (await staff.GetJson($"/api/v1/access-records?artifact={added.Id}")).AsArray().Single();
        Assert.Equal("refused-copy", (string?)record!["verdict"]);
        Assert.Null(record["copySha256"]);
    }

    private static string Render(IMarkedArtifact marks, byte[] secret, ArtifactId artifact, PartnerId partner)
    {
        var key = ArtifactMarking.ArtifactKey(artifact);
        return marks.Render(TardosCode.ForArtifact(secret, key, marks.Sites.Count).CodewordOf(secret, key, ArtifactMarking.RecipientKey(partner)));
    }

    private static async Task<string> DownloadAsync(HttpClient partner, ArtifactId artifact)
    {
        var response = await partner.GetAsync($"/api/v1/me/artifacts/{artifact}/content");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    private static async Task<(ArtifactId Id, string Title)> AddAsync(HttpClient staff, string reference, string title, string cls, string text, string? fileName)
    {
        var added = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            fileName is null
                ? new { title, @class = cls, tlp = "AMBER", text, fileName = (string?)null, mediaType = (string?)null }
                : new { title, @class = cls, tlp = "AMBER", text, fileName = (string?)fileName, mediaType = (string?)"text/x-python" },
            HttpStatusCode.Created);
        return (new ArtifactId(Guid.Parse((string)added["id"]!)), title);
    }
}
