using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Domain.Common;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tracing;
using Forewarn.Stix;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>Objects, one object, its versions and the manifest, with every filter, the headers and the access records.</summary>
public sealed partial class TaxiiObjectsTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    // One server for the class: its tests only read.
    private readonly ForewarnFactory _f = server;

    [GeneratedRegex("^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex StixIdShape();

    private static string Q(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task A_partner_gets_valid_stix_2_1_with_the_markings_they_refer_to_and_the_date_added_headers()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var response = await partner.GetAsync(Taxii.Objects + "?limit=1000");
        var envelope = await response.TaxiiJson(HttpStatusCode.OK);
        Assert.False((bool)envelope["more"]!);
        Assert.Null(envelope["next"]);
        var objects = Taxii.ObjectsOf(envelope).Select(o => o!).ToList();
        Assert.Contains(objects, o => (string?)o["type"] == "identity");
        Assert.Contains(objects, o => (string?)o["type"] == "vulnerability");
        Assert.True(Taxii.HasReportOf(objects, DemoFacts.EmbargoReference(_f)));
        var ids = objects.Select(o => (string)o["id"]!).ToHashSet();
        Assert.Equal(objects.Count, ids.Count);
        foreach (var o in objects)
        {
            Assert.Matches(StixIdShape(), (string?)o["id"]);
            Assert.Equal("2.1", (string?)o["spec_version"]);
            StixSchemaCheck.AssertValid(o);
            foreach (var marking in o["object_marking_refs"]?.AsArray() ?? []) Assert.Contains((string)marking!, ids);
            if (o["created_by_ref"] is { } by) Assert.Contains((string)by!, ids);
        }

        var manifest = Taxii.ObjectsOf(await partner.TaxiiGet(Taxii.Manifest + "?limit=1000")).Select(m => m!).ToList();
        Assert.Equal(ids, manifest.Select(m => (string)m["id"]!).ToHashSet());
        var added = manifest.Select(m => DateTimeOffset.Parse((string)m["date_added"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(added.Min(), DateTimeOffset.Parse(response.Headers.GetValues("X-TAXII-Date-Added-First").Single(), CultureInfo.InvariantCulture));
        Assert.Equal(added.Max(), DateTimeOffset.Parse(response.Headers.GetValues("X-TAXII-Date-Added-Last").Single(), CultureInfo.InvariantCulture));
        Assert.All(manifest, m => Assert.Equal("application/stix+json;version=2.1", (string?)m["media_type"]));
        Assert.All(manifest, m => Assert.Equal((string?)objects.Single(o => (string?)o["id"] == (string?)m["id"])["modified"]
            ?? (string?)objects.Single(o => (string?)o["id"] == (string?)m["id"])["created"], (string?)m["version"]));
        // Manifest pages as the objects do, ordered by date_added.
        Assert.Equal(added.Order(), added);
    }

    [Fact]
    public async Task Match_type_id_version_and_spec_version_filter_the_objects()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var all = await partner.AllObjects("limit=1000");
        var report = all.First(o => (string?)o["type"] == "report");
        var reportId = (string)report["id"]!;

        var reports = await partner.AllObjects("match[type]=report");
        Assert.All(reports, o => Assert.Equal("report", (string?)o["type"]));
        Assert.Equal(all.Count(o => (string?)o["type"] == "report"), reports.Count);
        var two = await partner.AllObjects("match[type]=" + Q("report,vulnerability"));
        Assert.Equal(all.Count(o => (string?)o["type"] is "report" or "vulnerability"), two.Count);

        var byId = await partner.AllObjects("match[id]=" + Q(reportId));
        Assert.Equal(reportId, (string?)Assert.Single(byId)["id"]);
        var idAndType = await partner.AllObjects($"match[id]={Q(reportId)}&match[type]=note");
        Assert.Empty(idAndType);

        foreach (var v in new[] { "last", "first", "all", "first,last" })
            Assert.Equal(all.Count, (await partner.AllObjects("match[version]=" + Q(v))).Count);
        var atVersion = await partner.AllObjects($"match[id]={Q(reportId)}&match[version]={Q((string)report["modified"]!)}");
        Assert.Single(atVersion);
        Assert.Empty(await partner.AllObjects($"match[id]={Q(reportId)}&match[version]={Q("2001-01-01T00:00:00.000Z")}"));

        Assert.Equal(all.Count, (await partner.AllObjects("match[spec_version]=2.1")).Count);
        var none = await partner.TaxiiGet(Taxii.Objects + "?match[spec_version]=2.0");
        Assert.False((bool)none["more"]!);
        Assert.Null(none["objects"]);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("limit=ten")]
    [InlineData("added_after=yesterday")]
    [InlineData("match[version]=newest")]
    [InlineData("next=not-a-cursor")]
    public async Task Filters_that_cannot_be_understood_get_a_400_taxii_error(string query)
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        await (await partner.GetAsync(Taxii.Objects + "?" + query)).TaxiiError(HttpStatusCode.BadRequest);
        await (await partner.GetAsync(Taxii.Manifest + "?" + query)).TaxiiError(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task One_object_and_its_versions()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var report = (await partner.AllObjects("match[type]=report")).First();
        var id = (string)report["id"]!;
        var response = await partner.GetAsync($"{Taxii.Objects}{id}/");
        var one = await response.TaxiiJson(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(Taxii.ObjectsOf(one))!["id"]);
        Assert.False((bool)one["more"]!);
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-First"));
        Assert.Single(Taxii.ObjectsOf(await partner.TaxiiGet($"{Taxii.Objects}{id}/?match[version]=all")));
        Assert.Null((await partner.TaxiiGet($"{Taxii.Objects}{id}/?match[spec_version]=2.0"))["objects"]);

        var versions = await partner.TaxiiGet($"{Taxii.Objects}{id}/versions/");
        Assert.Equal([(string)report["modified"]!], versions["versions"]!.AsArray().Select(v => (string)v!));
        Assert.False((bool)versions["more"]!);

        var missing = "report--00000000-0000-4000-8000-000000000000";
        await (await partner.GetAsync($"{Taxii.Objects}{missing}/")).TaxiiError(HttpStatusCode.NotFound);
        await (await partner.GetAsync($"{Taxii.Objects}{missing}/versions/")).TaxiiError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Objects_of_artifacts_not_open_to_a_partner_are_absent_and_staff_see_everything()
    {
        var staffAll = await _f.Staff().AcceptingTaxii().AllObjects("limit=1000");
        var partnerAll = await _f.Partner(DemoFacts.Entry).AcceptingTaxii().AllObjects("limit=1000");
        var staffIds = staffAll.Select(o => (string)o["id"]!).ToHashSet();
        // The partner's own copies of fingerprinted artifacts (and relationships from them) have ids of their own: each is
        // the partner's version of exactly one object staff see.
        var recipient = ArtifactMarking.RecipientKey(new PartnerId(_f.PartnerInfo(DemoFacts.Entry).Id));
        var sharedOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in staffAll)
        {
            var id = (string)o["id"]!;
            sharedOf[(string?)o["type"] == "relationship"
                ? StixId.For("relationship", $"{StixCopies.IdOf((string)o["source_ref"]!, recipient)}/{o["relationship_type"]}/{o["target_ref"]}")
                : StixCopies.IdOf(id, recipient)] = id;
        }
        var partnerIds = partnerAll.Select(o => (string)o["id"]!).Select(i => sharedOf.GetValueOrDefault(i, i)).ToHashSet();
        Assert.Subset(staffIds, partnerIds);
        Assert.Contains(partnerAll, o => sharedOf.ContainsKey((string)o["id"]!)); // the demo opens a fingerprinted text to Emberline
        var hidden = staffIds.Except(partnerIds).Where(i => !i.StartsWith("marking-definition", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hidden);
        // What is not open does not exist for the partner, not even by id.
        await (await _f.Partner(DemoFacts.Entry).AcceptingTaxii().GetAsync($"{Taxii.Objects}{hidden[0]}/")).TaxiiError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serving_objects_records_one_content_access_per_artifact_on_the_taxii_channel()
    {
        // A server of its own: it counts every access the partner ever made, which the other tests add to.
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var trusted = f.PartnerInfo(DemoFacts.Trusted);
        var open = (await f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/advisories")).AsArray()
            .SelectMany(a => a!["artifacts"]!.AsArray()).Where(a => (bool)a!["open"]!).Select(a => (string)a!["id"]!).ToHashSet();
        Assert.NotEmpty(open);
        var partner = f.Partner(DemoFacts.Trusted).AcceptingTaxii();

        await partner.TaxiiGet(Taxii.Manifest + "?limit=1000"); // the manifest serves no content
        await partner.TaxiiGet(Taxii.Objects + "?match[type]=report"); // nor do advisory-level objects
        Assert.Empty((await staff.GetJson($"/api/v1/access-records?partner={trusted.Id}")).AsArray());

        using var served = await partner.GetAsync(Taxii.Objects + "?limit=1000");
        Assert.True(served.IsSuccessStatusCode);
        var records = (await staff.GetJson($"/api/v1/access-records?partner={trusted.Id}")).AsArray().Select(r => r!).ToList();
        // The answer names its log entries, one per artifact it carries.
        var indexes = Assert.Single(served.Headers.GetValues("X-Forewarn-Log-Index")).Split(',').Select(long.Parse).ToHashSet();
        Assert.Equal(records.Select(r => (long)r["logIndex"]!).ToHashSet(), indexes);
        Assert.All(records, r => Assert.Equal("taxii", (string?)r["channel"]));
        Assert.All(records, r => Assert.True((bool)r["allowed"]!));
        Assert.Equal(open, records.Select(r => (string)r["artifactId"]!).ToHashSet());
        Assert.Equal(open.Count, records.Count);

        // Staff reading the collection is not a partner's access.
        await f.Staff().AcceptingTaxii().TaxiiGet(Taxii.Objects + "?limit=1000");
        Assert.Equal(open.Count, (await staff.GetJson($"/api/v1/access-records?partner={trusted.Id}")).AsArray().Count);
    }
}
