using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Partner;

/// <summary>
/// The partner's advisory page: exactly the API's items and explanations, the partner's own
/// fingerprinted copy logged with channel portal and the user's id, its receipt, acknowledging,
/// and 404 for what the partner may not see.
/// </summary>
public sealed partial class AdvisoryPageTests
{
    [Fact]
    public async Task Corvids_advisory_pages_show_exactly_the_items_and_explanations_the_api_shows_corvids_key()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var api = await CorvidAtThePortal.ApiAsync(f);
        Assert.NotEmpty(api);
        foreach (var advisory in api)
        {
            var (page, html) = await visitor.GetAsync($"/portal/advisories/{advisory!["id"]}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var shown = WebUtility.HtmlDecode(html);
            Assert.Contains((string)advisory["reference"]!, shown, StringComparison.Ordinal);
            var artifacts = advisory["artifacts"]!.AsArray();
            Assert.Equal(artifacts.Count, ArtifactSection().Matches(html).Count);
            foreach (var artifact in artifacts)
            {
                Assert.Contains($"id=\"artifact-{artifact!["id"]}\"", html, StringComparison.Ordinal);
                Assert.Contains((string)artifact["explanation"]!, shown, StringComparison.Ordinal);
                // A download link exactly for what is open.
                Assert.Equal((bool)artifact["open"]!, html.Contains($"handler=content&amp;artifact={artifact["id"]}", StringComparison.Ordinal));
            }
            // The same advisory by its reference is the same page.
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/portal/advisories/{advisory["reference"]}")).Response.StatusCode);
        }
    }

    [Fact]
    public async Task A_portal_download_is_corvids_fingerprinted_copy_logged_with_channel_portal_and_the_user_and_its_receipt_verifies()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, artifact) = await CorvidAtThePortal.OpenDescriptionAsync(f);

        var download = await visitor.Http.GetAsync($"/portal/advisories/{advisory}?handler=content&artifact={artifact}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var copy = await download.Content.ReadAsStringAsync();
        var index = long.Parse(download.Headers.GetValues("X-Forewarn-Log-Index").Single(), System.Globalization.CultureInfo.InvariantCulture);

        // The trace names Corvid, and only Corvid.
        var trace = await f.Staff().PostJson("/api/v1/trace", new { artifactId = artifact, leaked = copy }, HttpStatusCode.OK);
        var accused = Assert.Single(trace["accused"]!.AsArray());
        Assert.Equal(f.PartnerInfo(DemoFacts.Validate).Id, (Guid)accused!["partnerId"]!);

        // The entry: served over the portal, to Corvid, naming the user by id and never by e-mail.
        var entries = await f.Staff().GetJson($"/api/v1/log/entries?start={index}&limit=1");
        var entry = entries["entries"]![0]!;
        Assert.Equal("content.served", (string?)entry["kind"]);
        Assert.Equal("portal", (string?)entry["entry"]!["channel"]);
        Assert.Equal(await CorvidAtThePortal.UserNameAsync(f), (string?)entry["entry"]!["user"]);
        Assert.Equal(f.PartnerInfo(DemoFacts.Validate).Id.ToString(), (string?)entry["entry"]!["partner"]);
        Assert.DoesNotContain(CorvidAtThePortal.Email(f), entry.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Beside the copy: its receipt, which verifies against the log's published key.
        var (page, html) = await visitor.GetAsync($"/portal/advisories/{advisory}");
        Assert.Contains($"/portal/log-entries/{index}/receipt", html, StringComparison.Ordinal);
        var receiptResponse = await visitor.Http.GetAsync($"/portal/log-entries/{index}/receipt");
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        var receipt = Receipt.Parse(await receiptResponse.Content.ReadAsStringAsync());
        Assert.Equal(index, receipt.Index);
        using var anonymous = f.CreateClient();
        var key = NoteKey.FromVerifierKey((await anonymous.GetStringAsync("/log/v1/key")).Trim());
        var verdict = LogVerifier.Receipt(receipt, key);
        Assert.True(verdict.Holds, verdict.Sentence);
        // The receipt is the same the API gives Corvid's key for that entry.
        var apiReceipt = await f.Partner(DemoFacts.Validate).GetJson($"/api/v1/me/log/entries/{index}/receipt");
        Assert.Equal((long)apiReceipt["index"]!, receipt.Index);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Acknowledging_on_the_page_is_what_the_api_shows_and_a_forged_post_changes_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var advisory = (await CorvidAtThePortal.ApiAsync(f)).First(a => a!["acknowledgedAt"] is null)!;
        var id = (string)advisory["id"]!;
        var page = $"/portal/advisories/{id}";

        // Without the anti-forgery token: refused, nothing acknowledged.
        var (forged, _) = await visitor.PostAsync($"{page}?handler=Acknowledge", ("Acknowledge.Note", "forged"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await f.Partner(DemoFacts.Validate).GetJson($"/api/v1/me/advisories/{id}"))["acknowledgedAt"]);

        // A note that is too long: shown beside the field, nothing acknowledged.
        var (tooLong, html) = await visitor.SubmitAsync(page, $"{page}?handler=Acknowledge", ("Acknowledge.Note", new string('x', 1001)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Matches("id=\"ack-note-error\"[^>]*>The note is at most 1000 characters", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Null((await f.Partner(DemoFacts.Validate).GetJson($"/api/v1/me/advisories/{id}"))["acknowledgedAt"]);

        var (done, _) = await visitor.SubmitAsync(page, $"{page}?handler=Acknowledge", ("Acknowledge.Note", "Read by the SOC"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var acknowledged = await f.Partner(DemoFacts.Validate).GetJson($"/api/v1/me/advisories/{id}");
        Assert.NotNull(acknowledged["acknowledgedAt"]);
        Assert.Contains("acknowledged this advisory", (await visitor.GetAsync(page)).Html, StringComparison.Ordinal);

        // The entry names the user by id as the actor, never the e-mail address.
        var entry = (await f.Staff().GetJson($"/api/v1/log/entries?kind=advisory.acknowledged&partner={f.PartnerInfo(DemoFacts.Validate).Id}"))["entries"]!.AsArray().Last()!;
        Assert.Equal(await CorvidAtThePortal.UserNameAsync(f), (string?)entry["entry"]!["actor"]);
        Assert.Equal("Read by the SOC", (string?)entry["entry"]!["note"]);
    }

    [Fact]
    public async Task An_unknown_and_a_forbidden_advisory_both_are_not_found()
    {
        await using var f = new ForewarnFactory();
        // Under embargo with no wave: no partner may know of it.
        await f.Staff().PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-0900", title = "Secret flaw in Widget", summary = "A flaw", cveIds = new[] { "CVE-2026-1900" },
            products = new[] { "Widget 1" }, releaseAt = ForewarnFactory.Start.AddDays(10),
        }, HttpStatusCode.Created);
        var secret = (string)(await f.Staff().GetJson("/api/v1/advisories/FW-2026-0900"))["id"]!;
        var visitor = await CorvidAtThePortal.SignInAsync(f);

        var unknown = await visitor.GetAsync($"/portal/advisories/{Guid.NewGuid()}");
        var unknownReference = await visitor.GetAsync("/portal/advisories/FW-1999-0001");
        var forbidden = await visitor.GetAsync($"/portal/advisories/{secret}");
        var forbiddenReference = await visitor.GetAsync("/portal/advisories/FW-2026-0900");
        Assert.All([unknown, unknownReference, forbidden, forbiddenReference], r => Assert.Equal(HttpStatusCode.NotFound, r.Response.StatusCode));
        // The same answer, but for the path it names and its trace id.
        Assert.Equal(Answer(unknown.Html), Answer(forbidden.Html));
        Assert.DoesNotContain("Secret flaw", forbidden.Html, StringComparison.Ordinal);

        // Nor can the forbidden advisory be acknowledged or its items fetched through the page.
        var (ackForbidden, _) = await visitor.SubmitAsync("/portal/time-zone", $"/portal/advisories/{secret}?handler=Acknowledge", ("Acknowledge.Note", "x"));
        Assert.Equal(HttpStatusCode.NotFound, ackForbidden.StatusCode);
        Assert.Equal(0, await f.InStoreAsync(db => db.Acknowledgements.CountAsync(a => a.AdvisoryId == new Forewarn.Domain.Common.AdvisoryId(Guid.Parse(secret)))));

        // A receipt of an entry about no partner (or another) is not found either.
        var (advisory, _) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var bastionCopy = await f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{await DemoFacts.ArtifactId(f.Staff(), DemoFacts.Replay, "description")}/content");
        var bastionEntry = bastionCopy.Headers.GetValues("X-Forewarn-Log-Index").Single();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/log-entries/{bastionEntry}/receipt")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/advisories/{advisory}?handler=content&artifact={Guid.NewGuid()}")).Response.StatusCode);
    }

    [Fact]
    public async Task To_staff_the_partner_pages_are_not_found()
    {
        await using var f = new ForewarnFactory();
        var ines = f.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(ines.Email, ines.Password);
        await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        var advisory = (string)(await CorvidAtThePortal.ApiAsync(f))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/advisories/{advisory}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/portal/log-entries")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/portal/log-entries/0/receipt")).Response.StatusCode);
    }

    private static string Answer(string body) => TraceId().Replace(AnyGuid().Replace(body, "ID"), "");

    [GeneratedRegex("\"traceId\":\"[0-9a-f]+\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnyGuid();

    [GeneratedRegex("<article class=\"artifact\"")]
    private static partial Regex ArtifactSection();
}
