using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>How the tests talk TAXII: the right Accept header, and answers checked for the TAXII media type.</summary>
internal static class Taxii
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string CollectionId = "0b3d4a8e-6f7c-4e0e-9d3a-5c2b1f4e7a61";
    public const string Objects = $"/taxii2/api/collections/{CollectionId}/objects/";
    public const string Manifest = $"/taxii2/api/collections/{CollectionId}/manifest/";

    public static HttpClient AcceptingTaxii(this HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(MediaType));
        return client;
    }

    public static async Task<JsonNode> TaxiiJson(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        IsTaxiiMediaType(response);
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> TaxiiGet(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).TaxiiJson(expected);

    /// <summary>Asserts a TAXII error message (title, description, http_status as a string) and returns it.</summary>
    public static async Task<JsonNode> TaxiiError(this HttpResponseMessage response, HttpStatusCode status)
    {
        var error = await response.TaxiiJson(status);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["description"]));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)error["http_status"]);
        Assert.Null(error["type"]); // not an RFC 9457 problem
        return error;
    }

    public static void IsTaxiiMediaType(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType;
        Assert.Equal("application/taxii+json", type?.MediaType);
        Assert.Contains(type!.Parameters, p => p.Name == "version" && p.Value == "2.1");
    }

    public static JsonArray ObjectsOf(JsonNode envelope) => envelope["objects"]?.AsArray() ?? [];

    /// <summary>Every object of the collection for this client, following next to the end.</summary>
    public static async Task<List<JsonNode>> AllObjects(this HttpClient client, string query = "")
    {
        var all = new List<JsonNode>();
        var url = Objects + "?" + query;
        for (var pages = 0; pages < 100; pages++)
        {
            var envelope = await client.TaxiiGet(url);
            all.AddRange(ObjectsOf(envelope).Select(o => o!));
            if (!(bool)envelope["more"]!) return all;
            url = Objects + "?" + query + (query.Length > 0 ? "&" : "") + "next=" + Uri.EscapeDataString((string)envelope["next"]!);
        }
        throw new InvalidOperationException("More than 100 pages.");
    }

    /// <summary>A new scheduled advisory with <paramref name="count"/> notices published by one wave at <paramref name="waveAt"/>.</summary>
    public static async Task<(string Reference, List<string> Artifacts)> AdvisoryWithNotices(
        HttpClient staff, string reference, int count, DateTimeOffset waveAt, DateTimeOffset releaseAt)
    {
        await staff.PostJson("/api/v1/advisories", new
        {
            reference, title = $"Advisory {reference}", cveIds = new[] { "CVE-2026-41234" }, products = new[] { "Halcyon Viewer 3" },
            cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", releaseAt,
        }, HttpStatusCode.Created);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var a = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
                new { title = $"Notice {i}", @class = "notice", tlp = "amber", text = $"Notice number {i} of {reference}." }, HttpStatusCode.Created);
            ids.Add((string)a["id"]!);
        }
        await staff.PostJson($"/api/v1/advisories/{reference}/schedule", new { }, HttpStatusCode.OK);
        var wave = await staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/waves", new { at = waveAt, artifactIds = ids });
        Assert.Equal(HttpStatusCode.Created, wave.StatusCode);
        return (reference, ids);
    }

    /// <summary>Whether the objects include the report of the advisory <paramref name="reference"/>.</summary>
    public static bool HasReportOf(IEnumerable<JsonNode> objects, string reference) =>
        objects.Any(o => (string?)o["type"] == "report"
            && o["external_references"]!.AsArray().Any(r => (string?)r!["external_id"] == reference));
}
