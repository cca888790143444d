using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>Discovery, the API root and the collection; media types, negotiation, authentication and TAXII errors.</summary>
public sealed class TaxiiDiscoveryTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    // One server for the class: its tests read, and the one key they issue is their own.
    private readonly ForewarnFactory _f = server;

    [Fact]
    public async Task Discovery_names_the_one_api_root()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var discovery = await partner.TaxiiGet("/taxii2/");
        Assert.False(string.IsNullOrWhiteSpace((string?)discovery["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)discovery["contact"]));
        var root = (string)discovery["default"]!;
        Assert.EndsWith("/taxii2/api/", root, StringComparison.Ordinal);
        Assert.Equal([root], discovery["api_roots"]!.AsArray().Select(r => (string)r!));

        var api = await partner.TaxiiGet(new Uri(root).AbsolutePath);
        Assert.Equal([Taxii.MediaType], api["versions"]!.AsArray().Select(v => (string)v!));
        Assert.True((int)api["max_content_length"]! > 0);
        Assert.False(string.IsNullOrWhiteSpace((string?)api["title"]));
    }

    [Fact]
    public async Task The_collection_is_read_only_stix_with_a_fixed_id_for_partners_and_staff()
    {
        foreach (var client in new[] { _f.Partner(DemoFacts.Entry).AcceptingTaxii(), _f.Staff().AcceptingTaxii() })
        {
            var collections = (await client.TaxiiGet("/taxii2/api/collections/"))["collections"]!.AsArray();
            // The read collection, beside the inbound one for sightings (TaxiiSightingsTests).
            var c = Assert.Single(collections, x => (string?)x!["id"] == Taxii.CollectionId)!;
            Assert.Equal(Taxii.CollectionId, (string?)c["id"]);
            Assert.True((bool)c["can_read"]!);
            Assert.False((bool)c["can_write"]!);
            Assert.Equal(["application/stix+json;version=2.1"], c["media_types"]!.AsArray().Select(m => (string)m!));
            var one = await client.TaxiiGet($"/taxii2/api/collections/{Taxii.CollectionId}/");
            Assert.Equal(Taxii.CollectionId, (string?)one["id"]);
        }
        var missing = await (await _f.Partner(DemoFacts.Entry).AcceptingTaxii().GetAsync("/taxii2/api/collections/4a1d0e55-0000-4000-8000-000000000000/"))
            .TaxiiError(HttpStatusCode.NotFound);
        Assert.Contains("no collection", (string?)missing["description"], StringComparison.Ordinal);
        await (await _f.Partner(DemoFacts.Entry).AcceptingTaxii().GetAsync("/taxii2/api/collections/nope/objects/")).TaxiiError(HttpStatusCode.NotFound);
        await (await _f.Partner(DemoFacts.Entry).AcceptingTaxii().GetAsync("/taxii2/api/status/abc/")).TaxiiError(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("application/taxii+json;version=2.1")]
    [InlineData("application/taxii+json")]
    [InlineData("application/json, application/taxii+json;version=2.1;q=0.5")]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task Requests_that_accept_taxii_2_1_get_it(string? accept)
    {
        var client = _f.Partner(DemoFacts.Trusted);
        if (accept is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        Taxii.IsTaxiiMediaType(await client.GetAsync("/taxii2/"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("application/stix+json;version=2.1")]
    [InlineData("application/taxii+json;version=2.1;q=0")]
    public async Task Requests_that_do_not_accept_taxii_2_1_get_406(string accept)
    {
        var client = _f.Partner(DemoFacts.Trusted);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        foreach (var url in new[] { "/taxii2/", "/taxii2/api/collections/", Taxii.Objects, Taxii.Manifest })
            await (await client.GetAsync(url)).TaxiiError(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Basic_authentication_takes_the_api_key_as_password_with_any_user_name()
    {
        var client = _f.CreateClient().AcceptingTaxii();
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("whoever:" + _f.PartnerInfo(DemoFacts.Trusted).ApiKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        Assert.NotEmpty(Taxii.ObjectsOf(await client.TaxiiGet(Taxii.Objects)));

        var wrong = _f.CreateClient().AcceptingTaxii();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("whoever:fw_nothing_here")));
        await (await wrong.GetAsync(Taxii.Objects)).TaxiiError(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_key_the_answer_is_401_with_a_basic_challenge_as_a_taxii_error()
    {
        var response = await _f.CreateClient().AcceptingTaxii().GetAsync("/taxii2/");
        var error = await response.TaxiiError(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic" && h.Parameter == "realm=\"Forewarn TAXII\"");
        Assert.Equal("unauthenticated", (string?)error["error_code"]);
        // The rest of the API keeps problem details and its Bearer challenge.
        var api = await _f.CreateClient().GetAsync("/api/v1/me");
        Assert.Equal("Bearer", api.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_without_read_scope_gets_403_and_writing_is_not_allowed()
    {
        var staff = _f.Staff();
        var issued = await staff.PostJson("/api/v1/keys", new
        {
            owner = "partner", partnerId = _f.PartnerInfo(DemoFacts.Trusted).Id, name = "ack only", scopes = new[] { "partner:acknowledge" },
        }, HttpStatusCode.Created);
        var ackOnly = _f.WithKey((string)issued["token"]!).AcceptingTaxii();
        await (await ackOnly.GetAsync("/taxii2/api/collections/")).TaxiiError(HttpStatusCode.Forbidden);

        // The read collection does not take objects (can_write false): 403, as TAXII 2.1 answers Add Objects there.
        var post = await _f.Partner(DemoFacts.Trusted).AcceptingTaxii().PostAsync(Taxii.Objects, new StringContent("{}", Encoding.UTF8, "application/taxii+json"));
        await post.TaxiiError(HttpStatusCode.Forbidden);
        var delete = await _f.Partner(DemoFacts.Trusted).AcceptingTaxii().DeleteAsync(Taxii.Objects);
        await delete.TaxiiError(HttpStatusCode.MethodNotAllowed);
    }
}
