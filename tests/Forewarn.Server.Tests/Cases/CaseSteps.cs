using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;

namespace Forewarn.Server.Tests.Cases;

/// <summary>What the case tests do over the API again and again: open a case, add evidence, decide, read a partner.</summary>
internal static class CaseSteps
{
    public static async Task<string> OpenAsync(HttpClient staff, string advisory = DemoFacts.Replay, params string[] sightings)
    {
        var opened = await staff.PostJson("/api/v1/cases", new { advisory, title = "Exploitation before release", sightings }, HttpStatusCode.Created);
        return (string)opened["reference"]!;
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient staff, string reference, Guid partner, string kind, string reason = "Copy found on a forum",
        string[]? classes = null, string? tier = null, int? lifts = null) =>
        staff.PostAsJsonAsync($"/api/v1/cases/{reference}/decisions", new { partner, kind, reason, classes, tier, lifts });

    public static async Task<JsonNode> DecidedAsync(HttpClient staff, string reference, Guid partner, string kind, string[]? classes = null,
        string? tier = null, int? lifts = null) =>
        await (await DecideAsync(staff, reference, partner, kind, classes: classes, tier: tier, lifts: lifts)).Json(HttpStatusCode.Created);

    public static Task<JsonNode> PartnerAsync(HttpClient staff, Guid partner) => staff.GetJson($"/api/v1/partners/{partner}");

    public static async Task<JsonNode> CaseAsync(HttpClient staff, string reference) => await staff.GetJson($"/api/v1/cases/{reference}");

    /// <summary>A sighting the partner sends over TAXII of the replayed advisory's report; its STIX id.</summary>
    public static async Task<string> SightingAsync(HttpClient partner)
    {
        var report = (string)(await partner.AcceptingTaxii().AllObjects()).First(o => Taxii.Taxii.HasReportOf([o], DemoFacts.Replay))["id"]!;
        var id = "sighting--" + Guid.NewGuid();
        var sighting = new JsonObject
        {
            ["type"] = "sighting", ["spec_version"] = "2.1", ["id"] = id,
            ["created"] = "2026-11-28T10:00:00.000Z", ["modified"] = "2026-11-28T11:00:00.000Z", ["sighting_of_ref"] = report, ["count"] = 1,
        };
        var body = new StringContent(new JsonObject { ["objects"] = new JsonArray(sighting) }.ToJsonString(), Encoding.UTF8);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii.Taxii.MediaType);
        var response = await partner.AcceptingTaxii().PostAsync("/taxii2/api/collections/5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835/objects/", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    public static object File(string name, string mediaType, byte[] bytes) =>
        new { kind = "file", fileName = name, mediaType, contentBase64 = Convert.ToBase64String(bytes) };
}
