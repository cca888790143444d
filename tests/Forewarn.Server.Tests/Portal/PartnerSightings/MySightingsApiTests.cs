using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using static Forewarn.Server.Tests.Portal.PartnerSightings.PartnerSightingSteps;

namespace Forewarn.Server.Tests.Portal.PartnerSightings;

/// <summary><c>POST</c> and <c>GET /api/v1/me/sightings</c>: JSON or multipart, only advisories the partner sees, its answer never a trace.</summary>
public sealed class MySightingsApiTests
{
    [Fact]
    public async Task A_key_reports_by_json_and_by_multipart_and_lists_them_with_its_taxii_sightings()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Partner(DemoFacts.Validate);
        var (advisory, copy) = await BastionsCopyAsync(f);
        var seen = f.Clock.GetUtcNow().AddHours(-2);

        var json = await corvid.PostJson("/api/v1/me/sightings", new
        {
            advisory, firstSeenAt = seen, seenWhere = "Lab honeypot", description = "Scans for the endpoint",
            sample = new { text = Encoding.UTF8.GetString(copy), fileName = "found.txt", mediaType = "text/plain" },
        }, HttpStatusCode.Created);
        Assert.Equal(("api", "Lab honeypot"), ((string?)json["channel"], (string?)json["seenWhere"]));
        Assert.Null(json["trace"]);
        Assert.DoesNotContain("Bastion", json.ToJsonString(), StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(advisory), "advisory" },
            { new StringContent(seen.ToString("O")), "firstSeenAt" },
            { new StringContent("Exploit kit seen in the wild"), "description" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("print('poc')\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/x-python");
        form.Add(file, "sample", "poc.py");
        var posted = await corvid.PostAsync("/api/v1/me/sightings", form);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var multipart = (await posted.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!;
        Assert.Equal(("poc.py", "text/x-python"), ((string?)multipart["sample"]!["fileName"], (string?)multipart["sample"]!["mediaType"]));

        var taxii = await Cases.CaseSteps.SightingAsync(corvid);
        var mine = (await corvid.GetJson("/api/v1/me/sightings")).AsArray();
        Assert.Equal(["api", "api", "taxii"], mine.Select(s => (string)s!["channel"]!).Order());
        Assert.Contains(mine, s => (string?)s!["stixId"] == taxii);
        Assert.DoesNotContain("Bastion", mine.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/sightings")).AsArray()); // only its own

        // Staff see both with their traces; a case cites one by its STIX id.
        var staff = f.Staff();
        var traced = await staff.GetJson($"/api/v1/sightings/{json["id"]}");
        Assert.Equal("Bastion Endpoint Security GmbH", (string?)traced["trace"]!["accused"]![0]!["name"]);
        var entry = await LogEntries.SingleAsync(staff, LogKinds.SightingRecorded, "sighting", (string)json["id"]!);
        Assert.NotEqual(Guid.Empty, Guid.Parse((string)entry["entry"]!["actor_key"]!)); // the key, not a person
        var reference = await Cases.CaseSteps.OpenAsync(staff, (string)traced["advisory"]!, (string)json["stixId"]!);
        Assert.StartsWith("CASE-", reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisory_the_partner_may_not_see_is_not_found_and_bad_input_is_refused_with_nothing_stored()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Partner(DemoFacts.Validate);
        var (advisory, _) = await BastionsCopyAsync(f);
        var seen = f.Clock.GetUtcNow().AddHours(-2);
        var before = await StoredAsync(f);

        var hidden = await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory = await NotCorvidsAsync(f), firstSeenAt = seen, description = "x" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        var unknown = await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory = Guid.NewGuid(), firstSeenAt = seen, description = "x" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal((string?)hidden["title"], (string?)unknown["title"]);
        await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory, firstSeenAt = seen, description = "x", sample = new { text = new string('a', 256 * 1024 + 1) } }))
            .Problem(HttpStatusCode.BadRequest, "sample-too-large");
        await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory, firstSeenAt = seen, description = "x", sample = new { contentBase64 = "//4AgQ==" } }))
            .Problem(HttpStatusCode.BadRequest, "sample-not-text");
        await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory, firstSeenAt = seen.AddDays(1), description = "x" }))
            .Problem(HttpStatusCode.BadRequest, "first-seen-in-future");
        await (await corvid.PostAsJsonAsync("/api/v1/me/sightings", new { advisory, firstSeenAt = seen }))
            .Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await corvid.PostAsync("/api/v1/me/sightings", new StringContent("{", Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest, "malformed-json");
        await (await corvid.PostAsync("/api/v1/me/sightings", new StringContent("seen", Encoding.UTF8, "text/plain")))
            .Problem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        using var badTime = new MultipartFormDataContent { { new StringContent(advisory), "advisory" }, { new StringContent("yesterday"), "firstSeenAt" } };
        await (await corvid.PostAsync("/api/v1/me/sightings", badTime)).Problem(HttpStatusCode.BadRequest, "invalid-first-seen");
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Staff().PostAsJsonAsync("/api/v1/me/sightings", new { advisory })).StatusCode);

        Assert.Equal(before, await StoredAsync(f));
    }
}
