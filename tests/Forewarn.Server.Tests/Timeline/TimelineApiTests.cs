using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Forewarn.Server.Tests.Cases;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Timeline;

/// <summary>
/// The incident timeline picture over the API: the SVG is XML that names every wave, the partners and
/// (for a case) its sightings, evidence and decisions as text; the PNG is a PNG of the SVG's size; an
/// unknown advisory or case is a 404 problem, a partner's key a 403.
/// </summary>
public sealed class TimelineApiTests : IAsyncLifetime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static async Task<XDocument> SvgAsync(HttpClient staff, string url)
    {
        var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Texts(XDocument svg) => string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value.Trim()));

    [Fact]
    public async Task The_advisory_timeline_names_every_wave_and_the_partners_that_fetched()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "detection");
        using (var corvid = _f.Partner(DemoFacts.Validate))
            Assert.Equal(HttpStatusCode.OK, (await corvid.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);

        var svg = await SvgAsync(staff, $"/api/v1/advisories/{DemoFacts.Replay}/timeline.svg");
        var texts = Texts(svg);
        var waves = (await staff.GetJson($"/api/v1/advisories/{DemoFacts.Replay}"))["waves"]!.AsArray();
        Assert.NotEmpty(waves);
        foreach (var wave in waves)
            Assert.Contains($"Wave {(int)wave!["number"]!} {(string)wave["kind"]!}", texts, StringComparison.Ordinal);
        Assert.Contains(_f.PartnerInfo(DemoFacts.Validate).Name, texts, StringComparison.Ordinal);
        Assert.Contains("Release", texts, StringComparison.Ordinal);
        Assert.Contains("First fetch: detection", texts, StringComparison.Ordinal);
        Assert.StartsWith(DemoFacts.Replay, svg.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);

        var png = await staff.GetAsync($"/api/v1/advisories/{DemoFacts.Replay}/timeline.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        // The IHDR chunk comes first: width and height, big-endian, as the SVG's.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(int.Parse((string)svg.Root.Attribute("width")!, CultureInfo.InvariantCulture), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(int.Parse((string)svg.Root.Attribute("height")!, CultureInfo.InvariantCulture), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public async Task The_case_timeline_names_its_sightings_evidence_and_decisions()
    {
        var staff = _f.Staff();
        var sighting = await Forewarn.Server.Tests.Sightings.Sightings.RecordAsync(staff, Forewarn.Server.Tests.Sightings.Sightings.Body(DemoFacts.Replay, firstObserved: new DateTimeOffset(2025, 7, 7, 14, 0, 0, TimeSpan.Zero)));
        var reference = await CaseSteps.OpenAsync(staff, DemoFacts.Replay, (string)sighting["id"]!);
        await staff.PostJson($"/api/v1/cases/{reference}/evidence", new { kind = "note", text = "Forum post" }, HttpStatusCode.Created);
        var saffron = _f.PartnerInfo(DemoFacts.Probation);
        await CaseSteps.DecidedAsync(staff, reference, saffron.Id, "warning");

        var texts = Texts(await SvgAsync(staff, $"/api/v1/cases/{reference}/timeline.svg"));
        Assert.Contains("Sighting (high): National CERT partner feed", texts, StringComparison.Ordinal);
        Assert.Contains("Case opened", texts, StringComparison.Ordinal);
        Assert.Contains("Evidence 1: note", texts, StringComparison.Ordinal);
        Assert.Contains($"Decision 1: warning — {saffron.Name}", texts, StringComparison.Ordinal);
        Assert.Contains(saffron.Name, texts.Split('\n'));
        foreach (var wave in (await staff.GetJson($"/api/v1/advisories/{DemoFacts.Replay}"))["waves"]!.AsArray())
            Assert.Contains($"Wave {(int)wave!["number"]!}", texts, StringComparison.Ordinal);

        var png = await (await staff.GetAsync($"/api/v1/cases/{reference}/timeline.png")).Content.ReadAsByteArrayAsync();
        Assert.Equal(0x89, png[0]);
    }

    [Theory]
    [InlineData("/api/v1/advisories/FW-1999-0001/timeline.svg")]
    [InlineData("/api/v1/advisories/FW-1999-0001/timeline.png")]
    [InlineData("/api/v1/cases/CASE-1999-0001/timeline.svg")]
    [InlineData("/api/v1/cases/CASE-1999-0001/timeline.png")]
    [InlineData("/api/v1/cases/CASE-1999-0001/report.html")]
    [InlineData("/api/v1/cases/0198c0de-5a1e-7b2c-9d3e-4f5a6b7c8d9e/report.html")]
    public async Task An_unknown_advisory_or_case_is_a_404_problem_and_a_partner_is_refused(string url)
    {
        await (await _f.Staff().GetAsync(url)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Trusted).GetAsync(url)).StatusCode);
    }
}
