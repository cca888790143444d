using System.Net;
using Forewarn.Domain.Common;
using Forewarn.Server.Transparency;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Hardening;

/// <summary>
/// Issue 13, finding 3: an artifact whose stored labels cannot be sent (a media type with a line
/// break, stored before the input rules existed) once answered 500 after the log had said
/// <c>content.served</c>. The answer is prepared before the entry: now it is a refusal, logged as one.
/// </summary>
public sealed class HonestServingTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    private readonly ForewarnFactory _f = server;

    private async Task<Guid> Corrupted(string cls, string? mediaType = null, string? fileName = null)
    {
        var id = Guid.Parse(await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, cls));
        await _f.InStoreAsync(async db =>
        {
            var rows = db.Artifacts.Where(a => a.Id == new ArtifactId(id));
            if (mediaType is not null) await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.MediaType, mediaType));
            if (fileName is not null) await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.FileName, fileName));
            // Written behind the server's back: move the facts generation, as every change through it does.
            return await db.Settings.Where(s => s.Key == FactsGeneration.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Guid.NewGuid().ToString("N")));
        });
        return id;
    }

    private Task<List<string>> KindsFor(Guid artifact) =>
        _f.InStoreAsync(db => db.LogEntries.AsNoTracking().Where(e => e.ArtifactId == artifact).OrderBy(e => e.Index).Select(e => e.Kind).ToListAsync());

    [Theory]
    [InlineData("description", "text/plain\r\nX-Injected: yes", null)]
    [InlineData("mitigation", "text/plain; charset=\"\u0007\"", null)]
    [InlineData("detection", null, "rules\r\n.txt")]
    public async Task A_copy_whose_answer_cannot_be_made_is_logged_as_refused_not_served(string cls, string? mediaType, string? fileName)
    {
        var artifact = await Corrupted(cls, mediaType, fileName);
        var before = await KindsFor(artifact);

        var response = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{artifact}/content");

        await response.Problem(HttpStatusCode.ServiceUnavailable, "copy-unavailable");
        var added = (await KindsFor(artifact)).Skip(before.Count).ToList();
        Assert.Equal([LogKinds.ContentRefused], added);
    }

    [Fact]
    public async Task A_served_copy_is_an_attachment_that_no_browser_runs()
    {
        var artifact = await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, "indicators");
        var response = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{artifact}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(LogKinds.ContentServed, (await KindsFor(Guid.Parse(artifact)))[^1]);
    }
}
