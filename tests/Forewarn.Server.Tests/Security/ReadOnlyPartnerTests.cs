using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Domain.Partners;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Security;

/// <summary>
/// Finding 6 of issue 13: a suspended partner could still register webhooks. A partner that is not
/// receiving (suspended, removed) reads its own records and changes nothing.
/// </summary>
public sealed class ReadOnlyPartnerTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_suspended_partner_cannot_register_a_webhook_and_nothing_is_stored_but_it_still_reads_its_own_records()
    {
        var suspended = _f.Partner(DemoFacts.Suspended);
        var id = _f.PartnerInfo(DemoFacts.Suspended).Id;
        var partnerId = new Forewarn.Domain.Common.PartnerId(id);
        var endpointsBefore = await _f.InStoreAsync(db => db.WebhookEndpoints.CountAsync(e => e.PartnerId == partnerId));
        var logBefore = await EntriesAboutAsync(id);

        var refused = await suspended.PostAsJsonAsync("/api/v1/me/webhooks", new { url = "https://hooks.example.net/fw", events = new[] { "wave.published" } });
        var problem = await refused.Problem(HttpStatusCode.Forbidden, "partner-not-receiving");
        Assert.Contains("suspended", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(endpointsBefore, await _f.InStoreAsync(db => db.WebhookEndpoints.CountAsync(e => e.PartnerId == partnerId)));
        Assert.Equal(logBefore, await EntriesAboutAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await suspended.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await suspended.GetAsync("/api/v1/me/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await suspended.GetAsync("/api/v1/me/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await suspended.GetAsync("/api/v1/me/log/entries")).StatusCode);
    }

    /// <summary>Partner writes a suspended or removed partner may still make: answering a case's decision about it.</summary>
    private static readonly HashSet<string> AnsweringADecision = ["POST /api/v1/me/decisions/{id}/appeal"];

    [Fact]
    public async Task Every_write_a_partner_key_may_call_is_refused_while_the_partner_is_suspended_or_removed()
    {
        var staff = _f.Staff();
        var active = _f.Partner(DemoFacts.Trusted);
        var suspended = _f.Partner(DemoFacts.Suspended);
        var removed = _f.Partner(DemoFacts.Entry);
        // Removed in the store, as the rule of the programme allows (active → removed): what is tested is the partner's
        // key afterwards, whatever the staff's path to a removal (which may need a second pair of eyes).
        var removedId = new Forewarn.Domain.Common.PartnerId(_f.PartnerInfo(DemoFacts.Entry).Id);
        await _f.InStoreAsync(async db =>
        {
            var p = await db.Partners.FirstAsync(x => x.Id == removedId);
            p.ChangeStatus(PartnerStatus.Removed, "breach of the NDA", _f.Clock.GetUtcNow(), "test");
            return await db.SaveChangesAsync();
        });
        var document = await staff.GetJson("/openapi/v1.json");
        var writes = WriteOperations(document).ToList();
        Assert.NotEmpty(writes);
        var rows = await DomainRowsAsync();
        var suspendedEntries = await EntriesAboutAsync(_f.PartnerInfo(DemoFacts.Suspended).Id);
        var removedEntries = await EntriesAboutAsync(removedId.Value);

        var partnerWrites = new List<string>();
        foreach (var (method, path) in writes)
        {
            var s = await Classify(await Send(suspended, method, path));
            var r = await Classify(await Send(removed, method, path));
            var a = await Classify(await Send(active, method, path));
            if (a == "forbidden")
            {
                // Not a partner operation at all: the key is simply the wrong kind, whatever the partner's state.
                Assert.True(s == "forbidden" && r == "forbidden", $"{method} {path}: staff only, yet suspended: {s}, removed: {r}");
                continue;
            }
            partnerWrites.Add($"{method} {path}");
            if (AnsweringADecision.Contains($"{method} {path}"))
            {
                // The one write open while not receiving: appealing the decision that may have stopped it (docs/cases.md).
                // It answers as for the active partner (no such decision here), not partner-not-receiving.
                Assert.True(s == a && r == a, $"{method} {path}: an active partner's key gets {a}; suspended: {s}, removed: {r}");
                continue;
            }
            Assert.True(s == "partner-not-receiving", $"{method} {path}: an active partner's key gets {a}; a suspended one's must get partner-not-receiving, got {s}");
            Assert.True(r == "partner-not-receiving", $"{method} {path}: an active partner's key gets {a}; a removed one's must get partner-not-receiving, got {r}");
        }
        // The writes a partner may call, found from the document rather than listed here; at least these exist today.
        Assert.Contains("POST /api/v1/me/webhooks", partnerWrites);
        Assert.Contains("DELETE /api/v1/me/webhooks/{id}", partnerWrites);
        Assert.Contains("POST /api/v1/me/advisories/{id}/acknowledge", partnerWrites);
        Assert.Contains("POST /taxii2/api/collections/{id}/objects", partnerWrites);
        Assert.Subset(partnerWrites.ToHashSet(), AnsweringADecision);
        // Nothing the suspended and removed partners sent changed anything. (The active one's requests were
        // malformed on purpose — empty bodies, unknown ids — and changed nothing either.)
        Assert.Equal(rows, await DomainRowsAsync());
        Assert.Equal(suspendedEntries, await EntriesAboutAsync(_f.PartnerInfo(DemoFacts.Suspended).Id));
        Assert.Equal(removedEntries, await EntriesAboutAsync(removedId.Value));
    }

    [Fact]
    public async Task A_suspended_partners_sighting_over_TAXII_is_refused_as_a_TAXII_error()
    {
        var suspended = _f.Partner(DemoFacts.Suspended).AcceptingTaxii();
        var body = new StringContent("""{"objects":[]}""", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(Taxii.Taxii.MediaType);
        var response = await suspended.PostAsync("/taxii2/api/collections/5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835/objects/", body);
        var error = await response.TaxiiError(HttpStatusCode.Forbidden);
        Assert.Equal("partner-not-receiving", (string?)error["error_code"]);
    }

    private Task<string> DomainRowsAsync() => _f.InStoreAsync(async db => string.Join(",",
        await db.WebhookEndpoints.CountAsync(), await db.Acknowledgements.CountAsync(), await db.Sightings.CountAsync(),
        await db.SightingSubmissions.CountAsync(), await db.ApiKeys.CountAsync()));

    /// <summary>
    /// Log entries about a partner, sequenced or still pending. (The whole log's size is no measure: the
    /// server's own jobs write entries about the programme, not about a partner, at times of their own.)
    /// </summary>
    private Task<int> EntriesAboutAsync(Guid partner) => _f.InStoreAsync(async db =>
        await db.LogEntries.CountAsync(e => e.PartnerId == partner) + await db.LogPending.CountAsync(e => e.PartnerId == partner));

    /// <summary>Each POST, PUT, PATCH and DELETE of the document, with its path parameters' types.</summary>
    private static IEnumerable<(string Method, string Path)> WriteOperations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
                if (method is "post" or "put" or "patch" or "delete")
                    yield return (method.ToUpperInvariant(), path);
    }

    /// <summary>The write with made-up path values that fit their types (whole numbers, else a GUID) and an empty JSON object.</summary>
    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}",
            m => m.Groups[1].Value is "number" or "index" ? "1" : Guid.NewGuid().ToString());
        var taxii = path.StartsWith("/taxii2/", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Accept.ParseAdd(taxii ? Taxii.Taxii.MediaType : "application/json");
        if (method != "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(taxii ? Taxii.Taxii.MediaType : "application/json");
        }
        return client.SendAsync(request);
    }

    /// <summary>The refusal's code (problem type or TAXII error code), or the status for anything else.</summary>
    private static async Task<string> Classify(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.Forbidden) return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)body["error_code"] ?? ((string)body["type"]!).Replace("urn:forewarn:problem:", "", StringComparison.Ordinal);
    }
}
