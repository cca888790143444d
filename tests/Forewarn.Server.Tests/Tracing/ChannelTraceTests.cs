using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Domain.Common;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal;
using Forewarn.Server.Tests.Portal.Partner;
using Forewarn.Server.Tests.Taxii;
using Forewarn.Server.Tracing;
using Forewarn.Tracing.Trace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>
/// A copy made by each channel traces to its recipient: for the demo's FW-2025-0708, the copy a
/// partner receives by API download, as a TAXII object and from its portal page is one and the same
/// text, each recorded with the same SHA-256, and a trace (<see cref="Tracer"/> over the server's own
/// preparation and secret, every partner of the programme as the population) names that partner
/// alone and gives the same answer whichever channel the copy came from.
/// </summary>
public sealed class ChannelTraceTests
{
    private static readonly string[] Fingerprinted = ["description", "detection", "mitigation", "poc"];

    [Fact]
    public async Task Corvids_copies_from_api_taxii_and_portal_are_one_copy_that_traces_to_corvid_alone()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var corvid = f.PartnerInfo(DemoFacts.Validate);
        var advisory = (string)(await DemoFacts.Advisory(staff, DemoFacts.Replay))["id"]!;
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var artifacts = await OpenFingerprintedAsync(f.Partner(DemoFacts.Validate));
        var named = await NamingAsync(staff);
        Assert.All(named, a => Assert.Contains(a, artifacts));

        var taxii = await f.Partner(DemoFacts.Validate).AcceptingTaxii().AllObjects("limit=1000");
        var copies = new List<(string Artifact, string Text)>();
        foreach (var artifact in artifacts)
        {
            var byChannel = new Dictionary<string, string>
            {
                ["api"] = await f.Partner(DemoFacts.Validate).GetStringAsync($"/api/v1/me/artifacts/{artifact}/content"),
                ["taxii"] = TaxiiFingerprintTests.TextOf(TaxiiFingerprintTests.OwnCopy(taxii, artifact)),
                ["portal"] = await PortalCopyAsync(visitor, advisory, artifact),
            };
            Assert.Single(byChannel.Values.Distinct());
            var traces = new Dictionary<string, TraceResult>();
            foreach (var (channel, text) in byChannel) traces[channel] = await TraceAsync(f, artifact, text);
            AssertNames(corvid.Id, traces, artifact, named.Contains(artifact));

            // Each channel's record names the same copy.
            var records = (await staff.GetJson($"/api/v1/access-records?partner={corvid.Id}&artifact={artifact}")).AsArray();
            Assert.Equal(["api", "portal", "taxii"], records.Select(r => (string)r!["channel"]!).Distinct().Order());
            Assert.Single(records.Select(r => (string?)r!["copySha256"]).Distinct());
            copies.Add((artifact, byChannel["taxii"]));
        }

        // The advisory as one code: a file holding the description's copy and the PoC's, traced against both at once.
        var whole = await TraceAsync(f, named, string.Join("\n\n", copies.Where(c => named.Contains(c.Artifact)).Select(c => c.Text)));
        Assert.Equal(ArtifactMarking.RecipientKey(new PartnerId(corvid.Id)), Assert.Single(whole.Accused).Recipient);
    }

    public sealed record NewPartner(string Tier, string Country);

    private static readonly Gen<NewPartner> Partners =
        from tier in Gen.Elements("Trusted", "Validate")
        from country in Gen.Elements("DE", "US", "GB", "FR", "NL", "JP")
        select new NewPartner(tier, country);

    [Fact]
    public async Task For_any_partner_the_api_and_taxii_copies_are_one_copy_that_traces_to_it_alone()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var named = await NamingAsync(staff);
        var number = 0;
        foreach (var p in Gen.ArrayOf(Partners, 3).Sample(1).Single())
        {
            var (id, key) = await CreateAsync(staff, p, number++);
            var artifacts = await OpenFingerprintedAsync(f.WithKey(key));
            Assert.True(artifacts.Count > 0, $"{p}: nothing of {DemoFacts.Replay} fingerprinted is open to it");
            var taxii = await f.WithKey(key).AcceptingTaxii().AllObjects("limit=1000");
            foreach (var artifact in artifacts)
            {
                var api = await f.WithKey(key).GetStringAsync($"/api/v1/me/artifacts/{artifact}/content");
                var overTaxii = TaxiiFingerprintTests.TextOf(TaxiiFingerprintTests.OwnCopy(taxii, artifact));
                Assert.Equal(api, overTaxii);
                var traces = new Dictionary<string, TraceResult> { ["api"] = await TraceAsync(f, artifact, api), ["taxii"] = await TraceAsync(f, artifact, overTaxii) };
                AssertNames(Guid.Parse(id), traces, $"{p}: {artifact}", named.Contains(artifact));
            }
        }
    }

    /// <summary>
    /// The demo advisory's description (48 marks) and PoC (86) each carry enough marks to name a lone
    /// leaker among the programme's partners; its short detection guidance does not, and its copy is
    /// only checked to accuse no one else.
    /// </summary>
    private static async Task<List<string>> NamingAsync(HttpClient staff) =>
        [await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description"), await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc")];

    /// <summary>
    /// Every channel's trace gives the same answer — marks read, threshold, accused and near misses —
    /// and accuses no one but the partner; <paramref name="named"/>: it names the partner.
    /// </summary>
    private static void AssertNames(Guid partner, Dictionary<string, TraceResult> traces, string context, bool named)
    {
        var recipient = ArtifactMarking.RecipientKey(new PartnerId(partner));
        foreach (var (channel, trace) in traces)
            Assert.True(trace.Accused.All(a => a.Recipient == recipient) && (!named || trace.Accused.Count == 1),
                $"{context}, {channel}: accused {string.Join(",", trace.Accused.Select(a => a.Recipient))} of {trace.MarksRead} marks, expected {recipient}");
        var first = traces.Values.First();
        Assert.All(traces.Values, t =>
        {
            Assert.Equal(first.MarksRead, t.MarksRead);
            Assert.Equal(first.Threshold, t.Threshold);
            Assert.Equal(first.Accused, t.Accused);
            Assert.Equal(first.NearMisses, t.NearMisses);
        });
    }

    /// <summary>The fingerprinted artifacts of the demo's released advisory open to the caller.</summary>
    private static async Task<List<string>> OpenFingerprintedAsync(HttpClient partner) =>
        [.. (await partner.GetJson("/api/v1/me/advisories")).AsArray().Where(a => (string?)a!["reference"] == DemoFacts.Replay)
            .SelectMany(a => a!["artifacts"]!.AsArray())
            .Where(a => (bool)a!["open"]! && Fingerprinted.Contains((string?)a["class"]) && (string?)a["mediaType"] is { } m && !m.Contains("json", StringComparison.Ordinal))
            .Select(a => (string)a!["id"]!)];

    private static async Task<string> PortalCopyAsync(PortalVisitor visitor, string advisory, string artifact)
    {
        var download = await visitor.Http.GetAsync($"/portal/advisories/{advisory}?handler=content&artifact={artifact}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
    }

    private static Task<TraceResult> TraceAsync(ForewarnFactory f, string artifact, string leaked) => TraceAsync(f, [artifact], leaked);

    /// <summary>The trace of a leak against the artifacts, with the server's own preparations and secret and every partner as the population.</summary>
    private static async Task<TraceResult> TraceAsync(ForewarnFactory f, IEnumerable<string> artifactIds, string leaked)
    {
        var marking = f.Services.GetRequiredService<ArtifactMarking>();
        var secret = await f.Services.GetRequiredService<ProgramTracingSecret>().GetAsync(CancellationToken.None);
        var coded = new List<CodedArtifact>();
        foreach (var artifactId in artifactIds)
        {
            var id = new ArtifactId(Guid.Parse(artifactId));
            var artifact = await f.InStoreAsync(db => db.Artifacts.AsNoTracking().SingleAsync(a => a.Id == id));
            var content = await f.InStoreAsync(db => db.ArtifactContents.AsNoTracking().SingleAsync(c => c.ArtifactId == id));
            var prepared = await marking.PrepareAsync(artifact, content.Bytes, CancellationToken.None);
            Assert.NotNull(prepared);
            coded.Add(new CodedArtifact(ArtifactMarking.ArtifactKey(id), prepared.Marks, prepared.Code));
        }
        var population = await f.InStoreAsync(db => db.Partners.AsNoTracking().Select(p => p.Id).ToListAsync());
        return Tracer.Trace(coded, secret, [.. population.Select(ArtifactMarking.RecipientKey)], leaked);
    }

    private static async Task<(string Id, string Key)> CreateAsync(HttpClient staff, NewPartner p, int number)
    {
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = $"Channel Partner {number} {p.Tier} {p.Country}", headquartersCountry = p.Country, category = "antivirus-edr", tier = p.Tier,
            contract = new { ndaVersion = "2024.2", signedAt = "2026-01-01T00:00:00Z", expiresAt = "2028-01-01T00:00:00Z" },
        }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Application accepted" }, HttpStatusCode.OK);
        var key = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = id, name = "channel key" }, HttpStatusCode.Created);
        return (id, (string)key["token"]!);
    }
}
