using System.Net;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Hardening;

/// <summary>
/// Issue 13, findings 1, 2 and 4: values that once saved half a change or answered 500 are refused
/// with a 400 problem that names the field, and the store is exactly as before.
/// </summary>
public sealed class InputRulesTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    private readonly ForewarnFactory _f = server;

    private Task<string> Snapshot() => _f.InStoreAsync(async db =>
    {
        var sb = new StringBuilder();
        foreach (var t in await db.Tiers.AsNoTracking().OrderBy(t => t.Name).ToListAsync()) sb.Append(t.Name).Append('|');
        foreach (var a in await db.Artifacts.AsNoTracking().OrderBy(a => a.Title).ToListAsync()) sb.Append(a.Title).Append(a.FileName).Append(a.MediaType).Append('|');
        sb.Append(await db.Advisories.CountAsync()).Append('/').Append(await db.Partners.CountAsync()).Append('/')
          .Append(await db.Jurisdictions.CountAsync()).Append('/').Append(await db.ApiKeys.CountAsync()).Append('/')
          .Append(await db.PolicyVersions.CountAsync()).Append('/').Append(await db.WebhookEndpoints.CountAsync());
        return sb.ToString();
    });

    private async Task Refused(HttpClient client, HttpMethod method, string url, string json, string code, string names)
    {
        var before = await Snapshot();
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        var problem = await response.Problem(HttpStatusCode.BadRequest, code);
        Assert.True(((string?)problem["detail"])?.Contains(names, StringComparison.OrdinalIgnoreCase), $"'{names}' not named in: {problem["detail"]}");
        Assert.Equal(before, await Snapshot());
    }

    // Finding 1: the tier was saved, then building its Location failed and the answer said "nothing was changed".
    [Theory]
    [InlineData("Nul\\u0000Tier", "invalid-field", "tier name")]
    [InlineData("Bell\\u0007Tier", "invalid-field", "tier name")]
    [InlineData("Line\\nbreak", "invalid-field", "tier name")]
    [InlineData("Escape\\u001b[31m", "invalid-field", "tier name")]
    [InlineData("Right\\u202eto-left", "invalid-field", "tier name")]
    // A lone surrogate is not text at all: the JSON reader refuses it, naming where.
    [InlineData("Lone \\ud800 surrogate", "malformed-json", "$.name")]
    public Task A_tier_name_with_a_control_character_is_refused_and_not_saved(string name, string code, string names) =>
        Refused(_f.Staff(), HttpMethod.Post, "/api/v1/tiers", $$$"""{"name":"{{{name}}}","leadTimeDays":{"notice":1}}""", code, names);

    [Theory]
    [InlineData("/api/v1/partners", """{"legalName":"Nightjar AG","headquartersCountry":"DE","category":"antivirus-edr","tier":"Entry","jurisdictions":[null]}""", "jurisdictions")]
    [InlineData("/api/v1/policy/versions", """{"reason":"null rule","rules":[null]}""", "rules")]
    [InlineData("/api/v1/keys", """{"owner":"staff","name":"k","scopes":[null]}""", "scopes")]
    [InlineData("/api/v1/jurisdictions", """{"code":"SG","name":"Singapore","facts":[null]}""", "facts")]
    [InlineData("/api/v1/advisories", """{"reference":"FW-2026-9100","title":"t","releaseAt":"2026-12-20T17:00:00Z","cveIds":[null]}""", "cveIds")]
    public Task A_null_item_in_a_list_is_refused_naming_the_list(string url, string json, string list) =>
        Refused(_f.Staff(), HttpMethod.Post, url, json, "malformed-json", list);

    [Fact]
    public Task A_null_webhook_event_from_a_partner_is_refused() =>
        Refused(_f.Partner(DemoFacts.Trusted), HttpMethod.Post, "/api/v1/me/webhooks", """{"url":"https://hooks.example/n","events":[null]}""", "malformed-json", "events");

    [Theory]
    [InlineData("/api/v1/tiers", """{"name":"Twice","name":"Again","leadTimeDays":{"notice":1}}""", "'name'")]
    [InlineData("/api/v1/advisories", """{"reference":"FW-2026-9101","title":"t","title":"u","releaseAt":"2026-12-20T17:00:00Z"}""", "'title'")]
    public Task An_object_naming_a_member_twice_is_refused(string url, string json, string member) =>
        Refused(_f.Staff(), HttpMethod.Post, url, json, "malformed-json", member);

    [Theory]
    [InlineData("/api/v1/csaf/validate")]
    [InlineData("/api/v1/csaf/import")]
    public async Task A_csaf_document_naming_a_member_twice_is_refused(string url)
    {
        var text = CsafStandardFiles.Read("examples/csaf/bsi-2022-0001.json");
        var twice = text.Replace("\"document\": {", "\"document\": {\n    \"lang\": \"en\",", StringComparison.Ordinal);
        Assert.NotEqual(text, twice);
        await Refused(_f.Staff(), HttpMethod.Post, url, twice, "malformed-json", "lang");
    }

    [Theory]
    [InlineData("""{"name":"Big","leadTimeDays":{"poc":1e308}}""")]
    [InlineData("""{"name":"Big","leadTimeDays":{"poc":-1}}""")]
    public Task A_lead_time_out_of_range_is_refused(string json) =>
        Refused(_f.Staff(), HttpMethod.Post, "/api/v1/tiers", json, "invalid-lead-time", "poc");

    private static string Artifact(string title, string? mediaType = null, string? fileName = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { title, @class = "indicators", tlp = "AMBER", text = "203.0.113.7\n198.51.100.23\n", mediaType, fileName });

    [Theory]
    [InlineData("text/plain\r\nX-Injected: yes")]
    [InlineData("text/html<script>alert(1)</script>")]
    [InlineData("python")]
    [InlineData("*/*")]
    public Task A_media_type_that_is_not_one_is_refused(string mediaType) =>
        Refused(_f.Staff(), HttpMethod.Post, $"/api/v1/advisories/{DemoFacts.Replay}/artifacts", Artifact("Bad media", mediaType: mediaType),
            "invalid-media-type", "media type");

    [Theory]
    [InlineData("poc\u0000.py", "file name")]
    [InlineData("..", "folder")]
    [InlineData("a\\..\\..\\", "folder")]
    public Task A_file_name_that_cannot_be_one_is_refused(string fileName, string names) =>
        Refused(_f.Staff(), HttpMethod.Post, $"/api/v1/advisories/{DemoFacts.Replay}/artifacts", Artifact("Bad name", fileName: fileName),
            "invalid-field", names);

    [Fact]
    public Task A_megabyte_file_name_is_refused_not_dropped() =>
        Refused(_f.Staff(), HttpMethod.Post, $"/api/v1/advisories/{DemoFacts.Replay}/artifacts", Artifact("Long name", fileName: new string('a', 1_000_000)),
            "invalid-field", "at most 200");

    [Fact]
    public Task A_title_with_a_lone_surrogate_is_refused() =>
        Refused(_f.Staff(), HttpMethod.Post, $"/api/v1/advisories/{DemoFacts.Replay}/artifacts",
            """{"title":"Broken \ud800 title","class":"indicators","tlp":"AMBER","text":"203.0.113.7"}""", "malformed-json", "$.title");

    [Theory]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\iocs.txt", "iocs.txt")]
    public async Task A_file_name_with_folders_is_reduced_to_its_last_part(string fileName, string stored)
    {
        var added = await _f.Staff().PostAsync($"/api/v1/advisories/{DemoFacts.Replay}/artifacts",
            new StringContent(Artifact($"Traversal {stored}", fileName: fileName), Encoding.UTF8, "application/json"));
        var artifact = await added.Json(HttpStatusCode.Created);
        Assert.Equal(stored, (string?)artifact["fileName"]);
    }

    // Found by the fuzzing: on PostgreSQL a NUL in a query value reached the store and answered 500.
    [Theory]
    [InlineData("/api/v1/log/entries?kind=%00", "kind")]
    [InlineData("/api/v1/log/entries?kind=a%0Db", "kind")]
    [InlineData("/api/v1/advisories?x%01=1", "x?")]
    public async Task A_control_character_in_a_query_is_refused_naming_the_parameter(string url, string names)
    {
        var problem = await (await _f.Staff().GetAsync(url)).Problem(HttpStatusCode.BadRequest, "invalid-query");
        Assert.Contains($"'{names}'", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
