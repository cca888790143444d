using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Server.Api;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Tracing;
using Forewarn.Tests.Shared;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// TAXII never carries one text of a fingerprinted artifact for every partner (that would be an
/// untraceable copy): each partner's note or course-of-action is an object of its own carrying
/// exactly its own marked copy — the bytes the partner API serves it — recorded like a download;
/// exact indicators still travel as they are.
/// </summary>
public sealed class TaxiiFingerprintTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>Every string anywhere in the objects.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>The object carrying the partner's own copy of <paramref name="artifact"/>: the one whose reference names it.</summary>
    internal static JsonNode OwnCopy(IEnumerable<JsonNode> objects, string artifact) =>
        Assert.Single(objects, o => o["external_references"]?.AsArray().Any(r => (string?)r!["external_id"] == artifact) == true);

    internal static string TextOf(JsonNode copy) => (string)copy[(string?)copy["type"] == "course-of-action" ? "description" : "content"]!;

    [Fact]
    public async Task The_demo_description_and_poc_travel_as_the_partners_own_copies_never_as_the_original()
    {
        var staff = _f.Staff();
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        var originals = new[]
        {
            await staff.GetStringAsync($"/api/v1/artifacts/{description}/content"),
            await staff.GetStringAsync($"/api/v1/artifacts/{poc}/content"),
        };
        var objects = await _f.Partner(DemoFacts.Trusted).AcceptingTaxii().AllObjects("limit=1000");

        // The original text is nowhere in the partner's objects, whole or as the text of an object.
        var strings = objects.SelectMany(Strings).ToList();
        Assert.All(originals, original => Assert.DoesNotContain(strings, s => s.Contains(original, StringComparison.Ordinal)));
        foreach (var artifact in new[] { description, poc })
        {
            var own = OwnCopy(objects, artifact);
            Assert.Equal("note", (string?)own["type"]);
            Assert.DoesNotContain(TextOf(own), originals);
            // The pointer stays: the same copy through the partner API, with its SHA-256.
            Assert.Contains($"/api/v1/me/artifacts/{artifact}/content", (string?)own["external_references"]![0]!["description"], StringComparison.Ordinal);
        }
        Assert.True(CPython.Parses(TextOf(OwnCopy(objects, poc))), "The PoC copy carried over TAXII does not parse.");
        // The indicators artifact is served as it is, so its exact values still travel.
        Assert.Contains(objects, o => (string?)o["type"] == "indicator" && ((string?)o["pattern"] ?? "").Contains("203.0.113.45", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_text_a_partner_gets_over_taxii_is_exactly_its_own_marked_copy_recorded_like_a_download()
    {
        var staff = _f.Staff();
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var notes = new Dictionary<string, JsonNode>();
        foreach (var name in new[] { DemoFacts.Trusted, DemoFacts.Validate })
        {
            var partner = _f.PartnerInfo(name);
            var taxii = _f.Partner(name).AcceptingTaxii();
            using var answer = await taxii.GetAsync(Taxii.Objects + "?limit=1000");
            var own = OwnCopy(Taxii.ObjectsOf(await answer.TaxiiJson(HttpStatusCode.OK)).Select(o => o!), description);
            notes[name] = own;
            var text = TextOf(own);

            // Exactly the partner's own copy: what the server's marking renders for it, and what the API download serves.
            Assert.Equal(await TraceProgramme.CopyForAsync(_f, description, partner.Id), text);
            using var download = await _f.Partner(name).GetAsync($"/api/v1/me/artifacts/{description}/content");
            Assert.Equal(text, await download.Content.ReadAsStringAsync());
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(sha, download.Headers.GetValues(MeEndpoints.CopyHeader).Single());
            Assert.Equal(sha, (string?)own["external_references"]![0]!["hashes"]!["SHA-256"]);

            // Recorded like a download: the copy's SHA-256 and marks, on the taxii channel, named in the answer's log indexes.
            var records = (await staff.GetJson($"/api/v1/access-records?partner={partner.Id}&artifact={description}")).AsArray();
            var record = Assert.Single(records, r => (string?)r!["channel"] == "taxii")!;
            Assert.Equal("allowed", (string?)record["verdict"]);
            Assert.Equal(sha, (string?)record["copySha256"]);
            Assert.True((int)record["marks"]! > 20, $"{record["marks"]} marks");
            Assert.Contains((long)record["logIndex"]!, answer.Headers.GetValues("X-Forewarn-Log-Index").Single().Split(',').Select(long.Parse));

            // The same object every time, by id too; the manifest lists it with the same version; the shared object is not the partner's.
            var again = OwnCopy(await taxii.AllObjects("limit=1000"), description);
            Assert.Equal(own.ToJsonString(), again.ToJsonString());
            var id = (string)own["id"]!;
            var byId = Taxii.ObjectsOf(await taxii.TaxiiGet($"{Taxii.Objects}{id}/"));
            Assert.Equal(own.ToJsonString(), Assert.Single(byId)!.ToJsonString());
            var manifest = Taxii.ObjectsOf(await taxii.TaxiiGet(Taxii.Manifest + "?limit=1000"));
            Assert.Equal((string?)own["modified"], (string?)Assert.Single(manifest, m => (string?)m!["id"] == id)!["version"]);
            await (await taxii.GetAsync($"{Taxii.Objects}{Forewarn.Stix.StixId.For("note", $"artifact/{description}")}/")).TaxiiError(HttpStatusCode.NotFound);
        }
        Assert.NotEqual((string?)notes[DemoFacts.Trusted]["id"], (string?)notes[DemoFacts.Validate]["id"]);
        Assert.NotEqual(TextOf(notes[DemoFacts.Trusted]), TextOf(notes[DemoFacts.Validate]));

        // Staff see the shared object, which only points to the copies.
        var shared = (await staff.AcceptingTaxii().AllObjects("limit=1000"))
            .Single(o => (string?)o["id"] == Forewarn.Stix.StixId.For("note", $"artifact/{description}"));
        Assert.Contains("carries its own copy", (string?)shared["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_may_report_a_sighting_of_its_own_copy()
    {
        var description = await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, "description");
        var taxii = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var own = (string)OwnCopy(await taxii.AllObjects("limit=1000"), description)["id"]!;
        var sighting = new JsonObject
        {
            ["type"] = "sighting", ["spec_version"] = "2.1", ["id"] = "sighting--" + Guid.NewGuid(),
            ["created"] = "2026-11-28T10:00:00.000Z", ["modified"] = "2026-11-28T10:00:00.000Z", ["sighting_of_ref"] = own, ["count"] = 1,
        };
        var content = new StringContent(new JsonObject { ["objects"] = new JsonArray(sighting) }.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii.MediaType);
        var status = await (await taxii.PostAsync("/taxii2/api/collections/5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835/objects/", content)).TaxiiJson(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)status["success_count"]!);
    }
}
